import Foundation
import XCTest

/// `zonal firewall`, `query` and `synthesize` run as a user would, on the example plant and on broken input.
final class FirewallCommandTests: XCTestCase {
    func zonal(_ arguments: [String]) throws -> ZonalCommandTests.Run { try ZonalCommandTests.run(arguments) }

    func testExampleReportsFindingsWithRuleLocations() throws {
        let run = try zonal(["firewall", "Examples/firewall/plant.yaml", "--format", "json"])
        XCTAssertEqual(run.status, 1, run.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try XCTUnwrap(json["findings"] as? [[String: Any]])
        let checks = Set(findings.compactMap { $0["check"] as? String })
        XCTAssertTrue(checks.isSuperset(of: ["ZC-FW-01", "ZC-FW-03", "ZC-FW-05", "ZC-FW-06", "ZC-FW-08"]), "\(checks)")
        XCTAssertEqual(findings.first?["severity"] as? String, "critical", "worst first")
        let blocked = try XCTUnwrap(findings.first { $0["check"] as? String == "ZC-FW-03" })
        XCTAssertEqual(blocked["title"] as? String, "Firewall blocks a flow the plant needs")
        let location = try XCTUnwrap(blocked["location"] as? [String: Any])
        XCTAssertTrue((location["file"] as? String ?? "").hasSuffix("fw-core.rules"))
        let firewalls = try XCTUnwrap(json["firewalls"] as? [[String: Any]])
        XCTAssertEqual((firewalls.first?["matrix"] as? [Any])?.isEmpty, false)
    }

    func testTextCSVAndMarkdown() throws {
        let text = try zonal(["firewall", "Examples/firewall/plant.yaml"])
        XCTAssertTrue(text.stdout.contains("corp → sis"), text.stdout)
        let csv = try zonal(["firewall", "Examples/firewall/plant.yaml", "--format", "csv"])
        XCTAssertTrue(csv.stdout.hasPrefix("severity,check,file,line,column,subject,message,remediation\r\n"))
        let markdown = try zonal(["firewall", "Examples/firewall/plant.yaml", "--format", "markdown"])
        XCTAssertTrue(markdown.stdout.contains("| from | to | permitted | by |"))
        let sarif = try zonal(["firewall", "Examples/firewall/plant.yaml", "--format", "sarif"])
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let results = try XCTUnwrap(((log["runs"] as? [[String: Any]])?.first)?["results"] as? [[String: Any]])
        XCTAssertTrue(results.contains { ($0["ruleId"] as? String) == "ZC-FW-03" })
        XCTAssertTrue(sarif.stdout.contains("fw-core.rules"), "results point at the ruleset's lines")
    }

    func testQueryNamesTheDecidingRuleAndTheJump() throws {
        let run = try zonal(["firewall", "query", "Examples/firewall/fw-core.rules", "--from", "10.100.4.20", "--to", "10.10.1.10",
                             "--port", "22", "--protocol", "tcp", "--in", "eth0"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("ACCEPT"), run.stdout)
        XCTAssertTrue(run.stdout.contains("rule CORP_IN #2"), run.stdout)
        XCTAssertTrue(run.stdout.contains("via FORWARD #2"), run.stdout)
        let denied = try zonal(["firewall", "query", "Examples/firewall/fw-core.rules", "--from", "10.10.2.5", "--to", "10.20.0.10",
                                "--port", "4840", "--protocol", "tcp", "--format", "json"])
        XCTAssertTrue(denied.stdout.contains("\"verdict\" : \"deny\""), denied.stdout)
    }

    func testSynthesizeWritesOneCommentedRulePerFlow() throws {
        let run = try zonal(["firewall", "synthesize", "Examples/firewall/plant.yaml", "--target", "nftables", "--firewall", "fw-core"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("policy drop;"))
        for flow in ["remote-login", "hist-repl", "remote-eng", "sis-status"] { XCTAssertTrue(run.stdout.contains("flow \(flow) via conduit"), flow) }
        XCTAssertTrue(run.stdout.contains("iifname \"eth2\""), "interfaces come from the model's map")
        let ipt = try zonal(["firewall", "synthesize", "Examples/firewall/plant.yaml", "--target", "iptables"])
        XCTAssertTrue(ipt.stdout.contains("-A FORWARD -s 10.10.2.5 -d 10.20.0.10 -p tcp -m tcp --dport 4840"), ipt.stdout)
    }

    func testBrokenRulesetExitsTwoWithItsLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zonal-fw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("bad.rules").path
        try "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -p tcp --dport 70000 -j ACCEPT\nCOMMIT\n".write(toFile: path, atomically: true, encoding: .utf8)
        let run = try zonal(["firewall", "Examples/firewall/plant.yaml", path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("bad.rules:3:"), run.stderr)
        XCTAssertTrue(run.stderr.contains("70000"), run.stderr)
        let missing = try zonal(["firewall", "query", dir.appendingPathComponent("none.rules").path, "--from", "10.0.0.1", "--to", "10.0.0.2"])
        XCTAssertEqual(missing.status, 3, missing.stderr)
    }
}
