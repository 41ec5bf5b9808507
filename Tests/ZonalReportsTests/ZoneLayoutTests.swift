import XCTest
import ZonalAnalysis
import ZonalModel
import ZonalReports
import ZonalTestSupport

/// The diagram's geometry: rows by Purdue level, conduits that do not run through other zones, arrows from the source.
final class ZoneLayoutTests: XCTestCase {
    func point(_ e: ZoneLayout.Edge, _ t: Double) -> (x: Double, y: Double) {
        let u = 1 - t
        return (u * u * e.start.x + 2 * u * t * e.control.x + t * t * e.end.x, u * u * e.start.y + 2 * u * t * e.control.y + t * t * e.end.y)
    }

    func inside(_ p: (x: Double, y: Double), _ b: ZoneLayout.Box) -> Bool {
        p.x > b.x && p.x < b.x + b.width && p.y > b.y && p.y < b.y + b.height
    }

    func testNoConduitRunsThroughAnotherZoneInTheExamples() throws {
        for name in ReportFixtures.examples {
            let model = try ReportFixtures.example(name).assessment.model
            let layout = ZoneLayout(model: model)
            XCTAssertEqual(layout.boxes.count, model.zones.count)
            XCTAssertEqual(layout.edges.count, model.conduits.count)
            for edge in layout.edges {
                for box in layout.boxes where !edge.conduit.zones.contains(box.zone.id) {
                    for i in 0...100 { XCTAssertFalse(inside(point(edge, Double(i) / 100), box), "\(name): \(edge.conduit.id) crosses \(box.zone.id)") }
                }
                XCTAssertTrue(edge.label.x > 0 && edge.label.x < layout.width, "\(name): \(edge.conduit.id) label on the canvas")
            }
        }
    }

    func testHigherPurdueLevelsAreDrawnAboveAndOneWayConduitsStartAtTheirSource() throws {
        let model = try PlantFixture.load(PlantFixture.yaml())
        let layout = ZoneLayout(model: model)
        let y = Dictionary(uniqueKeysWithValues: layout.boxes.map { ($0.zone.id, $0.y) })
        XCTAssertLessThan(y["corp"]!, y["dmz"]!)
        XCTAssertLessThan(y["dmz"]!, y["bpcs"]!)
        let diode = try XCTUnwrap(layout.edges.first { $0.conduit.id == "bpcs-dmz" })
        let bpcs = try XCTUnwrap(layout.boxes.first { $0.zone.id == "bpcs" })
        XCTAssertEqual(diode.start.y, bpcs.y, accuracy: 0.5, "the one-way conduit leaves the top of its source 'bpcs'")
        let svg = ZoneDiagram.svg(Analyzer.assess(model))
        XCTAssertTrue(svg.contains("id=\"conduit-bpcs-dmz\""))
        XCTAssertEqual(svg.components(separatedBy: "marker-end=\"url(#zd-arrow)\"").count - 1, 2, "two one-way conduits, two arrows")
    }

    func testALevelWithManyZonesWrapsOntoSeveralRows() throws {
        let zones = (0..<12).map { "  - { id: c\($0), kind: control, sl-target: 1 }" }.joined(separator: "\n")
        let model = try PlantFixture.load("zonal: 1\nsystem: { name: Wide }\nzones:\n\(zones)\n")
        let layout = ZoneLayout(model: model)
        XCTAssertEqual(Set(layout.boxes.map(\.y)).count, 3, "12 zones at 5 per row")
        XCTAssertLessThanOrEqual(layout.width, 2 * ZoneLayout.margin + 5 * ZoneLayout.boxWidth + 4 * ZoneLayout.gapX + 1)
    }
}
