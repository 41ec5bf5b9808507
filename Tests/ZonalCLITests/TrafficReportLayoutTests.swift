import Foundation
import XCTest
import ZonalAnalysis
import ZonalCaptureGenerator
import ZonalModel
@testable import ZonalReports
import ZonalTraffic

/// The traffic report's hand-written JSON is byte for byte what `JSONOutput` (Foundation's encoder) gives for the same
/// values, and its Markdown escapes model and capture text.
final class TrafficReportLayoutTests: XCTestCase {
    func testTrafficJSONEqualsTheEncoderOutput() throws {
        let (model, capture) = try TrafficCommandTests.plantFiles()
        let loaded = try ModelLoader.load(path: model).model
        for threads in [1, 3] {
            let observation = try TrafficReader.read([capture], threads: threads, minimumPartBytes: 1)
            let assessment = TrafficAnalyzer.assess(loaded, observation: observation)
            let written = TrafficReport.json(assessment)
            XCTAssertEqual(written, JSONOutput.encode(TrafficReport.document(assessment)))
            XCTAssertTrue(written.contains("\"serverName\" : \"historian.plant.example\""))
        }
    }

    func testStringsAndEmptyContainersAreWrittenLikeTheEncoder() {
        let strings = ["plain", "quote \" and \\ backslash", "slash / url http://x/y", "tab\tnew\nline\rcr", "\u{0}\u{1}\u{8}\u{C}\u{1F}\u{7F}",
                       "ünïcødé ↔ 工厂 🏭", ""]
        for s in strings {
            var w = JSONWriter()
            w.object { w in
                w.field("a", s)
                w.field("b", strings: [])
                w.key("c")
                w.object { _ in }
                w.field("d", ints: [1, -2, 300])
            }
            struct Shape: Encodable { let a: String; let b: [String]; let c: [String: Int]; let d: [Int] }
            XCTAssertEqual(w.text, JSONOutput.encode(Shape(a: s, b: [], c: [:], d: [1, -2, 300])), s.debugDescription)
        }
    }

    func testMarkdownEscapesModelAndCaptureText() throws {
        let (model, capture) = try TrafficCommandTests.plantFiles()
        let yaml = PlantScenario.modelYAML.replacingOccurrences(of: "name: Generated test plant", with: "name: \"Plant <img src=x> | *bold* [link](y)\"")
        XCTAssertNotEqual(yaml, PlantScenario.modelYAML)
        try yaml.write(toFile: model, atomically: true, encoding: .utf8)
        let assessment = TrafficAnalyzer.assess(try ModelLoader.load(path: model).model, observation: try TrafficReader.read([capture]))
        let markdown = TrafficReport.markdown(assessment)
        XCTAssertTrue(markdown.hasPrefix("# Traffic conformance: Plant \\<img src=x\\> \\| \\*bold\\* \\[link\\](y)\n"), markdown)
        XCTAssertFalse(markdown.replacingOccurrences(of: "\\<", with: "").contains("<"), "no unescaped HTML")
        XCTAssertTrue(markdown.contains("| bpcs-dmz | bpcs, dmz | 1 |"))
    }
}
