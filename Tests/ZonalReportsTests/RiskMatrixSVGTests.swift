import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import ZonalAnalysis
import ZonalModel
import ZonalReports
import ZonalTestSupport

/// The risk-matrix heat maps: well-formed SVG, one cell per matrix cell, scenarios where the assessment puts them, all text escaped.
final class RiskMatrixSVGTests: XCTestCase {
    /// Parses the SVG as XML and collects every element name and text.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [String] = []
        var texts: [String] = []
        var fills: [String] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append(name)
            if name == "rect", let fill = attributes["fill"] { fills.append(fill) }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { texts.append(string) }
    }

    func parse(_ svg: String) throws -> Collector {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")\n\(svg)")
        return collector
    }

    func testHeatMapsPlaceScenariosInTheirCells() throws {
        let yaml = PlantFixture.riskYAML(assets: PlantFixture.assets.replacingOccurrences(of: "safety: true, component: { sl-capability: 4 }", with: "safety: true, component: { sl-capability: 2 }"))
        let risk = try XCTUnwrap(RiskAssessor.assess(AnalysisContext(model: try PlantFixture.load(yaml))))
        let maps = RiskMatrixSVG.heatMaps(risk)
        let unmitigated = try parse(maps.unmitigated)
        XCTAssertEqual(unmitigated.elements.filter { $0 == "rect" }.count, 25)
        XCTAssertEqual(Set(unmitigated.fills).count, 4, "one colour per risk level")
        XCTAssertTrue(unmitigated.texts.contains("Unmitigated risk"))
        XCTAssertTrue(unmitigated.texts.contains("sis-tamper"))
        XCTAssertFalse(maps.unmitigated.contains("<script"))
        // sis-tamper has no credit (weak SIS) so it stays in possible x catastrophic; corp-virus moves down two likelihood levels.
        XCTAssertTrue(maps.residual.contains("Residual risk"))
        XCTAssertNotEqual(maps.unmitigated.components(separatedBy: "corp-virus").first?.count, maps.residual.components(separatedBy: "corp-virus").first?.count)
    }

    func testAllTextIsEscaped() throws {
        let criteria = RiskCriteria(likelihood: [ScaleLevel(name: "<script>alert(1)</script>"), ScaleLevel(name: "a & b")],
                                    consequence: [ScaleLevel(name: "\"quoted\""), ScaleLevel(name: "it's")], categories: ["x"],
                                    riskLevels: ["ok", "<bad>"], matrix: [[0, 0], [0, 1]], tolerable: 0, slCredit: 1)
        let cell = RiskCell(likelihood: 2, consequence: 2, category: "x", criteria: criteria)
        let svg = RiskMatrixSVG.render(criteria, [RiskMatrixSVG.Placement(scenario: "<img src=x onerror=alert(1)>", cell: cell)], title: "T <&>")
        let parsed = try parse(svg)
        XCTAssertFalse(svg.contains("<script"))
        XCTAssertFalse(svg.contains("<img"))
        XCTAssertTrue(parsed.texts.joined().contains("<script>alert(1)</script>"), "the text survives as text")
        XCTAssertTrue(parsed.texts.joined().contains("a & b"))
        XCTAssertEqual(parsed.elements.filter { $0 == "rect" }.count, 4)
    }

    func testACrowdedCellCountsTheRest() throws {
        let c = RiskCriteria.default
        let cell = RiskCell(likelihood: 5, consequence: 5, category: "production", criteria: c)
        let svg = RiskMatrixSVG.render(c, (1...5).map { RiskMatrixSVG.Placement(scenario: "s\($0)", cell: cell) }, title: "t")
        let parsed = try parse(svg)
        XCTAssertTrue(parsed.texts.contains("+2"))
        XCTAssertFalse(parsed.texts.contains("s4"))
    }
}
