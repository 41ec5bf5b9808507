import XCTest
import ZonalModel
import ZonalTestSupport

/// The `firewalls:` section: which conduits a firewall enforces and which zone is behind each interface.
final class FirewallBindingTests: XCTestCase {
    func testFirewallsAreReadWithTheirInterfaceMap() throws {
        let model = try PlantFixture.load(PlantFixture.yaml() + """

        firewalls:
          - id: fw-1
            config: rules/fw-1.rules
            format: iptables-save
            conduits: [bpcs-dmz]
            interfaces: { eth1: bpcs, eth2: dmz }
        """)
        let fw = try XCTUnwrap(model.firewalls.first)
        XCTAssertEqual(fw.id, "fw-1")
        XCTAssertEqual(fw.config, "rules/fw-1.rules")
        XCTAssertEqual(fw.conduits, ["bpcs-dmz"])
        XCTAssertEqual(fw.interfaces, [InterfaceZone("eth1", "bpcs"), InterfaceZone("eth2", "dmz")])
        XCTAssertEqual(fw.interfaces(of: "dmz"), ["eth2"])
        XCTAssertGreaterThan(fw.location.line, 1)
    }

    func testBadFirewallReferencesAreLocatedErrors() {
        let errors = PlantFixture.errors(PlantFixture.yaml() + """

        firewalls:
          - { id: fw-1, conduits: [bpcs-dmzz], interfaces: { eth1: bpcss }, format: cisco }
          - { id: fw-1, interfaces: [eth1] }
        """)
        XCTAssertTrue(errors.contains { $0.message.contains("names 'bpcs-dmzz'") && $0.hint == "did you mean 'bpcs-dmz'?" }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.message.contains("interface 'eth1'") && $0.message.contains("'bpcss'") })
        XCTAssertTrue(errors.contains { $0.message.contains("'cisco' is not a firewall configuration format") })
        XCTAssertTrue(errors.contains { $0.message.contains("firewall id 'fw-1' is used again") })
        XCTAssertTrue(errors.contains { $0.message.contains("maps interface names to zone ids") })
        XCTAssertTrue(errors.allSatisfy { $0.location.line > 0 })
    }
}
