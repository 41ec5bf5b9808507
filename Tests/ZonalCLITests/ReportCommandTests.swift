import Foundation
import XCTest

/// `zonal report`, `crs`, `diagram`, `diff` and the machine formats of `check`, `requirements` and `paths`, run as a user would.
final class ReportCommandTests: XCTestCase {
    func zonal(_ arguments: [String], environment: [String: String] = [:]) throws -> ZonalCommandTests.Run {
        try ZonalCommandTests.run(arguments, environment: environment)
    }

    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zonal-report-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func testCheckRequirementsAndPathsWriteEveryMachineFormat() throws {
        let model = "Examples/water-utility/plant.yaml"
        let sarif = try zonal(["check", model, "--format", "sarif"])
        XCTAssertEqual(sarif.status, 1, sarif.stderr)
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        let csv = try zonal(["check", model, "--format", "csv"])
        XCTAssertTrue(csv.stdout.hasPrefix("severity,check,title,clause,file,line,column,subject,message,remediation\r\n"))
        XCTAssertTrue(try zonal(["check", model, "--format", "markdown"]).stdout.contains("## Findings"))
        let requirements = try zonal(["requirements", model, "--zone", "pump-stations", "--unmet", "--format", "csv"])
        XCTAssertEqual(requirements.status, 0, requirements.stderr)
        let rows = requirements.stdout.split(separator: "\r\n").dropFirst()
        XCTAssertFalse(rows.isEmpty)
        XCTAssertTrue(rows.allSatisfy { $0.hasPrefix("zone,pump-stations,") && $0.contains(",unmet,") }, "--zone and --unmet apply to CSV")
        XCTAssertTrue(try zonal(["requirements", model, "--format", "sarif"]).stdout.contains("\"ruleId\""))
        let paths = try zonal(["paths", model, "--format", "markdown"])
        XCTAssertTrue(paths.stdout.contains("`vendor` → `scada`"), paths.stdout)
        XCTAssertTrue(try zonal(["paths", model, "--format", "csv"]).stdout.hasPrefix("entry,target,hop,"))
    }

    func testHelpHasAnExampleForEveryNewCommand() throws {
        for command in ["report", "crs", "diagram", "diff"] {
            let run = try zonal([command, "--help"])
            XCTAssertEqual(run.status, 0)
            XCTAssertTrue(run.stdout.contains("Examples:") && run.stdout.contains("zonal \(command) "), command)
        }
    }

    func testDiagramFormats() throws {
        let model = "Examples/substation/plant.yaml"
        XCTAssertTrue(try zonal(["diagram", model]).stdout.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        XCTAssertTrue(try zonal(["diagram", model, "--format", "dot"]).stdout.hasPrefix("digraph zones {"))
        XCTAssertTrue(try zonal(["diagram", model, "--format", "mermaid"]).stdout.hasPrefix("flowchart TB"))
        XCTAssertEqual(try zonal(["diagram", model, "--format", "png"]).status, 64)
    }

    func testReportAndCRSWriteHTMLAndMarkdownWithTheGivenDate() throws {
        let dir = try temporaryDirectory()
        let html = dir.appendingPathComponent("report.html").path
        let run = try zonal(["report", "Examples/refinery/plant.yaml", "--date", "2026-02-03", "-o", html])
        XCTAssertEqual(run.status, 0, run.stderr)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(page.contains("<dd>2026-02-03</dd>"))
        let crs = try zonal(["crs", "Examples/refinery/plant.yaml", "--format", "markdown", "--date", "2026-02-03"])
        XCTAssertEqual(crs.status, 0, crs.stderr)
        XCTAssertTrue(crs.stdout.contains("## ZCR 6.4 "))
        XCTAssertEqual(try zonal(["report", "Examples/refinery/plant.yaml", "--date", "3 Feb"]).status, 64, "a bad date is a usage error")
        XCTAssertEqual(try zonal(["report", "Examples/refinery/plant.yaml", "--format", "pdf"]).status, 64, "pdf needs -o")
    }

    func testPDFWithoutChromiumSaysHowToInstallItAndExitsFour() throws {
        let pdf = try temporaryDirectory().appendingPathComponent("report.pdf").path
        let run = try zonal(["report", "Examples/refinery/plant.yaml", "--format", "pdf", "-o", pdf], environment: ["PATH": "/nonexistent"])
        XCTAssertEqual(run.status, 5, run.stderr)
        XCTAssertTrue(run.stderr.contains("apt-get install chromium"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: pdf))
    }

    func testPDFIsPrintedByHeadlessChromium() throws {
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try XCTSkipIf(chromium == nil, "headless Chromium is needed: apt-get install chromium (.ci/run installs it)")
        let pdf = try temporaryDirectory().appendingPathComponent("crs.pdf").path
        let run = try zonal(["crs", "Examples/substation/plant.yaml", "--format", "pdf", "-o", pdf])
        XCTAssertEqual(run.status, 0, run.stderr)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
        XCTAssertEqual(Array(bytes.prefix(5)), Array("%PDF-".utf8))
        XCTAssertGreaterThan(bytes.count, 10_000)
    }

    func testDiffReportsTheChangeAndGatesOnNewFindings() throws {
        let dir = try temporaryDirectory()
        let original = try String(contentsOfFile: ZonalCommandTests.packageRoot.appendingPathComponent("Examples/refinery/plant.yaml").path, encoding: .utf8)
        let weakened = original.replacingOccurrences(of: "    direction: bpcs->dmz\n    enforcement: data-diode\n", with: "    enforcement: firewall\n")
        XCTAssertNotEqual(weakened, original)
        let changed = dir.appendingPathComponent("plant.yaml").path
        try weakened.write(toFile: changed, atomically: true, encoding: .utf8)

        let same = try zonal(["diff", "Examples/refinery/plant.yaml", "Examples/refinery/plant.yaml", "--fail-on-new", "info"])
        XCTAssertEqual(same.status, 0, same.stderr)
        XCTAssertTrue(same.stdout.contains("No change"))

        let text = try zonal(["diff", "Examples/refinery/plant.yaml", changed])
        XCTAssertEqual(text.status, 0, "without --fail-on-new a diff never fails")
        XCTAssertTrue(text.stdout.contains("enforcement: data-diode → firewall"), text.stdout)

        let gated = try zonal(["diff", "Examples/refinery/plant.yaml", changed, "--fail-on-new", "low", "--format", "json"])
        XCTAssertEqual(gated.status, 1, gated.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(gated.stdout.utf8)) as? [String: Any])
        let objects = try XCTUnwrap(json["objects"] as? [[String: Any]])
        XCTAssertEqual(objects.first?["id"] as? String, "bpcs-historian")
        XCTAssertFalse((json["introduced"] as? [Any] ?? []).isEmpty)

        let markdown = try zonal(["diff", "Examples/refinery/plant.yaml", changed, "--format", "markdown"])
        XCTAssertTrue(markdown.stdout.hasPrefix("## Zonal: change impact"))
        XCTAssertTrue(markdown.stdout.contains("| changed | conduit `bpcs-historian` |"), markdown.stdout)

        let broken = dir.appendingPathComponent("broken.yaml").path
        try "zonal: 1\nzones: [".write(toFile: broken, atomically: true, encoding: .utf8)
        XCTAssertEqual(try zonal(["diff", "Examples/refinery/plant.yaml", broken]).status, 2, "an invalid model exits 2")
    }

    func testDiffReadsTheOldModelFromStandardInput() throws {
        let original = try String(contentsOfFile: ZonalCommandTests.packageRoot.appendingPathComponent("Examples/refinery/plant.yaml").path, encoding: .utf8)
        let process = Process()
        process.executableURL = ZonalCommandTests.executable
        process.arguments = ["diff", "-", "Examples/refinery/plant.yaml", "--format", "json"]
        process.currentDirectoryURL = ZonalCommandTests.packageRoot
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(original.replacingOccurrences(of: "enforcement: jump-host", with: "enforcement: vpn").utf8))
        try input.fileHandleForWriting.close()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: stdout) as? [String: Any])
        XCTAssertEqual(json["old"] as? String, "<stdin>")
        let objects = try XCTUnwrap(json["objects"] as? [[String: Any]])
        XCTAssertEqual(objects.map { $0["id"] as? String }, ["dmz-bpcs-remote"])
    }
}
