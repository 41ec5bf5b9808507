import XCTest
import ZonalAnalysis
import ZonalModel
import ZonalReports
import ZonalTestSupport

/// The risk register renderings keep model text from breaking out of its cell or becoming markup.
final class RiskReportTests: XCTestCase {
    func risk(_ scenarios: String) throws -> RiskAssessment {
        try XCTUnwrap(RiskAssessor.assess(AnalysisContext(model: try PlantFixture.load(PlantFixture.riskYAML(risk: scenarios)))))
    }

    func testMarkdownAndCSVEscapeModelText() throws {
        let assessment = try risk("""
        threat-scenarios:
          - { id: "a|b<i>", source: "=cmd,1", attacker: casual, entry: corp, targets: [corp], likelihood: 5, consequences: { financial: 2 } }
        """)
        let markdown = RiskReport.markdown(assessment)
        XCTAssertTrue(markdown.contains("| a\\|b\\<i\\> |"), markdown)
        XCTAssertFalse(markdown.contains("<i>"))
        let csv = RiskReport.csv(assessment)
        let row = try XCTUnwrap(csv.split(separator: "\r\n").dropFirst().first)
        XCTAssertTrue(row.hasPrefix("a|b<i>,"), String(row))
        XCTAssertFalse(row.contains(",=cmd"), "a cell never starts a spreadsheet formula: \(row)")
    }

    func testJSONIsDeterministicAndCarriesTheTrace() throws {
        let a = RiskReport.json(try risk(PlantFixture.scenarios))
        let b = RiskReport.json(try risk(PlantFixture.scenarios))
        XCTAssertEqual(a, b)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(a.utf8)) as? [String: Any])
        let zones = try XCTUnwrap(doc["zones"] as? [[String: Any]])
        let sis = try XCTUnwrap(zones.first { $0["id"] as? String == "sis" })
        XCTAssertEqual((sis["derived"] as? [String: Any])?["notation"] as? String, "{3,3,3,0,0,0,0}")
        XCTAssertEqual(sis["above"] as? [String], ["DC", "RDF", "TRE", "RA"])
    }
}
