import Foundation
import XCTest
import ZonalAnalysis
import ZonalModel
import ZonalReports

/// Every output format on every shipped example, compared byte for byte with the files under Golden/.
///
/// After an intended change, regenerate them with
///     ZONAL_REGENERATE_GOLDEN=1 swift test --filter GoldenTests
/// and review the diff of Tests/ZonalReportsTests/Golden/ like code.
final class GoldenTests: XCTestCase {
    static let regenerate = ProcessInfo.processInfo.environment["ZONAL_REGENERATE_GOLDEN"] == "1"
    static let goldenRoot = ReportFixtures.packageRoot.appendingPathComponent("Tests/ZonalReportsTests/Golden")

    /// Every rendering of one example, by golden file name.
    static func outputs(_ e: ReportFixtures.Example) -> [(String, String)] {
        let a = e.assessment
        let targets = a.zones + a.conduits
        return [
            ("check.txt", CheckReport.text(a, style: .plain)),
            ("check.json", CheckReport.json(a)),
            ("check.sarif", SARIFReport.findings(a)),
            ("check.csv", AssessmentCSV.findings(a)),
            ("check.md", AssessmentMarkdown.check(a)),
            ("requirements.txt", RequirementsReport.text(a.zones, a.conduits, style: .plain)),
            ("requirements.json", RequirementsReport.json(a.zones, a.conduits)),
            ("requirements.sarif", SARIFReport.requirements(targets)),
            ("requirements.csv", AssessmentCSV.requirements(targets)),
            ("requirements.md", AssessmentMarkdown.requirements(targets)),
            ("paths.txt", PathsReport.text(a.attackPaths, style: .plain)),
            ("paths.json", PathsReport.json(a.attackPaths)),
            ("paths.sarif", SARIFReport.paths(a.attackPaths, model: a.model)),
            ("paths.csv", AssessmentCSV.paths(a.attackPaths)),
            ("paths.md", AssessmentMarkdown.paths(a.attackPaths)),
            ("report.html", AssessmentReportPage.html(a, header: e.header)),
            ("report.md", AssessmentReportMarkdown.markdown(a, header: e.header)),
            ("diagram.svg", ZoneDiagram.svg(a)),
            ("diagram.dot", ZoneDiagramDOT.dot(a)),
            ("diagram.mmd", ZoneDiagramMermaid.mermaid(a)),
            ("crs.html", RequirementsSpecificationPage.html(a, header: e.header)),
            ("crs.md", RequirementsSpecificationMarkdown.markdown(a, header: e.header)),
        ]
    }

    func testEveryFormatOfEveryExampleMatchesItsGoldenFile() throws {
        var mismatches: [String] = []
        for name in ReportFixtures.examples {
            let example = try ReportFixtures.example(name)
            let dir = Self.goldenRoot.appendingPathComponent(name)
            if Self.regenerate { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
            for (file, output) in Self.outputs(example) {
                let url = dir.appendingPathComponent(file)
                if Self.regenerate {
                    try output.write(to: url, atomically: true, encoding: .utf8)
                    continue
                }
                guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
                    mismatches.append("\(name)/\(file): no golden file (run ZONAL_REGENERATE_GOLDEN=1 swift test --filter GoldenTests)")
                    continue
                }
                if expected != output {
                    let line = zip(expected.split(separator: "\n", omittingEmptySubsequences: false), output.split(separator: "\n", omittingEmptySubsequences: false))
                        .enumerated().first { $0.element.0 != $0.element.1 }
                    mismatches.append("\(name)/\(file) differs" + (line.map { " at line \($0.offset + 1):\n  golden: \($0.element.0)\n  now:    \($0.element.1)" } ?? " in length"))
                }
            }
        }
        XCTAssertEqual(mismatches, [], "regenerate with ZONAL_REGENERATE_GOLDEN=1 swift test --filter GoldenTests if the change is intended")
    }

    /// `zonal diff` of the refinery against a copy whose SIS conduit is weakened to a plain firewall and gains a write rule.
    func testTheDiffOfAWeakenedRefineryMatchesItsGoldenFiles() throws {
        let path = "Examples/refinery/plant.yaml"
        let text = try String(contentsOf: ReportFixtures.packageRoot.appendingPathComponent(path), encoding: .utf8)
        let changed = text.replacingOccurrences(of: "    enforcement: dpi-firewall\n", with: "    enforcement: firewall\n")
            .replacingOccurrences(of: "  - { id: hmi-dcs, from: hmi-1, to: dcs-1, protocol: vendor-dcs, port: 2000, essential: true }",
                                  with: "  - { id: hmi-dcs, from: hmi-1, to: dcs-1, protocol: vendor-dcs, port: 2001, essential: true }")
        XCTAssertNotEqual(changed, text)
        let old = Analyzer.assess(try ModelLoader.load(bytes: Array(text.utf8), file: path).model)
        let new = Analyzer.assess(try ModelLoader.load(bytes: Array(changed.utf8), file: "Examples/refinery/plant-changed.yaml").model)
        let diff = ModelDiffer.diff(old: old, new: new)
        XCTAssertFalse(diff.isEmpty)
        var mismatches: [String] = []
        let dir = Self.goldenRoot.appendingPathComponent("diff")
        if Self.regenerate { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        for (file, output) in [("refinery.txt", DiffReport.text(diff, style: .plain)), ("refinery.json", DiffReport.json(diff)),
                               ("refinery.md", DiffReport.markdown(diff))] {
            let url = dir.appendingPathComponent(file)
            if Self.regenerate { try output.write(to: url, atomically: true, encoding: .utf8); continue }
            if (try? String(contentsOf: url, encoding: .utf8)) != output { mismatches.append("diff/\(file)") }
        }
        XCTAssertEqual(mismatches, [], "regenerate with ZONAL_REGENERATE_GOLDEN=1 swift test --filter GoldenTests if the change is intended")
    }

    func testRenderingTwiceGivesTheSameBytes() throws {
        let first = Self.outputs(try ReportFixtures.example("refinery"))
        let second = Self.outputs(try ReportFixtures.example("refinery"))
        XCTAssertEqual(first.map(\.1), second.map(\.1))
    }
}
