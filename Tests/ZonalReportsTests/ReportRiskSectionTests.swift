import XCTest
import ZonalAnalysis
import ZonalModel
import ZonalReports

/// The risk assessment inside `zonal report` and `zonal crs`: present for a model with threat scenarios, absent otherwise.
final class ReportRiskSectionTests: XCTestCase {
    func testTheRefineryReportCarriesTheRegisterAndBothHeatMaps() throws {
        let e = try ReportFixtures.example("refinery")
        let risk = try XCTUnwrap(e.assessment.risk, "the refinery states threat scenarios")
        XCTAssertFalse(risk.scenarios.isEmpty)
        let html = AssessmentReportPage.html(e.assessment, header: e.header)
        XCTAssertTrue(html.contains("<section id=\"risk\""))
        XCTAssertTrue(html.contains("aria-label=\"Unmitigated risk\""), "unmitigated heat map inline")
        XCTAssertTrue(html.contains("aria-label=\"Residual risk\""), "residual heat map inline")
        XCTAssertFalse(html.contains("&lt;svg"), "the heat maps are inserted as markup, not escaped text")
        let register = try XCTUnwrap(html.components(separatedBy: "<table id=\"risk-register\">").last?.components(separatedBy: "</table>").first)
        XCTAssertEqual(register.components(separatedBy: "<tr").count - 2, risk.scenarios.count, "one row per scenario under the header")
        for s in risk.scenarios { XCTAssertTrue(register.contains("<td>\(s.scenario.id)</td>"), s.scenario.id) }
        XCTAssertTrue(register.contains("<tr class=\"bad\"><td>sis-logic-tamper</td>"), "the intolerable scenario is marked")

        let markdown = AssessmentReportMarkdown.markdown(e.assessment, header: e.header)
        XCTAssertTrue(markdown.contains("## 7. Risk assessment"))
        XCTAssertTrue(markdown.contains("### Risk register"))
        for s in risk.scenarios { XCTAssertTrue(markdown.contains("| \(s.scenario.id) |"), s.scenario.id) }
    }

    func testAModelWithoutRiskSectionsGetsNoRiskSection() throws {
        let e = try ReportFixtures.example("water-utility")
        XCTAssertNil(e.assessment.risk)
        XCTAssertFalse(AssessmentReportPage.html(e.assessment, header: e.header).contains("id=\"risk\""))
        XCTAssertFalse(AssessmentReportMarkdown.markdown(e.assessment, header: e.header).contains("Risk assessment"))
        let crs = RequirementsSpecificationMarkdown.markdown(e.assessment, header: e.header)
        XCTAssertFalse(crs.contains("Risk-based SL-T rationale"))
        XCTAssertFalse(crs.contains("Risk criteria:"))
    }

    func testTheRefinerySpecificationStatesTheRiskBasisOfEachZone() throws {
        let e = try ReportFixtures.example("refinery")
        let risk = try XCTUnwrap(e.assessment.risk)
        let criteria = RiskReport.criteriaSummary(risk)
        for text in [RequirementsSpecificationMarkdown.markdown(e.assessment, header: e.header),
                     RequirementsSpecificationPage.html(e.assessment, header: e.header)] {
            XCTAssertTrue(text.contains("Risk criteria: " + criteria.replacingOccurrences(of: "'", with: text.hasPrefix("#") ? "'" : "&#39;")))
            XCTAssertTrue(text.contains("Risk-based SL-T rationale"))
            for s in risk.scenarios { XCTAssertTrue(text.contains("Scenario \(s.scenario.id): "), "threat environment names \(s.scenario.id)") }
            for zone in risk.zones where zone.trace.contains(where: { !$0.setBy.isEmpty }) {
                let first = try XCTUnwrap(RiskTrace.lines(zone, criteria: risk.criteria).first)
                XCTAssertTrue(text.contains(first.prefix(12)), "rationale of \(zone.id)")
            }
        }
    }
}
