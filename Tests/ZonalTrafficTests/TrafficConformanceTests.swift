import XCTest
import ZonalAnalysis
import ZonalCaptureGenerator
import ZonalModel
import ZonalTestSupport
import ZonalTraffic

/// The generated plant traffic checked against its model: each kind of violation found where the scenario put it, and nowhere else.
final class TrafficConformanceTests: XCTestCase {
    func assessment(model yaml: String = PlantScenario.modelYAML) throws -> TrafficAssessment {
        let path = try TrafficFixture.scenario(CaptureOptions(container: .pcap), name: "plant.pcap")
        let model = try PlantFixture.load(yaml)
        return TrafficAnalyzer.assess(model, observation: try TrafficReader.read([path]))
    }

    func violations(_ a: TrafficAssessment, _ kind: TrafficViolation.Kind) -> [TrafficViolation] { a.violations.filter { $0.kind == kind } }

    func flow(_ a: TrafficAssessment, _ v: TrafficViolation) -> FlowRecord { a.observation.flows[v.flow!] }

    func testS7FromCorporateLaptopHasNoConduit() throws {
        let a = try assessment()
        let found = violations(a, .noConduit)
        XCTAssertEqual(found.map { flow(a, $0).protocol }, [.s7comm])
        XCTAssertEqual(found.first?.zones, ["bpcs", "corp"])
        XCTAssertEqual(found.first?.finding.check, "ZC-TR-01")
        // The SYN of the S7 connection is the first evidence frame, and it really is that flow's packet.
        let s7 = a.observation.flows.first { $0.protocol == .s7comm }!
        XCTAssertEqual(found.first?.frames.first, s7.firstFrame)
    }

    func testModbusCoilWriteToSISIsAForbiddenFunction() throws {
        let a = try assessment()
        let found = violations(a, .forbiddenFunction)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.conduit, "bpcs-sis")
        XCTAssertTrue(found.first?.finding.message.contains("write-single-coil") ?? false, found.first?.finding.message ?? "")
        // Evidence frames are the frames carrying function code 5, not the reads.
        let uses = flow(a, found[0]).functions.filter { $0.code == 5 }
        XCTAssertEqual(Set(found[0].frames), Set(uses.flatMap(\.frames)))
    }

    func testReadsToSISArePermittedWhenNoWriteIsSeen() throws {
        // Same conduit, but its rule allows writes too: the SIS flow is then permitted and carried by bpcs-sis.
        let yaml = PlantScenario.modelYAML.replacingOccurrences(of: "functions: [read-only]", with: "functions: [read-only, write-single-coil]")
        let a = try assessment(model: yaml)
        XCTAssertTrue(violations(a, .forbiddenFunction).isEmpty)
        XCTAssertEqual(a.conduitUse["bpcs-sis"]?.flows, 1)
    }

    func testOPCUAFromDMZIsAgainstTheOneWayConduit() throws {
        let a = try assessment()
        let found = violations(a, .againstDirection)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.conduit, "bpcs-dmz")
        XCTAssertEqual(found.first.map { flow(a, $0).client }, PlantScenario.historian.ip)
    }

    func testCorporateHTTPTelnetSSHAreNotPermittedButTLSIs() throws {
        let a = try assessment()
        let protocols = Set(violations(a, .notPermitted).map { flow(a, $0).protocol })
        XCTAssertEqual(protocols, [.http, .telnet, .ssh, .smb, .rdp, .ftp, .vnc])
        XCTAssertEqual(a.conduitUse["corp-dmz"]?.flows, 1, "only the TLS flow is allowed")
    }

    func testCleartextIntoSL2Zones() throws {
        let a = try assessment()
        let found = violations(a, .cleartextRemoteAccess)
        XCTAssertEqual(Set(found.map { flow(a, $0).protocol }), [.http, .telnet, .ftp, .vnc, .opcua])
        let opc = found.first { flow(a, $0).protocol == .opcua }!
        XCTAssertEqual(opc.frames, [flow(a, opc).opcuaNoneFrame])
        XCTAssertTrue(opc.finding.message.contains("security policy None"))
    }

    func testUnknownEndpoints() throws {
        let a = try assessment()
        XCTAssertEqual(violations(a, .endpointOutsideZones).map(\.finding.subject), ["endpoint:192.168.77.7"])
        XCTAssertEqual(violations(a, .endpointNotInInventory).map(\.finding.subject), ["endpoint:10.10.2.99"])
    }

    func testIntraZoneTrafficNeedsNoConduitAndIPv6IsPlaced() throws {
        let a = try assessment()
        let v6 = a.routes.first { a.observation.flows[$0.flow].client.family == .v6 }!
        XCTAssertEqual(v6.verdict, .intraZone)
        XCTAssertEqual(v6.client.asset, "hmi")
        XCTAssertEqual(v6.server.asset, "plc")
    }

    func testAFullyAllowingModelHasNoConduitViolations() throws {
        // Every zone pair joined by a conduit with enforcement none: nothing is filtered, so no conduit violation remains.
        let open = PlantScenario.modelYAML.components(separatedBy: "conduits:")[0] + """
        conduits:
          - { id: a, zones: [bpcs, dmz], enforcement: none }
          - { id: b, zones: [bpcs, sis], enforcement: none }
          - { id: c, zones: [corp, dmz], enforcement: none }
          - { id: d, zones: [corp, bpcs], enforcement: none }
        """
        let a = try assessment(model: open)
        for kind: TrafficViolation.Kind in [.noConduit, .notPermitted, .forbiddenFunction, .againstDirection] {
            XCTAssertTrue(violations(a, kind).isEmpty, "\(kind): \(violations(a, kind).map(\.finding.message))")
        }
    }
}
