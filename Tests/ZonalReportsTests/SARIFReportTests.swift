import Foundation
import XCTest
import ZonalAnalysis
import ZonalReports

/// SARIF output is valid against the official SARIF 2.1.0 schema (a copy in Resources/, validated by Python's jsonschema)
/// and puts every finding on its model-file line.
final class SARIFReportTests: XCTestCase {
    static let schema = ReportFixtures.packageRoot.appendingPathComponent("Tests/ZonalReportsTests/Resources/sarif-schema-2.1.0.json")

    /// Validates each file against the schema; returns the validator's complaints, empty when all are valid.
    func validate(_ files: [URL]) throws -> String {
        let probe = try ReportFixtures.run(["python3", "-c", "import jsonschema"])
        try XCTSkipIf(probe.status != 0, "python3 with jsonschema is needed: pip install jsonschema (.ci/run installs it)")
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        bad = 0
        for path in sys.argv[2:]:
            for error in cls(schema).iter_errors(json.load(open(path))):
                bad += 1
                print(path, list(error.absolute_path), error.message[:300])
        sys.exit(1 if bad else 0)
        """
        let result = try ReportFixtures.run(["python3", "-c", script, Self.schema.path] + files.map(\.path))
        return result.status == 0 ? "" : result.stdout + result.stderr
    }

    func testEverySARIFOutputOfEveryExampleIsValidSARIF210() throws {
        let dir = try ReportFixtures.outputDirectory("sarif")
        var files: [URL] = []
        for name in ReportFixtures.examples {
            let a = try ReportFixtures.example(name).assessment
            for (kind, text) in [("check", SARIFReport.findings(a)), ("requirements", SARIFReport.requirements(a.zones + a.conduits)),
                                 ("paths", SARIFReport.paths(a.attackPaths, model: a.model))] {
                let url = dir.appendingPathComponent("\(name)-\(kind).sarif")
                try text.write(to: url, atomically: true, encoding: .utf8)
                files.append(url)
            }
        }
        XCTAssertEqual(try validate(files), "")
    }

    func testTheValidatorRejectsBrokenSARIF() throws {
        let a = try ReportFixtures.example("refinery").assessment
        let broken = SARIFReport.findings(a).replacingOccurrences(of: "\"startLine\" : ", with: "\"startLine\" : -")
        XCTAssertNotEqual(broken, SARIFReport.findings(a))
        let url = try ReportFixtures.outputDirectory("sarif").appendingPathComponent("broken.sarif")
        try broken.write(to: url, atomically: true, encoding: .utf8)
        XCTAssertNotEqual(try validate([url]), "", "a negative line number must fail the schema")
    }

    func testEachFindingIsAResultOnItsLineWithRuleMetadata() throws {
        let a = try ReportFixtures.example("water-utility").assessment
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(SARIFReport.findings(a).utf8)) as? [String: Any])
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, a.findings.count)
        XCTAssertFalse(results.isEmpty)
        for (result, finding) in zip(results, a.findings) {
            XCTAssertEqual(result["ruleId"] as? String, finding.check)
            let index = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, finding.check)
            XCTAssertEqual((rules[index]["properties"] as? [String: String])?["clause"], finding.clause)
            let physical = try XCTUnwrap(((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
            XCTAssertEqual((physical["artifactLocation"] as? [String: Any])?["uri"] as? String, "Examples/water-utility/plant.yaml")
            XCTAssertEqual((physical["region"] as? [String: Any])?["startLine"] as? Int, finding.location.line)
        }
        XCTAssertEqual(results.first { ($0["ruleId"] as? String) == "ZC-CD-04" }?["level"] as? String, "error", "critical maps to error")
    }
}
