import Foundation
import XCTest

/// `zonal report --capture` and `--firewall-config`/`--firewalls`: traffic and firewall findings join the report's findings.
final class ReportInputsCommandTests: XCTestCase {
    func zonal(_ arguments: [String]) throws -> ZonalCommandTests.Run { try ZonalCommandTests.run(arguments) }

    func testCapturesAddTrafficFindingsWithTheirFrames() throws {
        let (model, capture) = try TrafficCommandTests.plantFiles()
        let plain = try zonal(["report", model, "--format", "markdown", "--date", "2026-01-15"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertFalse(plain.stdout.contains("ZC-TR-"), "no traffic findings without a capture")
        let withTraffic = try zonal(["report", model, "--capture", capture, "--format", "markdown", "--date", "2026-01-15"])
        XCTAssertEqual(withTraffic.status, 0, withTraffic.stderr)
        XCTAssertTrue(withTraffic.stdout.contains("ZC-TR-03"), "the forbidden function code is reported")
        XCTAssertNotNil(withTraffic.stdout.range(of: #"frames [0-9]+(, [0-9]+)* of [^ ]*plant\.pcapng"#, options: .regularExpression),
                        "frame-number evidence")
        let html = try zonal(["report", model, "--capture", capture, "--date", "2026-01-15"])
        XCTAssertEqual(html.status, 0, html.stderr)
        XCTAssertTrue(html.stdout.contains("<code>ZC-TR-03</code>"))
        let traffic = try zonal(["traffic", model, capture, "--format", "sarif"])
        let results = try XCTUnwrap(((try JSONSerialization.jsonObject(with: Data(traffic.stdout.utf8)) as? [String: Any])?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        XCTAssertEqual(html.stdout.components(separatedBy: "<code>ZC-TR-").count - 1, results.count,
                       "every violation 'zonal traffic' reports appears once in the findings table")
    }

    func testAMissingCaptureExitsThree() throws {
        let run = try zonal(["report", "Examples/refinery/plant.yaml", "--capture", "/nonexistent/day1.pcap"])
        XCTAssertEqual(run.status, 3, run.stderr)
        XCTAssertTrue(run.stderr.contains("/nonexistent/day1.pcap"), run.stderr)
    }

    func testFirewallRulesetsAddTheirFindings() throws {
        let model = "Examples/firewall/plant.yaml"
        let plain = try zonal(["report", model, "--format", "markdown", "--date", "2026-01-15"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertFalse(plain.stdout.contains("ZC-FW-03"))
        let given = try zonal(["report", model, "--firewall-config", "Examples/firewall/fw-core.rules", "--format", "markdown", "--date", "2026-01-15"])
        XCTAssertEqual(given.status, 0, given.stderr)
        XCTAssertTrue(given.stdout.contains("ZC-FW-03"), "the blocked essential flow")
        XCTAssertTrue(given.stdout.contains("Firewall blocks a flow the plant needs"), "titled from the rule reference")
        XCTAssertTrue(given.stdout.contains("fw-core.rules"), "located at the ruleset's line")
        let bound = try zonal(["report", model, "--firewalls", "--format", "markdown", "--date", "2026-01-15"])
        XCTAssertEqual(bound.status, 0, bound.stderr)
        XCTAssertTrue(bound.stdout.contains("ZC-FW-03"))
        let both = try zonal(["report", model, "--firewalls", "--firewall-config", "Examples/firewall/fw-core.rules"])
        XCTAssertEqual(both.status, 64, "a usage error")
    }
}
