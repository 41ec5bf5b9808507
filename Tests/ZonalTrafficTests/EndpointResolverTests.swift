import XCTest
import ZonalAnalysis
import ZonalModel
import ZonalTestSupport

/// Placing addresses seen in traffic: exact asset address first, then the zone network holding it, then the MAC.
/// (Models may not overlap zone networks, so at most one zone prefix matches.)
final class EndpointResolverTests: XCTestCase {
    static let yaml = """
    zonal: 1
    system: { name: Nested networks }
    zones:
      - { id: site, kind: control, sl-target: 1, networks: [10.0.0.0/16] }
      - { id: cell, kind: control, sl-target: 2, networks: [10.1.0.0/16] }
      - { id: ot6, kind: control, sl-target: 2, networks: ["fd00::/16"] }
    assets:
      - { id: plc, zone: site, role: plc, ip: 10.0.2.3 }
      - { id: laptop, zone: cell, role: engineering-workstation, mac: "02:00:00:00:00:01" }
    flows: []
    conduits: []
    """

    func testExactAddressThenZoneNetworkThenMAC() throws {
        let resolver = EndpointResolver(model: try PlantFixture.load(Self.yaml))
        XCTAssertEqual(resolver.place(IPAddress("10.0.2.3")!), EndpointPlacement(asset: "plc", zone: "site"))
        XCTAssertEqual(resolver.place(IPAddress("10.1.9.9")!), EndpointPlacement(asset: nil, zone: "cell"))
        XCTAssertEqual(resolver.place(IPAddress("10.0.200.1")!), EndpointPlacement(asset: nil, zone: "site"))
        XCTAssertEqual(resolver.place(IPAddress("10.2.0.1")!), EndpointPlacement(asset: nil, zone: nil))
        XCTAssertEqual(resolver.place(IPAddress("fd00::5")!), EndpointPlacement(asset: nil, zone: "ot6"))
        XCTAssertEqual(resolver.place(IPAddress("192.168.1.1")!, mac: 0x0200_0000_0001), EndpointPlacement(asset: "laptop", zone: "cell"))
        XCTAssertEqual(resolver.place(IPAddress("192.168.1.1")!), EndpointPlacement(asset: nil, zone: nil))
        XCTAssertTrue(EndpointResolver.isGroupAddress(IPAddress("239.1.1.1")!))
        XCTAssertTrue(EndpointResolver.isGroupAddress(IPAddress("ff02::1")!))
        XCTAssertFalse(EndpointResolver.isGroupAddress(IPAddress("10.0.2.3")!))
    }
}
