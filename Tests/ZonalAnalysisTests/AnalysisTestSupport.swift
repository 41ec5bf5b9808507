import XCTest
import ZonalAnalysis
import ZonalModel
import ZonalTestSupport

/// Runs one check on a model written as YAML.
func findings(of check: some Check, in yaml: String, file: StaticString = #filePath, line: UInt = #line) throws -> [Finding] {
    let model = try PlantFixture.load(yaml)
    return check.evaluate(AnalysisContext(model: model))
}

/// Every check, run on the clean base plant, finds nothing: the base for "does not trigger" tests.
final class BasePlantTests: XCTestCase {
    func testTheBasePlantIsClean() throws {
        let assessment = Analyzer.assess(try PlantFixture.load(PlantFixture.yaml()))
        XCTAssertEqual(assessment.findings.map { "\($0.check): \($0.message)" }, [])
    }

    func testEveryCheckHasCompleteMetadataAndAUniqueId() {
        let ids = CheckRegistry.all.map(\.id)
        XCTAssertEqual(Set(ids).count, ids.count)
        for check in CheckRegistry.all {
            XCTAssertTrue(check.id.hasPrefix("ZC-"), check.id)
            XCTAssertTrue(check.clause.contains("IEC 62443"), check.id)
            XCTAssertFalse(check.title.isEmpty || check.rationale.isEmpty || check.remediation.isEmpty, check.id)
        }
    }

    func testAnalysisIsDeterministic() throws {
        let yaml = PlantFixture.yaml(zones: PlantFixture.zones.replacingOccurrences(of: "sl-target: 3", with: "sl-target: 4"),
                                     conduits: PlantFixture.conduits.replacingOccurrences(of: "data-diode", with: "firewall"))
        let a = Analyzer.assess(try PlantFixture.load(yaml)).findings
        let b = Analyzer.assess(try PlantFixture.load(yaml)).findings
        XCTAssertFalse(a.isEmpty)
        XCTAssertEqual(a, b)
    }
}
