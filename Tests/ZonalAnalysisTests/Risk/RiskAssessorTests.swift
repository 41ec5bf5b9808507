import IEC62443
import XCTest
import ZonalAnalysis
import ZonalModel
import ZonalTestSupport

/// The risk assessment step by step: initial risk, derivation with its trace, SL credit, countermeasure effects, residual risk and gaps.
final class RiskAssessorTests: XCTestCase {
    func assess(_ yaml: String) throws -> RiskAssessment {
        try XCTUnwrap(RiskAssessor.assess(AnalysisContext(model: try PlantFixture.load(yaml))))
    }

    /// The SIS logic solver at SL-C 2: the SIS zone falls short of the sophisticated attacker.
    static let weakSIS = PlantFixture.assets.replacingOccurrences(of: "safety: true, component: { sl-capability: 4 }", with: "safety: true, component: { sl-capability: 2 }")

    func testAModelWithoutRiskSectionsIsNotAssessed() throws {
        XCTAssertNil(RiskAssessor.assess(AnalysisContext(model: try PlantFixture.load(PlantFixture.yaml()))))
    }

    func testInitialRiskAndTheDetailedAssessmentVerdict() throws {
        let risk = try assess(PlantFixture.riskYAML())
        // possible x catastrophic (15, high) and likely x major (16, high) tie on risk level; the more severe consequence wins.
        XCTAssertEqual(risk.initialRiskScenario, "sis-tamper")
        XCTAssertEqual(risk.initialRisk.map { $0.describe(risk.criteria) }, "possible x catastrophic (health-and-safety) = high")
        XCTAssertTrue(risk.detailedAssessmentRequired)
        let mild = try assess(PlantFixture.riskYAML(risk: "threat-scenarios:\n  - { id: x, source: s, attacker: casual, entry: corp, targets: [corp], likelihood: rare, consequences: { financial: serious } }"))
        XCTAssertEqual(mild.initialRisk?.risk, 0)
        XCTAssertFalse(mild.detailedAssessmentRequired)
    }

    func testDerivationPerFRWithItsTrace() throws {
        let risk = try assess(PlantFixture.riskYAML())
        let sis = try XCTUnwrap(risk.zones.first { $0.id == "sis" })
        XCTAssertEqual(sis.derived.description, "{3,3,3,0,0,0,0}", "only the FRs the scenario touches are raised")
        XCTAssertEqual(sis.trace[0].setBy.map(\.scenario), ["sis-tamper"])
        XCTAssertEqual(sis.trace[0].setBy.first?.cell.describe(risk.criteria), "possible x catastrophic (health-and-safety) = high")
        XCTAssertEqual(sis.trace[3].setBy, [])
        XCTAssertEqual(sis.above, [.dc, .rdf, .tre, .ra])
        XCTAssertEqual(risk.zones.first { $0.id == "bpcs" }?.derived, SLVector(uniform: .sl2))
        XCTAssertEqual(risk.zones.first { $0.id == "corp" }?.derived, SLVector(uniform: .sl1))
        // dmz-nuisance is likely x minor = low: tolerable before any protection, so it sets no level.
        XCTAssertEqual(risk.zones.first { $0.id == "dmz" }?.derived, .zero)
        XCTAssertEqual(RiskTrace.lines(sis, only: [.iac], criteria: risk.criteria),
                       ["IAC SL 3: scenario 'sis-tamper' (sophisticated-moderate attacker, possible x catastrophic (health-and-safety) = high)"])
    }

    func testTheStrongestAttackerSetsTheLevelAndTiesAreAllTraced() throws {
        let extra = PlantFixture.scenarios + """

          - { id: sis-insider, source: insider, attacker: simple-means, entry: sis, targets: [sis], consequences: { health-and-safety: major }, likelihood: likely }
          - { id: sis-twin, source: nation state, attacker: sophisticated-moderate, entry: bpcs, targets: [sis], frs: [IAC], consequences: { equipment: catastrophic }, likelihood: unlikely }
        """
        let sis = try XCTUnwrap(try assess(PlantFixture.riskYAML(risk: extra)).zones.first { $0.id == "sis" })
        XCTAssertEqual(sis.derived.description, "{3,3,3,2,2,2,2}")
        XCTAssertEqual(sis.trace[0].setBy.map(\.scenario), ["sis-tamper", "sis-twin"])
        XCTAssertEqual(sis.trace[3].setBy.map(\.scenario), ["sis-insider"])
    }

    func testAConduitInheritsItsZonesAndItsEntryScenarios() throws {
        let risk = try assess(PlantFixture.riskYAML())
        let conduit = try XCTUnwrap(risk.conduits.first { $0.id == "bpcs-sis" })
        XCTAssertEqual(conduit.derived.description, "{3,3,3,2,2,2,2}")
        XCTAssertEqual(conduit.trace[0].setBy.map(\.scenario), ["sis-tamper"])
        XCTAssertEqual(conduit.trace[0].inheritedFrom, "sis")
        XCTAssertEqual(conduit.trace[3].inheritedFrom, "bpcs")
        XCTAssertFalse(conduit.declaredExplicitly)
    }

    func testTheSecurityLevelCreditWhenSLAMeetsTheAttacker() throws {
        let risk = try assess(PlantFixture.riskYAML())
        let tamper = try XCTUnwrap(risk.scenario("sis-tamper"))
        XCTAssertTrue(tamper.securityLevelCredit)
        XCTAssertEqual(tamper.defences.map(\.id), ["sis", "bpcs-sis"])
        XCTAssertEqual(tamper.residual.likelihood, 1, "possible (3) minus the credit of 2")
        XCTAssertTrue(tamper.residualTolerable)
        XCTAssertEqual(tamper.gaps, [])
    }

    func testNoCreditWhenSLAFallsShortAndTheGapsThatWouldCloseIt() throws {
        let risk = try assess(PlantFixture.riskYAML(assets: Self.weakSIS))
        let tamper = try XCTUnwrap(risk.scenario("sis-tamper"))
        XCTAssertFalse(tamper.securityLevelCredit)
        XCTAssertEqual(tamper.defences.first?.short, [.iac, .uc, .si])
        XCTAssertEqual(tamper.residual, tamper.unmitigated)
        XCTAssertFalse(tamper.residualTolerable)
        XCTAssertFalse(tamper.gaps.isEmpty)
        XCTAssertTrue(tamper.gaps.allSatisfy { $0.target == "sis" && [.iac, .uc, .si].contains($0.requirement.fr) && $0.requirement.isRequired(at: .sl3) })
        XCTAssertTrue(tamper.gapRequirementIDs.contains("SR 1.1 RE 2"), "\(tamper.gapRequirementIDs)")
        XCTAssertEqual(tamper.residualIfGapsClosed?.likelihood, 1)
        XCTAssertEqual(tamper.residualIfGapsClosed.map { risk.criteria.isTolerable($0.risk) }, true)
    }

    func testCountermeasureEffectsLowerLikelihoodOrConsequenceByCategory() throws {
        let cms = PlantFixture.countermeasures + """

          - id: key-switch
            zones: [sis]
            satisfies: ["SR 2.1"]
            mitigates:
              - sis-tamper
              - { scenario: sis-tamper, lowers: consequence, by: 2, categories: [production] }
              - { scenario: sis-tamper, lowers: consequence, by: 4, categories: [health-and-safety] }
              - { scenario: bpcs-ransom, lowers: likelihood, by: 4 }
        """
        let risk = try assess(PlantFixture.riskYAML(assets: Self.weakSIS, countermeasures: cms))
        let tamper = try XCTUnwrap(risk.scenario("sis-tamper"))
        XCTAssertEqual(tamper.effects.count, 3)
        XCTAssertEqual(tamper.residual.likelihood, 2)
        // health-and-safety 5 -> 1, production 4 -> 2: production is now the worst category.
        XCTAssertEqual(tamper.residual.category, "production")
        XCTAssertEqual(tamper.residual.consequence, 2)
        XCTAssertTrue(tamper.residualTolerable)
        // likely (4) minus the credit of 2 minus 4 stops at the lowest level, not below it.
        XCTAssertEqual(risk.scenario("bpcs-ransom")?.residual.likelihood, 1)
    }

    func testTheWorstCategorySetsTheCellAndUnstatedCategoriesAreUnaffected() throws {
        let risk = try assess(PlantFixture.riskYAML(risk: """
        threat-scenarios:
          - { id: x, source: s, attacker: casual, entry: corp, targets: [corp], likelihood: 2, consequences: { reputation: 3, environment: 3, financial: 1 } }
        """))
        let x = try XCTUnwrap(risk.scenario("x"))
        // A tie goes to the category listed first in the criteria (environment before reputation).
        XCTAssertEqual(x.unmitigated.category, "environment")
        XCTAssertEqual(x.unmitigated.consequence, 3)
        XCTAssertEqual(risk.criteria.riskName(x.unmitigated.risk), "medium")
    }

    func testTheZCR5RecordPerZone() throws {
        let risk = try assess(PlantFixture.riskYAML(assets: Self.weakSIS))
        let sis = try XCTUnwrap(risk.zoneRecords.first { $0.id == "sis" })
        XCTAssertEqual(sis.threats, ["sis-tamper"])
        XCTAssertFalse(sis.residualTolerable)
        XCTAssertFalse(sis.additionalCountermeasures.isEmpty)
        XCTAssertTrue(sis.result.contains("residual risk intolerable in sis-tamper"), sis.result)
        XCTAssertTrue(sis.result.contains("makes it tolerable"), sis.result)
        let dmz = try XCTUnwrap(risk.zoneRecords.first { $0.id == "dmz" })
        XCTAssertTrue(dmz.unmitigatedTolerable)
        XCTAssertTrue(dmz.residualTolerable)
    }

    func testCustomCriteriaAndZeroCredit() throws {
        let risk = try assess(PlantFixture.riskYAML(risk: """
        risk-criteria:
          likelihood: [low, high]
          consequence: [small, big]
          risk-levels: [ok, bad]
          tolerable: ok
          matrix: [[ok, ok], [ok, bad]]
          sl-credit: 0
        threat-scenarios:
          - { id: x, source: s, attacker: casual, entry: corp, targets: [corp], likelihood: high, consequences: { financial: big } }
        """))
        let x = try XCTUnwrap(risk.scenario("x"))
        XCTAssertTrue(x.securityLevelCredit)
        XCTAssertFalse(x.residualTolerable, "a credit of 0 removes nothing")
        XCTAssertEqual(risk.zones.first { $0.id == "corp" }?.derived, SLVector(uniform: .sl1))
    }
}
