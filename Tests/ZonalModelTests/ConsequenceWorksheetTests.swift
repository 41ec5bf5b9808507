import IEC62443
import XCTest
import ZonalModel
import ZonalTestSupport

/// Consequence worksheets (CSV) into threat scenarios: the columns, the levels, the errors by row and column, and the YAML round trip.
final class ConsequenceWorksheetTests: XCTestCase {
    static let worksheet = """
    node,deviation,cause,consequence,zone,entry,threat-source,attacker,likelihood,health-and-safety,environment,production,frs,vulnerabilities
    Heater H-101,No fuel trip on high temperature,"Attacker disables the trip, then raises firing",Tube rupture and fire,sis,bpcs-sis,nation state,sophisticated-moderate,possible,catastrophic,major,4,IAC UC SI,shared EWS account; null
    Column C-1,Loss of reflux control,Ransomware on HMIs,Unit shutdown,bpcs,,criminal,2,likely,,,major,,
    """

    func errors(_ csv: String, zones: Set<String>? = nil) -> [WorksheetDiagnostic] {
        do {
            _ = try ConsequenceWorksheet.parse(csv, file: "pha.csv", zones: zones)
            return []
        } catch {
            return error.diagnostics
        }
    }

    func testRowsBecomeScenarios() throws {
        let scenarios = try ConsequenceWorksheet.parse(Self.worksheet, file: "pha.csv")
        XCTAssertEqual(scenarios.map(\.id), ["heater-h-101-2", "column-c-1-3"])
        let heater = scenarios[0]
        XCTAssertEqual(heater.name, "Heater H-101: No fuel trip on high temperature")
        XCTAssertEqual(heater.attacker, .sophisticatedModerate)
        XCTAssertEqual(heater.entry, "bpcs-sis")
        XCTAssertEqual(heater.targets, ["sis"])
        XCTAssertEqual(heater.consequences, ["health-and-safety": 5, "environment": 4, "production": 4])
        XCTAssertEqual(heater.likelihood, 3)
        XCTAssertEqual(heater.frs, [.iac, .uc, .si])
        XCTAssertEqual(heater.vulnerabilities, ["shared EWS account", "null"])
        XCTAssertEqual(heater.description, "Cause: Attacker disables the trip, then raises firing. Consequence: Tube rupture and fire.")
        XCTAssertEqual(heater.location.line, 2)
        let column = scenarios[1]
        XCTAssertEqual(column.attacker, .simpleMeans, "an SL number names the profile")
        XCTAssertEqual(column.entry, "bpcs", "entry defaults to the zone")
        XCTAssertEqual(column.frs, FoundationalRequirement.allCases)
    }

    func testTheFragmentLoadsBackIntoAModel() throws {
        let scenarios = try ConsequenceWorksheet.parse(Self.worksheet, file: "pha.csv")
        let fragment = try ScenarioYAML.fragment(scenarios, comment: "imported")
        XCTAssertTrue(fragment.hasPrefix("# imported\nthreat-scenarios:\n"), fragment)
        XCTAssertTrue(fragment.contains("'null'"), "text that reads as null is quoted: \(fragment)")
        let model = try PlantFixture.load(PlantFixture.riskYAML(risk: fragment))
        XCTAssertEqual(model.threatScenarios.map(\.id), scenarios.map(\.id))
        for (loaded, parsed) in zip(model.threatScenarios, scenarios) {
            XCTAssertEqual(loaded.consequences, parsed.consequences)
            XCTAssertEqual(loaded.vulnerabilities, parsed.vulnerabilities)
            XCTAssertEqual(loaded.description, parsed.description)
            XCTAssertEqual(loaded.frs, parsed.frs)
            XCTAssertEqual(loaded.likelihood, parsed.likelihood)
        }
    }

    func testHeaderErrors() {
        let unknown = errors("node,deviation,cause,zone,attacker,likelihood,health-and-safty\nA,d,c,bpcs,1,1,1\n")
        XCTAssertEqual(unknown.count, 2, "\(unknown)")
        XCTAssertEqual(unknown[0].row, 1)
        XCTAssertEqual(unknown[0].columnLetter, "G")
        XCTAssertEqual(unknown[0].hint, "did you mean 'health-and-safety'?")
        XCTAssertTrue(unknown[1].message.contains("no consequence category column"))
        let missing = errors("node,deviation,zone,attacker,likelihood,production\nA,d,bpcs,1,1,1\n")
        XCTAssertEqual(missing.map(\.message), ["the worksheet has no 'cause' column"])
        XCTAssertEqual(errors("").first?.message, "the worksheet has no header row")
        XCTAssertEqual(errors("node,deviation,cause,zone,attacker,likelihood,production\n").first?.message, "the worksheet has a header but no rows")
    }

    func testRowErrorsNameRowAndColumn() {
        let csv = """
        node,deviation,cause,zone,attacker,likelihood,health-and-safety,production
        A,d,c,bpc,natio,likeley,,major
        B,d,c,bpcs,1,7,,
        C,d,"c,bpcs,1,1,,
        """
        let found = errors(csv, zones: ["bpcs", "sis"])
        XCTAssertEqual(found.map { "\($0.row)\($0.columnLetter ?? "")" }, ["2D", "2E", "2F", "3F", "3G", "4"], "\(found)")
        XCTAssertEqual(found[0].hint, "did you mean 'bpcs'?")
        XCTAssertEqual(found[2].hint, "did you mean 'likely'?")
        XCTAssertTrue(found[3].message.contains("likelihood level 7 is outside 1...5"))
        XCTAssertTrue(found[4].message.contains("states no consequence"))
        XCTAssertTrue(found[5].message.contains("row 4 has 3 field(s), the header has 8"))
        XCTAssertEqual(found[0].description, "row 2, column D: 'bpc' is no zone of the model\n    hint: did you mean 'bpcs'?")
    }

    func testDuplicateIdsAndUnknownFRs() {
        let csv = "id,node,deviation,cause,zone,attacker,likelihood,production,frs\nx,A,d,c,bpcs,1,1,1,IAC\nx,B,d,c,bpcs,1,1,1,XYZ\n"
        let found = errors(csv)
        XCTAssertEqual(found.map { "\($0.row)\($0.columnLetter ?? "")" }, ["3A", "3I"], "\(found)")
        XCTAssertTrue(found[0].message.contains("used again (first on row 2)"))
    }

    func testCustomCriteriaNameTheColumnsAndLevels() throws {
        let criteria = RiskCriteria(likelihood: [ScaleLevel(name: "low"), ScaleLevel(name: "high")],
                                    consequence: [ScaleLevel(name: "small"), ScaleLevel(name: "big")], categories: ["money"],
                                    riskLevels: ["ok", "bad"], matrix: [[0, 0], [0, 1]], tolerable: 0, slCredit: 1)
        let scenarios = try ConsequenceWorksheet.parse("node,deviation,cause,zone,attacker,likelihood,money\nA,d,c,corp,casual,high,big\n",
                                                       file: "pha.csv", criteria: criteria)
        XCTAssertEqual(scenarios.first?.consequences, ["money": 2])
        XCTAssertEqual(scenarios.first?.likelihood, 2)
    }
}
