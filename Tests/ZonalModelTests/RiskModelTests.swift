import IEC62443
import XCTest
import ZonalModel
import ZonalTestSupport

/// The risk sections of the model: criteria, threat scenarios, countermeasures' `mitigates`, and their located errors.
final class RiskModelTests: XCTestCase {
    func testAModelWithoutRiskSectionsHasNone() throws {
        let model = try PlantFixture.load(PlantFixture.yaml())
        XCTAssertNil(model.riskCriteria)
        XCTAssertEqual(model.threatScenarios, [])
        XCTAssertEqual(model.countermeasures.flatMap(\.mitigates), [])
    }

    func testScenariosResolveLevelsByNameAndNumber() throws {
        let model = try PlantFixture.load(PlantFixture.riskYAML(risk: PlantFixture.scenarios.replacingOccurrences(of: "likelihood: likely }", with: "likelihood: 4 }")))
        let tamper = try XCTUnwrap(model.threatScenarios.first)
        XCTAssertEqual(tamper.id, "sis-tamper")
        XCTAssertEqual(tamper.attacker, .sophisticatedModerate)
        XCTAssertEqual(tamper.attacker.securityLevel, .sl3)
        XCTAssertEqual(tamper.likelihood, 3)
        XCTAssertEqual(tamper.consequences, ["health-and-safety": 5, "production": 4])
        XCTAssertEqual(tamper.frs, [.iac, .uc, .si])
        XCTAssertEqual(tamper.location.line, 27)
        let ransom = try XCTUnwrap(model.threatScenarios.first { $0.id == "bpcs-ransom" })
        XCTAssertEqual(ransom.likelihood, 4)
        XCTAssertEqual(ransom.frs, FoundationalRequirement.allCases, "frs default to all seven")
    }

    func testMitigationsDecode() throws {
        let cms = PlantFixture.countermeasures + """

          - { id: key-switch, zones: [sis], satisfies: ["SR 2.1"], mitigates: [sis-tamper, { scenario: bpcs-ransom, lowers: consequence, by: 2, categories: [production] }] }
        """
        let model = try PlantFixture.load(PlantFixture.riskYAML(countermeasures: cms))
        let mitigates = try XCTUnwrap(model.countermeasures.first { $0.id == "key-switch" }?.mitigates)
        XCTAssertEqual(mitigates.map(\.scenario), ["sis-tamper", "bpcs-ransom"])
        XCTAssertEqual(mitigates.map(\.lowers), [.likelihood, .consequence])
        XCTAssertEqual(mitigates.map(\.by), [1, 2])
        XCTAssertEqual(mitigates[1].categories, ["production"])
    }

    func testDanglingReferencesAreLocatedWithDidYouMean() {
        let risk = PlantFixture.scenarios.replacingOccurrences(of: "targets: [bpcs]", with: "targets: [bpc]")
            .replacingOccurrences(of: "entry: bpcs-sis", with: "entry: bpcs-sys")
        let cms = PlantFixture.countermeasures + "\n  - { id: ks, zones: [sis], satisfies: [\"SR 2.1\"], mitigates: [sis-tampr] }"
        let errors = PlantFixture.errors(PlantFixture.riskYAML(countermeasures: cms, risk: risk))
        XCTAssertTrue(errors.contains { $0.message.contains("target of threat scenario 'bpcs-ransom' names 'bpc'") && $0.hint == "did you mean 'bpcs'?" }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.message.contains("entry of threat scenario 'sis-tamper' names 'bpcs-sys', which is no zone or conduit") && $0.hint == "did you mean 'bpcs-sis'?" }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.message.contains("names 'sis-tampr', which is no threat scenario") && $0.hint == "did you mean 'sis-tamper'?" }, "\(errors)")
        XCTAssertTrue(errors.allSatisfy { $0.location.line > 0 && $0.location.column > 0 })
    }

    func testDuplicateScenarioIdsAndMisusedMitigations() {
        let risk = PlantFixture.scenarios.replacingOccurrences(of: "id: corp-virus", with: "id: bpcs-ransom")
        let cms = PlantFixture.countermeasures + "\n  - { id: ks, zones: [sis], satisfies: [\"SR 2.1\"], mitigates: [{ scenario: sis-tamper, categories: [production] }, { scenario: sis-tamper, lowers: impact }] }"
        let errors = PlantFixture.errors(PlantFixture.riskYAML(countermeasures: cms, risk: risk))
        XCTAssertTrue(errors.contains { $0.message == "threat scenario id 'bpcs-ransom' is used again (first at line 30)" }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.message.contains("'categories' apply to consequence only") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.message.contains("'impact' is not a valid 'lowers'") }, "\(errors)")
    }

    func testMissingAndUnknownCategoriesAndLevels() {
        let risk = PlantFixture.scenarios
            .replacingOccurrences(of: "{ production: major }", with: "{ prodution: major }")
            .replacingOccurrences(of: "likelihood: almost-certain", with: "likelihood: 6")
            .replacingOccurrences(of: "{ reputation: minor }", with: "{ reputation: minr }")
        let errors = PlantFixture.errors(PlantFixture.riskYAML(risk: risk))
        XCTAssertTrue(errors.contains { $0.message.contains("'prodution' is not a consequence category") && $0.hint == "did you mean 'production'?" }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.message.contains("likelihood level 6 is outside 1...5 for threat scenario 'corp-virus'") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.message.contains("'minr' is not a consequence level") && $0.hint == "did you mean 'minor'?" }, "\(errors)")
        let none = PlantFixture.errors(PlantFixture.riskYAML(risk: "threat-scenarios:\n  - { id: x, source: s, attacker: casual, entry: corp, targets: [corp], likelihood: 1 }"))
        XCTAssertTrue(none.contains { $0.message.contains("needs 'consequences'") }, "\(none)")
        let attacker = PlantFixture.errors(PlantFixture.riskYAML(risk: "threat-scenarios:\n  - { id: x, source: s, attacker: casuall, entry: corp, targets: [corp], likelihood: 1, consequences: {financial: 1} }"))
        XCTAssertTrue(attacker.contains { $0.message.contains("'casuall' is not a valid 'attacker'") && ($0.hint ?? "").contains("did you mean 'casual'?") }, "\(attacker)")
    }

    func testCustomCriteria() throws {
        let risk = """
        risk-criteria:
          likelihood: [low, high]
          consequence: [{ name: small, description: nuisance }, { name: big }]
          categories: [safety, money]
          risk-levels: [acceptable, unacceptable]
          matrix:
            - [acceptable, acceptable]
            - [acceptable, unacceptable]
          tolerable: acceptable
          sl-credit: 1
        threat-scenarios:
          - { id: x, source: s, attacker: casual, entry: corp, targets: [corp], likelihood: high, consequences: { money: big } }
        """
        let model = try PlantFixture.load(PlantFixture.riskYAML(risk: risk))
        let c = try XCTUnwrap(model.riskCriteria)
        XCTAssertEqual(c.likelihood.map(\.name), ["low", "high"])
        XCTAssertEqual(c.consequence[0].description, "nuisance")
        XCTAssertEqual(c.matrix, [[0, 0], [0, 1]])
        XCTAssertEqual(c.tolerable, 0)
        XCTAssertEqual(c.slCredit, 1)
        XCTAssertEqual(model.threatScenarios.first?.consequences, ["money": 2])
    }

    func testMatrixShapeAndVocabularyErrors() {
        let base = """
        risk-criteria:
          likelihood: [low, high]
          consequence: [small, big]
          risk-levels: [ok, bad]
          tolerable: ok
        """
        let noMatrix = PlantFixture.errors(PlantFixture.riskYAML(risk: base))
        XCTAssertTrue(noMatrix.contains { $0.message.contains("gives no 'matrix'") }, "\(noMatrix)")
        let rows = PlantFixture.errors(PlantFixture.riskYAML(risk: base + "\n  matrix: [[ok, ok]]"))
        XCTAssertTrue(rows.contains { $0.message.contains("the matrix has 1 row(s) but the likelihood scale has 2 levels") }, "\(rows)")
        let cells = PlantFixture.errors(PlantFixture.riskYAML(risk: base + "\n  matrix: [[ok, ok], [ok]]"))
        XCTAssertTrue(cells.contains { $0.message.contains("row 2 of the matrix (likelihood 'high') has 1 cell(s)") }, "\(cells)")
        let unknown = PlantFixture.errors(PlantFixture.riskYAML(risk: base + "\n  matrix: [[ok, ok], [ok, bda]]"))
        XCTAssertTrue(unknown.contains { $0.message.contains("'bda' in the matrix is not a risk level") && $0.hint == "did you mean 'bad'?" }, "\(unknown)")
        let tolerable = PlantFixture.errors(PlantFixture.riskYAML(risk: base.replacingOccurrences(of: "tolerable: ok", with: "tolerable: okay") + "\n  matrix: [[ok, ok], [ok, bad]]"))
        XCTAssertTrue(tolerable.contains { $0.message.contains("tolerable risk 'okay' is not one of the risk levels") }, "\(tolerable)")
    }

    func testAMatrixWhoseRiskFallsIsWarned() throws {
        let risk = """
        risk-criteria:
          likelihood: [low, high]
          consequence: [small, big]
          risk-levels: [ok, bad]
          tolerable: ok
          matrix: [[bad, ok], [ok, ok]]
        """
        let (_, warnings) = try ModelLoader.load(bytes: Array(PlantFixture.riskYAML(risk: risk).utf8), file: "plant.yaml")
        XCTAssertTrue(warnings.contains { $0.message.contains("lower than a cell with less") }, "\(warnings)")
    }

    func testDefaultCriteriaMatrixBands() {
        let c = RiskCriteria.default
        XCTAssertEqual(c.riskLevels, ["low", "medium", "high", "very-high"])
        // The band edges of likelihood x consequence: 4 low, 5 medium, 9 medium, 10 high, 16 high, 20 very high.
        XCTAssertEqual(c.riskName(c.risk(likelihood: 1, consequence: 4)), "low")
        XCTAssertEqual(c.riskName(c.risk(likelihood: 1, consequence: 5)), "medium")
        XCTAssertEqual(c.riskName(c.risk(likelihood: 3, consequence: 3)), "medium")
        XCTAssertEqual(c.riskName(c.risk(likelihood: 2, consequence: 5)), "high")
        XCTAssertEqual(c.riskName(c.risk(likelihood: 4, consequence: 4)), "high")
        XCTAssertEqual(c.riskName(c.risk(likelihood: 4, consequence: 5)), "very-high")
        XCTAssertTrue(c.isTolerable(c.risk(likelihood: 3, consequence: 3)))
        XCTAssertFalse(c.isTolerable(c.risk(likelihood: 2, consequence: 5)))
        // Levels outside the scales are clamped to the edge cells rather than trapping.
        XCTAssertEqual(c.risk(likelihood: 0, consequence: 0), c.matrix[0][0])
        XCTAssertEqual(c.risk(likelihood: 9, consequence: 9), c.matrix[4][4])
    }
}
