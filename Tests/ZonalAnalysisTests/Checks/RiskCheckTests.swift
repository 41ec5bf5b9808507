import IEC62443
import XCTest
import ZonalAnalysis
import ZonalModel
import ZonalTestSupport

final class DeclaredTargetBelowDerivedCheckTests: XCTestCase {
    func testADeclaredLevelBelowTheDerivedOne() throws {
        let zones = PlantFixture.zones.replacingOccurrences(of: "id: bpcs, kind: control, sl-target: 2", with: "id: bpcs, kind: control, sl-target: {IAC: 2, UC: 2, SI: 1, DC: 2, RDF: 2, TRE: 2, RA: 1}")
        let result = try findings(of: DeclaredTargetBelowDerivedCheck(), in: PlantFixture.riskYAML(zones: zones))
        XCTAssertEqual(result.map(\.subject), ["zone:bpcs"])
        XCTAssertTrue(result[0].message.contains("derive {2,2,2,2,2,2,2} (SI 1 < 2, RA 1 < 2)"), result[0].message)
        XCTAssertEqual(result[0].evidence.count, 2)
        XCTAssertTrue(result[0].evidence[0].hasPrefix("SI SL 2: scenario 'bpcs-ransom'"), "\(result[0].evidence)")
        XCTAssertEqual(result[0].location.line, 6)
    }

    func testMatchingOrHigherLevelsAndModelsWithoutScenariosPass() throws {
        XCTAssertEqual(try findings(of: DeclaredTargetBelowDerivedCheck(), in: PlantFixture.riskYAML()), [])
        XCTAssertEqual(try findings(of: DeclaredTargetBelowDerivedCheck(), in: PlantFixture.yaml()), [])
    }
}

final class ResidualRiskIntolerableCheckTests: XCTestCase {
    func testAScenarioLeftIntolerableNamesTheGaps() throws {
        let result = try findings(of: ResidualRiskIntolerableCheck(), in: PlantFixture.riskYAML(assets: RiskAssessorTests.weakSIS))
        XCTAssertEqual(result.map(\.subject), ["scenario:sis-tamper"])
        XCTAssertEqual(result[0].severity, .high)
        XCTAssertTrue(result[0].message.contains("keeps residual risk high (possible x catastrophic)"), result[0].message)
        XCTAssertTrue(result[0].message.contains("would bring it to medium"), result[0].message)
        XCTAssertTrue(result[0].remediation.contains("SR 1.1 RE 2"), result[0].remediation)
        XCTAssertTrue(result[0].evidence.contains { $0.hasPrefix("gap: zone 'sis' SR 1.1 RE 2") }, "\(result[0].evidence)")
        XCTAssertEqual(result[0].location.line, 27)
    }

    func testWhenGapsAloneCannotCloseItTheFindingSaysSo() throws {
        let risk = PlantFixture.scenarios.replacingOccurrences(of: "likelihood: possible }", with: "likelihood: almost-certain }")
        let result = try findings(of: ResidualRiskIntolerableCheck(), in: PlantFixture.riskYAML(assets: RiskAssessorTests.weakSIS, risk: risk))
        XCTAssertEqual(result.map(\.subject), ["scenario:sis-tamper"])
        XCTAssertEqual(result[0].severity, .critical, "very high residual risk")
        XCTAssertTrue(result[0].message.contains("still leaves high"), result[0].message)
        XCTAssertTrue(result[0].remediation.contains("Add countermeasures"), result[0].remediation)
    }

    func testTolerableResidualRiskPasses() throws {
        XCTAssertEqual(try findings(of: ResidualRiskIntolerableCheck(), in: PlantFixture.riskYAML()), [])
        XCTAssertEqual(try findings(of: ResidualRiskIntolerableCheck(), in: PlantFixture.yaml()), [])
    }
}

final class DeclaredTargetAboveDerivedCheckTests: XCTestCase {
    func testLevelsAboveTheScenariosAreNoted() throws {
        let result = try findings(of: DeclaredTargetAboveDerivedCheck(), in: PlantFixture.riskYAML())
        XCTAssertEqual(result.map(\.subject), ["zone:dmz", "zone:sis"])
        XCTAssertTrue(result.allSatisfy { $0.severity == .info })
        XCTAssertTrue(result[1].message.contains("(DC 3 > 0, RDF 3 > 0, TRE 3 > 0, RA 3 > 0)"), result[1].message)
    }

    func testNothingIsNotedWithoutScenarios() throws {
        XCTAssertEqual(try findings(of: DeclaredTargetAboveDerivedCheck(), in: PlantFixture.yaml()), [])
        XCTAssertEqual(try findings(of: DeclaredTargetAboveDerivedCheck(), in: PlantFixture.riskYAML(risk: "risk-criteria: { tolerable: high }")), [])
    }
}

/// Models without risk sections are analysed exactly as before: no risk check fires on any of them.
final class RiskSectionsAreOptionalTests: XCTestCase {
    func testNoRiskCheckFiresWithoutRiskSections() throws {
        let plants = [PlantFixture.yaml(),
                      PlantFixture.yaml(assets: RiskAssessorTests.weakSIS),
                      PlantFixture.yaml(conduits: PlantFixture.conduits.replacingOccurrences(of: "data-diode", with: "firewall"))]
        for plant in plants {
            let all = Analyzer.assess(try PlantFixture.load(plant)).findings
            XCTAssertEqual(all.filter { $0.check.hasPrefix("ZC-RA-") }, [])
            let withoutRisk = Analyzer.assess(try PlantFixture.load(plant), checks: CheckRegistry.all.filter { !$0.id.hasPrefix("ZC-RA-") }).findings
            XCTAssertEqual(all, withoutRisk)
        }
    }
}
