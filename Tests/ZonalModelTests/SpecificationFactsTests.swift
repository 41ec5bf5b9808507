import XCTest
import ZonalModel
import ZonalTestSupport

/// The requirements-specification keys (IEC 62443-3-2 ZCR 6) on zones, conduits and the environment: optional, decoded, located errors.
final class SpecificationFactsTests: XCTestCase {
    func testZoneAndConduitFactsAreDecoded() throws {
        let zones = PlantFixture.zones.replacingOccurrences(of: "{ id: sis, kind: safety, sl-target: 3, networks: [10.10.1.0/24] }",
            with: "{ id: sis, kind: safety, sl-target: 3, networks: [10.10.1.0/24], boundary: SIS cabinet, access-points: [EWS port, key switch], assumptions: Locked room, external-dependencies: none }")
        let conduits = PlantFixture.conduits.replacingOccurrences(of: "{ id: corp-dmz, zones: [corp, dmz],",
            with: "{ id: corp-dmz, owner: IT Security, boundary: Firewall pair, access-points: Firewall management port, zones: [corp, dmz],")
        let model = try PlantFixture.load(PlantFixture.yaml(zones: zones, conduits: conduits, extra: "environment: { security-policies: OT policy v3 }"))
        let sis = try XCTUnwrap(model.zone("sis"))
        XCTAssertEqual(sis.specification, SpecificationFacts(boundary: "SIS cabinet", accessPoints: ["EWS port", "key switch"],
                                                             assumptions: "Locked room", externalDependencies: "none"))
        let conduit = try XCTUnwrap(model.conduit("corp-dmz"))
        XCTAssertEqual(conduit.owner, "IT Security")
        XCTAssertEqual(conduit.specification.accessPoints, ["Firewall management port"], "a single string is a list of one")
        XCTAssertEqual(model.environment["security-policies"], "OT policy v3")
        XCTAssertEqual(model.zone("corp")?.specification, SpecificationFacts(), "absent facts stay absent")
    }

    func testAMisspelledKeyIsAnErrorWithItsLocationAndASuggestion() {
        let zones = PlantFixture.zones.replacingOccurrences(of: "{ id: corp, kind: enterprise,", with: "{ id: corp, acess-points: [x], kind: enterprise,")
        let errors = PlantFixture.errors(PlantFixture.yaml(zones: zones))
        let error = errors.first { $0.message.contains("acess-points") }
        XCTAssertNotNil(error, "\(errors)")
        XCTAssertEqual(error?.location.line, 4)
        XCTAssertTrue(error?.hint?.contains("access-points") ?? false, "\(String(describing: error?.hint))")
    }
}
