import Foundation
import XCTest

/// `zonal risk` on the refinery and on plants without risk sections, as a user or CI job runs it.
final class RiskCommandTests: XCTestCase {
    func zonal(_ arguments: [String]) throws -> ZonalCommandTests.Run { try ZonalCommandTests.run(arguments) }

    func json(_ run: ZonalCommandTests.Run) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], run.stderr)
    }

    func testTheRefineryScenariosReproduceItsSLT() throws {
        let run = try zonal(["risk", "Examples/refinery/plant.yaml", "--format", "json"])
        XCTAssertEqual(run.status, 1, "one scenario stays intolerable: \(run.stderr)")
        let doc = try json(run)
        let zones = try XCTUnwrap(doc["zones"] as? [[String: Any]])
        var derived: [String: String] = [:]
        for zone in zones {
            let vector = try XCTUnwrap(zone["derived"] as? [String: Any])
            derived[zone["id"] as? String ?? "?"] = vector["notation"] as? String
            XCTAssertEqual((zone["declared"] as? [String: Any])?["notation"] as? String, vector["notation"] as? String, "\(zone["id"] ?? "?")")
        }
        XCTAssertEqual(derived, ["sis": "{3,3,3,2,3,2,3}", "bpcs": "{2,2,2,2,2,2,2}", "dmz": "{2,2,2,2,2,2,2}", "corp": "{1,1,1,1,1,1,1}"])
        let conduits = try XCTUnwrap(doc["conduits"] as? [[String: Any]])
        XCTAssertTrue(conduits.allSatisfy { ($0["below"] as? [String])?.isEmpty == true })

        let sis = try XCTUnwrap(zones.first { $0["id"] as? String == "sis" })
        let trace = try XCTUnwrap(sis["trace"] as? [[String: Any]])
        let iac = try XCTUnwrap(trace.first { $0["fr"] as? String == "IAC" })
        let setBy = try XCTUnwrap(iac["setBy"] as? [[String: Any]])
        XCTAssertEqual(setBy.map { $0["scenario"] as? String }, ["sis-logic-tamper"])
        XCTAssertEqual((setBy.first?["cell"] as? [String: Any])?["risk"] as? String, "high")

        let scenarios = try XCTUnwrap(doc["scenarios"] as? [[String: Any]])
        let intolerable = scenarios.filter { ($0["residual"] as? [String: Any])?["tolerable"] as? Bool == false }
        XCTAssertEqual(intolerable.map { $0["id"] as? String }, ["sis-logic-tamper"])
        XCTAssertEqual(doc["detailedAssessmentRequired"] as? Bool, true)
    }

    func testTheRefineryCheckGainsOnlyTheResidualRiskFinding() throws {
        let run = try zonal(["check", "Examples/refinery/plant.yaml", "--format", "json"])
        let findings = try XCTUnwrap(try json(run)["findings"] as? [[String: Any]])
        let checks = findings.compactMap { $0["check"] as? String }.sorted()
        XCTAssertEqual(checks, ["ZC-3.4-01", "ZC-AV-02", "ZC-CD-01", "ZC-CD-03", "ZC-CD-07", "ZC-RA-02", "ZC-SL-01", "ZC-SL-01", "ZC-SL-02"])
        let residual = try XCTUnwrap(findings.first { $0["check"] as? String == "ZC-RA-02" })
        XCTAssertEqual(residual["subject"] as? String, "scenario:sis-logic-tamper")
    }

    func testTextCSVAndMarkdown() throws {
        let text = try zonal(["risk", "Examples/refinery/plant.yaml"])
        XCTAssertTrue(text.stdout.contains("ZCR 2 initial risk: possible x catastrophic (health-and-safety) = high (scenario 'sis-logic-tamper')"), text.stdout)
        XCTAssertTrue(text.stdout.contains("DC SL 2: scenario 'sis-config-theft'"), text.stdout)
        XCTAssertFalse(text.stdout.contains("\u{1B}["), "plain when piped")
        let csv = try zonal(["risk", "Examples/refinery/plant.yaml", "--format", "csv"])
        let lines = csv.stdout.split(separator: "\r\n")
        XCTAssertEqual(lines.count, 7)
        XCTAssertTrue(lines[0].hasPrefix("scenario,source,attacker (SL),entry"))
        XCTAssertTrue(lines[1].hasPrefix("sis-logic-tamper,nation state,sophisticated-moderate (3),bpcs-sis,sis,"), String(lines[1]))
        XCTAssertTrue(lines[1].hasSuffix(",INTOLERABLE"))
        let markdown = try zonal(["risk", "Examples/refinery/plant.yaml", "--format", "markdown"])
        XCTAssertTrue(markdown.stdout.contains("| zone | sis | {3,3,3,2,3,2,3} | {3,3,3,2,3,2,3} | matches |"), markdown.stdout)
    }

    func testHelpHasExamples() throws {
        for command in [["risk", "--help"], ["risk", "assess", "--help"], ["risk", "import-worksheet", "--help"]] {
            let run = try zonal(command)
            XCTAssertEqual(run.status, 0)
            XCTAssertTrue(run.stdout.contains("zonal risk "), run.stdout)
        }
    }

    func testAModelWithoutScenariosSaysSoAndExitsZero() throws {
        let path = try ZonalCommandTests.temporaryFile("plant.yaml", ZonalCommandTests.cleanPlant)
        let run = try zonal(["risk", path])
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.stdout, "")
        XCTAssertTrue(run.stderr.contains("states no threat scenarios"), run.stderr)
        XCTAssertEqual(try zonal(["check", path]).status, 0, "the clean plant stays clean")
    }

    func testCriteriaWithoutScenariosDeriveNothing() throws {
        let path = try ZonalCommandTests.temporaryFile("plant.yaml", ZonalCommandTests.cleanPlant + "\nrisk-criteria: { tolerable: high }\n")
        let run = try zonal(["risk", path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("(the model's criteria); tolerable up to 'high'"), run.stdout)
        XCTAssertTrue(run.stdout.contains("No threat scenario is stated"), run.stdout)
        XCTAssertEqual(try zonal(["check", path]).status, 0)
    }

    func testAnInvalidScenarioExitsTwoWithItsLocation() throws {
        let path = try ZonalCommandTests.temporaryFile("plant.yaml", ZonalCommandTests.cleanPlant + """

        threat-scenarios:
          - { id: x, source: s, attacker: casual, entry: corp, targets: [dmzz], likelihood: 2, consequences: { financial: 2 } }
        """)
        let run = try zonal(["risk", path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("plant.yaml:16:"), run.stderr)
        XCTAssertTrue(run.stderr.contains("did you mean 'dmz'?"), run.stderr)
    }
}

/// `zonal risk import-worksheet`: a fragment on standard output, or located errors and exit 2.
final class ImportWorksheetCommandTests: XCTestCase {
    func testAWorksheetBecomesAFragmentCheckedAgainstTheModel() throws {
        let csv = try ZonalCommandTests.temporaryFile("pha.csv", """
        node,deviation,cause,zone,entry,attacker,likelihood,health-and-safety
        Heater,No trip,Logic altered,sis,bpcs-sis,3,possible,catastrophic
        """)
        let run = try ZonalCommandTests.run(["risk", "import-worksheet", csv, "--model", "Examples/refinery/plant.yaml"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("threat-scenarios:\n- id: heater-2\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("attacker: sophisticated-moderate"), run.stdout)

        let bad = try ZonalCommandTests.temporaryFile("bad.csv", """
        node,deviation,cause,zone,attacker,likelihood,health-and-safety
        Heater,No trip,Logic altered,siss,3,possible,catastrophic
        """)
        let failed = try ZonalCommandTests.run(["risk", "import-worksheet", bad, "--model", "Examples/refinery/plant.yaml"])
        XCTAssertEqual(failed.status, 2)
        XCTAssertEqual(failed.stdout, "")
        XCTAssertTrue(failed.stderr.contains("bad.csv: row 2, column D: 'siss' is no zone of the model"), failed.stderr)
        XCTAssertEqual(try ZonalCommandTests.run(["risk", "import-worksheet", "/nonexistent.csv"]).status, 3)
    }
}
