import XCTest
import ZonalAnalysis
import ZonalTestSupport

/// ZC-3.1-01 … ZC-3.6-01: one test that triggers each check, the base plant being the one that does not.
final class AssetOutsideZoneCheckTests: XCTestCase {
    func testAnAssetWithoutZoneIsFoundAndItsZoneSuggested() throws {
        let result = try findings(of: AssetOutsideZoneCheck(), in: PlantFixture.yaml(assets: PlantFixture.assets + "\n  - { id: stray, role: plc, ip: 10.10.2.99 }"))
        XCTAssertEqual(result.map(\.subject), ["asset:stray"])
        XCTAssertEqual(result.first?.remediation, "its address lies in zone 'bpcs': add 'zone: bpcs'")
        XCTAssertEqual(result.first?.location.line, 14)
    }

    func testPlacedAssetsPass() throws {
        XCTAssertEqual(try findings(of: AssetOutsideZoneCheck(), in: PlantFixture.yaml()), [])
    }
}

final class BusinessIACSSeparationCheckTests: XCTestCase {
    func testBusinessAndControlAssetsInOneZone() throws {
        let result = try findings(of: BusinessIACSSeparationCheck(), in: PlantFixture.yaml(assets: PlantFixture.assets + "\n  - { id: erp, zone: bpcs, role: erp }"))
        XCTAssertEqual(result.count, 1)
        XCTAssertTrue(result[0].message.contains("business assets (erp) together with IACS assets (plc, hmi)"), result[0].message)
    }

    func testIACSAssetAloneInAnEnterpriseZone() throws {
        let yaml = PlantFixture.yaml(assets: PlantFixture.assets.replacingOccurrences(of: "id: office, zone: corp, role: office-workstation", with: "id: office, zone: corp, role: hmi"))
        XCTAssertEqual(try findings(of: BusinessIACSSeparationCheck(), in: yaml).map(\.subject), ["zone:corp"])
    }

    func testSeparatedPlantPasses() throws {
        XCTAssertEqual(try findings(of: BusinessIACSSeparationCheck(), in: PlantFixture.yaml()), [])
    }
}

final class SafetyZoneSeparationCheckTests: XCTestCase {
    func testSafetyAssetSharingTheControlZone() throws {
        let yaml = PlantFixture.yaml(assets: PlantFixture.assets.replacingOccurrences(of: "id: sis-ls, zone: sis, role: sis-logic-solver, ip: 10.10.1.10", with: "id: sis-ls, zone: bpcs, role: sis-logic-solver, ip: 10.10.2.30"))
        let result = try findings(of: SafetyZoneSeparationCheck(), in: yaml)
        XCTAssertEqual(result.map(\.severity), [.critical])
        XCTAssertTrue(result[0].message.contains("zone 'bpcs' mixes safety-related assets (sis-ls)"))
    }

    func testSafetyAssetsAloneInAZoneNotDeclaredSafety() throws {
        let yaml = PlantFixture.yaml(zones: PlantFixture.zones.replacingOccurrences(of: "id: sis, kind: safety", with: "id: sis, kind: control"))
        let result = try findings(of: SafetyZoneSeparationCheck(), in: yaml)
        XCTAssertEqual(result.map(\.severity), [.medium])
    }

    func testSeparatedSafetyZonePasses() throws {
        XCTAssertEqual(try findings(of: SafetyZoneSeparationCheck(), in: PlantFixture.yaml()), [])
    }
}

final class DeviceSeparationCheckTests: XCTestCase {
    private func plant(with flag: String) -> String {
        PlantFixture.yaml(assets: PlantFixture.assets + "\n  - { id: odd, zone: bpcs, role: plc, ip: 10.10.2.77, \(flag): true }")
    }

    func testTransientDevice() throws {
        XCTAssertEqual(try findings(of: TransientDeviceSeparationCheck(), in: plant(with: "transient")).map(\.check), ["ZC-3.4-01"])
        XCTAssertEqual(try findings(of: TransientDeviceSeparationCheck(), in: plant(with: "wireless")), [])
    }

    func testWirelessDevice() throws {
        XCTAssertEqual(try findings(of: WirelessDeviceSeparationCheck(), in: plant(with: "wireless")).map(\.check), ["ZC-3.5-01"])
        XCTAssertEqual(try findings(of: WirelessDeviceSeparationCheck(), in: plant(with: "external")), [])
    }

    func testExternallyReachedDevice() throws {
        XCTAssertEqual(try findings(of: ExternalDeviceSeparationCheck(), in: plant(with: "external")).map(\.check), ["ZC-3.6-01"])
        XCTAssertEqual(try findings(of: ExternalDeviceSeparationCheck(), in: plant(with: "transient")), [])
    }

    func testADeviceAloneInItsOwnZonePasses() throws {
        let yaml = PlantFixture.yaml(zones: PlantFixture.zones + "\n  - { id: wifi, kind: wireless, sl-target: 2, networks: [10.30.0.0/24] }",
                                     assets: PlantFixture.assets + "\n  - { id: tx, zone: wifi, role: wireless-transmitter, ip: 10.30.0.5, wireless: true }")
        XCTAssertEqual(try findings(of: WirelessDeviceSeparationCheck(), in: yaml), [])
    }
}
