import XCTest
import ZonalAnalysis
import ZonalTestSupport

final class WeakAttackPathCheckTests: XCTestCase {
    /// corp → dmz → bpcs → sis through plain firewalls: SL 1 to SL 3 needs a barrier of strength 2.
    private let firewalls = """
      - { id: corp-dmz, zones: [corp, dmz], enforcement: firewall, allows: [reports] }
      - { id: bpcs-dmz, zones: [dmz, bpcs], enforcement: firewall, allows: [repl] }
      - { id: bpcs-sis, zones: [bpcs, sis], enforcement: firewall, allows: [status] }
    """

    func testAPathOfFirewallsIntoTheSafetyZone() throws {
        let result = try findings(of: WeakAttackPathCheck(), in: PlantFixture.yaml(conduits: firewalls))
        XCTAssertEqual(result.map(\.subject), ["zone:sis"])
        XCTAssertTrue(result[0].message.contains("corp → [corp-dmz: firewall] → dmz → [bpcs-dmz: firewall] → bpcs → [bpcs-sis: firewall] → sis"), result[0].message)
        XCTAssertEqual(result[0].evidence.count, 3)
    }

    func testTheLeastProtectedPathIsChosen() throws {
        // A second, weaker way in (a VPN straight to bpcs) is what an attacker would take.
        let conduits = firewalls.replacingOccurrences(of: "enforcement: firewall", with: "enforcement: data-diode") + "\n  - { id: vendor, zones: [corp, bpcs], enforcement: vpn }"
        let model = try PlantFixture.load(PlantFixture.yaml(conduits: conduits))
        let paths = AnalysisContext(model: model).attackPaths
        let toBPCS = try XCTUnwrap(paths.first { $0.target == "bpcs" })
        XCTAssertEqual(toBPCS.hops.map(\.conduit), ["vendor"])
        XCTAssertEqual(toBPCS.protection, 1)
        let toSIS = try XCTUnwrap(paths.first { $0.target == "sis" })
        XCTAssertEqual(toSIS.hops.map(\.conduit), ["vendor", "bpcs-sis"])
        XCTAssertEqual(toSIS.barrier?.conduit, "bpcs-sis")
        XCTAssertEqual(toSIS.weakLink?.conduit, "vendor")
    }

    func testOneWayConduitsAreNotCrossedBackwards() throws {
        let model = try PlantFixture.load(PlantFixture.yaml())
        XCTAssertEqual(AnalysisContext(model: model).attackPaths, [], "the diodes point out of bpcs and sis")
        XCTAssertEqual(try findings(of: WeakAttackPathCheck(), in: PlantFixture.yaml()), [])
    }

    func testEntriesWithTheSameLevelShareOneWeakestPathPerTarget() throws {
        // A second enterprise zone at the same SL-T reaches bpcs through a plain VPN: the checks keep only that weakest path.
        let zones = PlantFixture.zones + "\n  - { id: vendor, kind: external, sl-target: 1, networks: [10.200.0.0/24] }"
        let conduits = firewalls + "\n  - { id: vendor-vpn, zones: [vendor, bpcs], enforcement: vpn }"
        let context = AnalysisContext(model: try PlantFixture.load(PlantFixture.yaml(zones: zones, conduits: conduits)))
        let all = context.allAttackPaths()
        XCTAssertEqual(all.filter { $0.target == "bpcs" }.map(\.entry), ["corp", "vendor"])
        let grouped = context.attackPaths.filter { $0.target == "bpcs" }
        XCTAssertEqual(grouped.map(\.entry), ["vendor"])
        XCTAssertEqual(grouped.first?.hops.map(\.conduit), ["vendor-vpn"])
        XCTAssertEqual(context.attackPaths.count, 2, "one path per target (bpcs, sis) for the one SL-T group")
    }
}
