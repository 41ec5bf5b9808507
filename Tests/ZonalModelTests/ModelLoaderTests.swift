import IEC62443
import XCTest
import ZonalModel
import ZonalTestSupport

final class ModelLoaderTests: XCTestCase {
    func testBasePlantLoadsWithLocations() throws {
        let model = try PlantFixture.load(PlantFixture.yaml())
        XCTAssertEqual(model.zones.map(\.id), ["corp", "dmz", "bpcs", "sis"])
        XCTAssertEqual(model.zone("sis")?.slTarget, SLVector(uniform: .sl3))
        XCTAssertEqual(model.zone("corp")?.location.line, 4)
        XCTAssertEqual(model.asset("plc")?.addresses.map(\.description), ["10.10.2.10"])
        XCTAssertEqual(model.conduit("bpcs-dmz")?.direction, .oneWay(from: "bpcs", to: "dmz"))
        XCTAssertEqual(model.flow("status")?.functions, ["read-holding-registers"])
        XCTAssertEqual(model.zoneID(ofEndpoint: "plc"), "bpcs")
        XCTAssertEqual(model.zoneID(ofEndpoint: "dmz"), "dmz")
    }

    func testResolvedReferencesAreKeptAsPositions() throws {
        let model = try PlantFixture.load(PlantFixture.yaml(
            flows: PlantFixture.flows + "\n  - { id: to-zone, from: plc, to: sis }\n  - { id: inside, from: plc, to: hmi }",
            conduits: """
              - { id: corp-dmz, zones: [corp, dmz], enforcement: dpi-firewall, allows: [reports, { from: corp, to: dmz, protocol: https }] }
              - { id: bpcs-dmz, zones: [bpcs, dmz], direction: bpcs->dmz, enforcement: data-diode, allows: [repl] }
              - { id: bpcs-sis, zones: [bpcs, sis], enforcement: data-diode, direction: bpcs->sis, allows: [status, to-zone] }
            """))
        // Zones: corp 0, dmz 1, bpcs 2, sis 3; flows: repl 0, status 1, reports 2, to-zone 3, inside 4.
        XCTAssertEqual(model.zonePosition("bpcs"), 2)
        XCTAssertNil(model.zonePosition("plc"))
        let ends = model.flows.indices.map { model.endpointZonePositions(ofFlowAt: $0) }
        XCTAssertEqual(ends.map(\.from), [2, 2, 0, 2, 2])
        XCTAssertEqual(ends.map(\.to), [1, 3, 1, 3, 2])
        XCTAssertEqual(model.conduits.indices.compactMap { model.zonePositions(ofConduitAt: $0).map { [$0.0, $0.1] } }, [[0, 1], [2, 1], [2, 3]])
        XCTAssertEqual(model.allowedFlowPositions(ofConduitAt: 0), [2, -1])
        XCTAssertEqual(model.allowedFlowPositions(ofConduitAt: 2), [1, 3])
    }

    func testJSONAndYAMLGiveTheSameModel() throws {
        let yaml = try PlantFixture.load(PlantFixture.yaml())
        let json = try PlantFixture.load("""
        {"zonal": 1, "system": {"name": "Test plant", "owner": "Tests"},
         "zones": [{"id": "corp", "kind": "enterprise", "sl-target": 1, "networks": ["10.100.0.0/16"]},
                   {"id": "bpcs", "kind": "control", "sl-target": {"IAC": 2, "UC": 2, "SI": 2, "DC": 2, "RDF": 2, "TRE": 2, "RA": 2}}],
         "assets": [{"id": "office", "zone": "corp", "role": "office-workstation", "ip": "10.100.0.5"}],
         "flows": [], "conduits": [{"id": "c", "zones": ["corp", "bpcs"], "enforcement": "firewall"}]}
        """, file: "plant.json")
        XCTAssertEqual(json.zone("bpcs")?.slTarget, yaml.zone("bpcs")?.slTarget)
        XCTAssertEqual(json.asset("office")?.addresses, yaml.asset("office")?.addresses)
        XCTAssertEqual(json.zone("bpcs")?.location.line, 3)
    }

    func testUnknownKeyWithDidYouMean() {
        let errors = PlantFixture.errors(PlantFixture.yaml(zones: """
          - { id: corp, kind: enterprise, sl-taget: 1 }
        """, assets: "", flows: "", conduits: "", countermeasures: ""))
        XCTAssertTrue(errors.contains { $0.message.contains("unknown key 'sl-taget'") && $0.hint == "did you mean 'sl-target'?" }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.message.contains("needs 'sl-target'") })
    }

    func testWrongTypesAreReportedWithLocation() {
        let errors = PlantFixture.errors(PlantFixture.yaml(extra: """
        policy:
          enforcement: [firewall]
        """).replacingOccurrences(of: "ip: 10.10.2.10", with: "ip: {a: 1}")
            .replacingOccurrences(of: "safety: true", with: "safety: maybe"))
        XCTAssertTrue(errors.contains { $0.message.contains("'ip' of asset 'plc' must be a list, found a mapping") && $0.location.line == 11 }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.message.contains("'safety' of asset 'sis-ls' must be true or false") })
        XCTAssertTrue(errors.contains { $0.message.contains("maps an SL-T difference") })
    }

    func testDanglingReferencesSuggestTheIntendedId() {
        let errors = PlantFixture.errors(PlantFixture.yaml(flows: """
          - { id: repl, from: plcc, to: historian }
        """, conduits: """
          - { id: c1, zones: [bpcs, dmzz], enforcement: firewall, allows: [repll] }
        """, countermeasures: ""))
        XCTAssertTrue(errors.contains { $0.message.contains("'from' of flow 'repl' names 'plcc'") && $0.hint == "did you mean 'plc'?" }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.message.contains("names 'dmzz'") && $0.hint == "did you mean 'dmz'?" })
        XCTAssertTrue(errors.contains { $0.message.contains("names 'repll'") && $0.hint == "did you mean 'repl'?" })
        // Each points at the id itself, not at the object.
        XCTAssertTrue(errors.allSatisfy { $0.location.line > 0 && $0.location.column > 1 })
    }

    func testDuplicateIdsAndZoneAssetCollisions() {
        let errors = PlantFixture.errors(PlantFixture.yaml(assets: PlantFixture.assets + """

          - { id: plc, zone: bpcs, role: plc, ip: 10.10.2.11 }
          - { id: dmz, zone: dmz, role: historian }
        """))
        XCTAssertTrue(errors.contains { $0.message.contains("asset id 'plc' is used again (first at line 11)") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.message.contains("asset 'dmz' has the same id as a zone") })
    }

    func testOverlappingNetworksAndAddressesOutsideTheZone() {
        let errors = PlantFixture.errors(PlantFixture.yaml(zones: PlantFixture.zones + """

          - { id: wifi, kind: wireless, sl-target: 2, networks: [10.10.2.128/25] }
        """).replacingOccurrences(of: "ip: 10.10.2.20", with: "ip: 10.20.0.99"))
        XCTAssertTrue(errors.contains { $0.message.contains("10.10.2.128/25 of zone 'wifi' overlaps 10.10.2.0/24 of zone 'bpcs'") }, "\(errors)")
        let outside = errors.first { $0.message.contains("address 10.20.0.99 of asset 'hmi' is outside the networks of its zone 'bpcs'") }
        XCTAssertEqual(outside?.hint, "the address is in zone 'dmz': correct the address or place the asset in 'dmz'")
    }

    func testUnknownRequirementIdsAndProtocolFunctions() {
        let errors = PlantFixture.errors(PlantFixture.yaml(flows: """
          - { id: status, from: plc, to: sis-ls, protocol: modbus, functions: [read-holding-register] }
        """, conduits: "", countermeasures: """
          - { id: mfa, zones: [bpcs], satisfies: ["SR 1.1 RE 9", "SR 1.13"] }
        """))
        XCTAssertTrue(errors.contains { $0.message.contains("'SR 1.1 RE 9' is not a system requirement") }, "\(errors)")
        XCTAssertFalse(errors.contains { $0.message.contains("'SR 1.13'") })
        XCTAssertTrue(errors.contains { $0.message.contains("'read-holding-register' is not a modbus function") && $0.hint == "did you mean 'read-holding-registers'?" })
    }

    func testAllErrorsOfAFileAreReportedTogetherInFileOrder() {
        let errors = PlantFixture.errors(PlantFixture.yaml(zones: """
          - { id: corp, kind: enterprize, sl-target: 7 }
          - { id: bpcs, kind: control, sl-target: 2, networks: [10.10.2.5/24] }
        """, assets: """
          - { id: plc, zone: bpcs, role: plc, ip: 10.10.2.300 }
        """, flows: "", conduits: """
          - { id: c, zones: [corp, bpcs, dmz], enforcement: firewal }
        """, countermeasures: ""))
        XCTAssertGreaterThanOrEqual(errors.count, 6, "\(errors)")
        XCTAssertEqual(errors.map(\.location), errors.map(\.location).sorted())
        XCTAssertTrue(errors.contains { $0.hint == "did you mean 'enterprise'? (one of: enterprise, dmz, supervisory, control, safety, field, external, wireless, transient)" })
        XCTAssertTrue(errors.contains { $0.hint == "write it as 10.10.2.0/24" })
        XCTAssertTrue(errors.contains { $0.message.contains("security level 7 is outside 0...4") })
        XCTAssertTrue(errors.contains { $0.message.contains("joins 3 zone(s)") })
        XCTAssertTrue(errors.contains { $0.message.contains("'10.10.2.300' is not an IPv4 or IPv6 address") })
    }

    func testSyntaxErrorsKeepTheirPosition() {
        let errors = PlantFixture.errors("zonal: 1\nzones:\n  - id: a\n   kind: bad indent\n")
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors[0].message.hasPrefix("syntax error"), errors[0].message)
        XCTAssertEqual(errors[0].location.line, 4)
        let json = PlantFixture.errors("{\"zonal\": 1,\n \"zones\": [,]}", file: "p.json")
        XCTAssertEqual(json.first?.location.line, 2)
        XCTAssertTrue(json.first?.message.contains("byte offset") ?? false)
    }

    func testDuplicateYAMLKeysAreAnError() {
        let errors = PlantFixture.errors("zonal: 1\nsystem: { name: a }\nsystem: { name: b }\nzones: []\n")
        XCTAssertTrue(errors.first?.message.contains("appears twice") ?? false, "\(errors)")
    }

    func testEmptyFileAndMissingVersion() {
        XCTAssertTrue(PlantFixture.errors("").first?.message.contains("empty") ?? false)
        let errors = PlantFixture.errors("system: { name: a }\nzones: []\n")
        XCTAssertTrue(errors.contains { $0.hint == "start the file with 'zonal: 1'" })
        XCTAssertTrue(PlantFixture.errors("zonal: 2\nsystem: { name: a }\nzones: []\n").contains { $0.message.contains("format 2") })
    }

    func testBinaryGarbageIsAnErrorNotACrash() {
        var bytes: [UInt8] = Array("zonal: 1\n".utf8)
        bytes += [0xFF, 0xFE, 0x00, 0x80]
        XCTAssertThrowsError(try ModelLoader.load(bytes: bytes, file: "bad.yaml")) { error in
            let e = error as! ModelLoadError
            XCTAssertTrue(e.errors[0].message.contains("not UTF-8"), e.description)
        }
    }

    func testDiagnosticsPrintLikeACompiler() {
        let d = ModelDiagnostic(.error, at: SourceLocation(file: "p.yaml", line: 3, column: 7), "bad thing", hint: "do this")
        XCTAssertEqual(d.description, "p.yaml:3:7: error: bad thing\n    hint: do this")
    }
}
