import XCTest
import ZonalAnalysis
import ZonalTestSupport

final class ZoneSecurityLevelGapCheckTests: XCTestCase {
    func testTheWeakestComponentSetsSLA() throws {
        let yaml = PlantFixture.yaml(assets: PlantFixture.assets.replacingOccurrences(of: "id: hmi, zone: bpcs, role: hmi, ip: 10.10.2.20, component: { sl-capability: 4 }",
                                                                                       with: "id: hmi, zone: bpcs, role: hmi, ip: 10.10.2.20, component: { sl-capability: {IAC: 1, UC: 2, SI: 2, DC: 2, RDF: 2, TRE: 2, RA: 2} }"))
        let result = try findings(of: ZoneSecurityLevelGapCheck(), in: yaml)
        XCTAssertEqual(result.map(\.subject), ["zone:bpcs"])
        XCTAssertEqual(result[0].severity, .medium)
        XCTAssertTrue(result[0].message.contains("SL-A {1,2,2,2,4,2,2} against SL-T {2,2,2,2,2,2,2} (short in IAC 1/2)"), result[0].message)
        XCTAssertTrue(result[0].evidence.contains { $0.hasPrefix("SR 1.1 RE 1 ") && $0.contains("hmi (SL-C IAC 1)") }, "\(result[0].evidence)")
    }

    func testACountermeasureClosesTheGap() throws {
        let weakHMI = PlantFixture.assets.replacingOccurrences(of: "id: hmi, zone: bpcs, role: hmi, ip: 10.10.2.20, component: { sl-capability: 4 }",
                                                               with: "id: hmi, zone: bpcs, role: hmi, ip: 10.10.2.20, component: { sl-capability: {IAC: 1, UC: 4, SI: 4, DC: 4, RDF: 4, TRE: 4, RA: 4} }")
        let requirements = ["SR 1.1 RE 1", "SR 1.2", "SR 1.6 RE 1", "SR 1.8", "SR 1.9", "SR 1.13 RE 1"].map { "\"\($0)\"" }.joined(separator: ", ")
        let yaml = PlantFixture.yaml(assets: weakHMI, countermeasures: PlantFixture.countermeasures + "\n  - { id: pki, zones: [bpcs], satisfies: [\(requirements)] }")
        XCTAssertEqual(try findings(of: ZoneSecurityLevelGapCheck(), in: yaml).map(\.message), [])
    }

    func testUnknownCapabilityMeetsNothing() throws {
        let yaml = PlantFixture.yaml(assets: PlantFixture.assets.replacingOccurrences(of: "id: hmi, zone: bpcs, role: hmi, ip: 10.10.2.20, component: { sl-capability: 4 }", with: "id: hmi, zone: bpcs, role: hmi, ip: 10.10.2.20"))
        let result = try findings(of: ZoneSecurityLevelGapCheck(), in: yaml)
        XCTAssertEqual(result.first?.severity, .high)
        XCTAssertTrue(result.first?.message.contains("SL-A {0,") ?? false)
        XCTAssertEqual(try findings(of: UnknownComponentCapabilityCheck(), in: yaml).map(\.subject), ["zone:bpcs"])
    }

    func testCapableComponentsPass() throws {
        XCTAssertEqual(try findings(of: ZoneSecurityLevelGapCheck(), in: PlantFixture.yaml()), [])
        XCTAssertEqual(try findings(of: UnknownComponentCapabilityCheck(), in: PlantFixture.yaml()), [])
    }
}

final class ConduitSecurityLevelGapCheckTests: XCTestCase {
    func testAFirewallConduitWithoutCryptography() throws {
        let result = try findings(of: ConduitSecurityLevelGapCheck(), in: PlantFixture.yaml(countermeasures: ""))
        let corp = try XCTUnwrap(result.first { $0.subject == "conduit:corp-dmz" })
        XCTAssertTrue(corp.evidence.contains { $0.hasPrefix("SR 3.1 ") && $0.contains("vpn") }, "\(corp.evidence)")
        XCTAssertTrue(corp.evidence.contains { $0.hasPrefix("SR 1.13 ") }, "remote access applies toward an enterprise zone")
        let sis = try XCTUnwrap(result.first { $0.subject == "conduit:bpcs-sis" })
        XCTAssertFalse(sis.evidence.contains { $0.hasPrefix("SR 1.13 ") }, "remote access does not apply between control and safety zones")
    }

    func testCountermeasuresCloseIt() throws {
        XCTAssertEqual(try findings(of: ConduitSecurityLevelGapCheck(), in: PlantFixture.yaml()), [])
    }
}
