import Foundation
import XCTest
import ZonalCaptureGenerator

/// `zonal traffic` as a user or CI job runs it: formats, the JSON keys scripts rely on, and the exit codes.
final class TrafficCommandTests: XCTestCase {
    func files() throws -> (model: String, capture: String) { try Self.plantFiles() }

    /// The generated plant capture and its model in a fresh directory; `zonal report --capture` tests use them too.
    static func plantFiles() throws -> (model: String, capture: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zonal-traffic-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let writer = CaptureWriter(options: CaptureOptions(container: .pcapng))
        PlantScenario.write(to: writer)
        let capture = dir.appendingPathComponent("plant.pcapng").path
        try writer.finish(to: capture)
        let model = dir.appendingPathComponent("plant.yaml").path
        try PlantScenario.modelYAML.write(toFile: model, atomically: true, encoding: .utf8)
        return (model, capture)
    }

    func testJSONHasTheDocumentedKeysAndViolationsExitOne() throws {
        let (model, capture) = try files()
        let run = try ZonalCommandTests.run(["traffic", model, capture, "--format", "json"])
        XCTAssertEqual(run.status, 1, run.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        for key in ["packets", "bytes", "protocols", "functions", "flows", "violations"] { XCTAssertNotNil(object[key], key) }
        XCTAssertEqual(object["packets"] as? Int, 386)
        let protocols = try XCTUnwrap(object["protocols"] as? [String: [String: Int]])
        XCTAssertEqual(protocols["modbus"]?["packets"], 86)
        let functions = try XCTUnwrap(object["functions"] as? [String: [String: Int]])
        XCTAssertEqual(functions["modbus"]?["5"], 2)
        XCTAssertEqual(functions["dnp3"]?["129"], 10, "one of them in a fragmented datagram")
        XCTAssertEqual(Set(functions.keys), ["modbus", "dnp3", "s7comm", "iec104", "cip", "enip"])
        let violations = try XCTUnwrap(object["violations"] as? [[String: Any]])
        let forbidden = try XCTUnwrap(violations.first { $0["kind"] as? String == "forbidden-function" })
        XCTAssertEqual(forbidden["conduit"] as? String, "bpcs-sis")
        XCTAssertFalse((forbidden["frames"] as? [Int] ?? []).isEmpty)
        let flows = try XCTUnwrap(object["flows"] as? [[String: Any]])
        let s7 = try XCTUnwrap(flows.first { $0["protocol"] as? String == "s7comm" })
        XCTAssertTrue(s7["conduit"] is NSNull)
        XCTAssertEqual(s7["zones"] as? [String], ["corp", "bpcs"])
    }

    func testOtherFormatsAndFailOn() throws {
        let (model, capture) = try files()
        let csv = try ZonalCommandTests.run(["traffic", model, capture, "--format", "csv", "--fail-on", "critical"])
        XCTAssertEqual(csv.status, 1, "critical violations exist (ZC-TR-03, ZC-TR-04)")
        XCTAssertTrue(csv.stdout.hasPrefix("capture,client,client_port"))
        XCTAssertEqual(csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, 33)
        let markdown = try ZonalCommandTests.run(["traffic", model, capture, "--format", "markdown"])
        XCTAssertTrue(markdown.stdout.contains("| bpcs-dmz | bpcs, dmz | 1 |"), markdown.stdout)
        let sarif = try ZonalCommandTests.run(["traffic", model, capture, "--format", "sarif"])
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let runs = try XCTUnwrap(log["runs"] as? [[String: Any]])
        let results = try XCTUnwrap(runs.first?["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 17)
        let forbidden = try XCTUnwrap(results.first { $0["ruleId"] as? String == "ZC-TR-03" })
        XCTAssertTrue(((forbidden["message"] as? [String: Any])?["text"] as? String ?? "").contains("frames"), "evidence frames in the message")
        let text = try ZonalCommandTests.run(["traffic", model, capture])
        XCTAssertTrue(text.stdout.contains("ZC-TR-03"))
        XCTAssertTrue(text.stderr.isEmpty, "no progress bar when standard error is not a terminal: \(text.stderr)")
    }

    func testDamagedCaptureExitsFourAndStillReports() throws {
        let (model, capture) = try files()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: capture))
        try bytes.prefix(bytes.count - 30).write(to: URL(fileURLWithPath: capture))
        let run = try ZonalCommandTests.run(["traffic", model, capture, "--format", "json"])
        XCTAssertEqual(run.status, 4)
        XCTAssertTrue(run.stderr.contains("packet 386"), run.stderr)
        XCTAssertTrue(run.stdout.contains("\"violations\""))
    }

    func testTruncatedGzipCaptureExitsFourWithTheOffset() throws {
        let (model, capture) = try files()
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/gzip") || FileManager.default.isExecutableFile(atPath: "/bin/gzip") else {
            throw XCTSkip("gzip is not installed")
        }
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: FileManager.default.isExecutableFile(atPath: "/usr/bin/gzip") ? "/usr/bin/gzip" : "/bin/gzip")
        gzip.arguments = [capture]
        try gzip.run()
        gzip.waitUntilExit()
        let compressed = try Data(contentsOf: URL(fileURLWithPath: capture + ".gz"))
        let cut = capture + ".cut"
        try compressed.prefix(compressed.count / 2).write(to: URL(fileURLWithPath: cut))
        let run = try ZonalCommandTests.run(["traffic", model, cut, "--format", "json"])
        XCTAssertEqual(run.status, 4, run.stderr)
        XCTAssertTrue(run.stderr.contains("gzip data ends early"), run.stderr)
        XCTAssertTrue(run.stderr.range(of: #"byte [1-9][0-9]*, packet [1-9][0-9]*"#, options: .regularExpression) != nil, run.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertGreaterThan(object["packets"] as? Int ?? 0, 0, "results up to the damage are kept")
        let whole = try ZonalCommandTests.run(["traffic", model, capture + ".gz", "--format", "json"])
        XCTAssertEqual(whole.status, 1, whole.stderr)
        XCTAssertTrue(whole.stdout.contains("\"packets\" : 386"))
    }

    func testForeignFileExitsTwoAndMissingFileThree() throws {
        let (model, _) = try files()
        let foreign = try ZonalCommandTests.run(["traffic", model, model])
        XCTAssertEqual(foreign.status, 2)
        XCTAssertTrue(foreign.stderr.contains("not a pcap"), foreign.stderr)
        XCTAssertEqual(try ZonalCommandTests.run(["traffic", model, "/nonexistent.pcap"]).status, 3)
    }

    func testDiscoverProposesAModelThatLoads() throws {
        let (model, capture) = try files()
        let run = try ZonalCommandTests.run(["traffic", "discover", capture])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("networks: [\"10.10.2.0/24\"]"))
        XCTAssertTrue(run.stdout.contains("functions: [read-holding-registers, write-single-coil]"), run.stdout)
        let proposed = URL(fileURLWithPath: model).deletingLastPathComponent().appendingPathComponent("proposed.yaml").path
        try run.stdout.write(toFile: proposed, atomically: true, encoding: .utf8)
        let check = try ZonalCommandTests.run(["check", proposed, "--quiet-warnings"])
        XCTAssertNotEqual(check.status, 2, "the proposed model must load: \(check.stdout)\(check.stderr)")
    }
}
