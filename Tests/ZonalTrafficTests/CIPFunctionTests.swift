import XCTest
import ZonalAnalysis
import ZonalCaptureGenerator
import ZonalModel
import ZonalTestSupport
import ZonalTraffic

/// A conduit's `functions` list for EtherNet/IP names CIP services (`get-attribute-single`, `read-tag`, `forward-open`...):
/// services specific to an object class are named by the class the request path addresses, and enforced on the requests
/// the client sent.
final class CIPFunctionTests: XCTestCase {
    typealias M = ProtocolMessages

    /// The HMI (control zone) opens a connection, reads an identity attribute and a tag, then writes a tag, on the SIS.
    func capture(writeTag: Bool = true, identityService: UInt8? = nil) throws -> String {
        let writer = CaptureWriter(options: CaptureOptions(container: .pcap))
        let clock = CaptureClock()
        let enip = TCPConversation(client: PlantScenario.hmi, server: PlantScenario.sis, clientPort: 51001, serverPort: 44818, writer: writer, clock: clock,
                                   seed: 12)
        enip.open()
        enip.send(M.enipRegisterSession(session: 0), fromClient: true)
        enip.send(M.enipRegisterSession(session: 7), fromClient: false)
        let requests = [M.cipRequest(service: 0x54, path: M.connectionManagerPath, data: [0x0A, 0x0E]), M.cip(service: 0x0E, response: false),
                        M.cipRequest(service: 0x52, path: M.tagPath("Trip_Count"), data: [1, 0, 0, 0, 0, 0])]
            + (writeTag ? [M.cipRequest(service: 0x4D, path: M.tagPath("Bypass"), data: [0xC1, 0, 1, 0, 1])] : [])
            + (identityService.map { [M.cip(service: $0, response: false)] } ?? [])
        for request in requests {
            enip.send(M.enipSendRRData(session: 7, cip: request), fromClient: true)
            enip.send(M.enipSendRRData(session: 7, cip: M.cip(service: request[0], response: true)), fromClient: false)
        }
        enip.close()
        let path = try TrafficFixture.directory().appendingPathComponent("cip-sis-\(writeTag)-\(identityService ?? 0).pcap").path
        try writer.finish(to: path)
        return path
    }

    func model(_ functions: String, protocol proto: String = "ethernet-ip") -> String {
        let yaml = PlantScenario.modelYAML.replacingOccurrences(of: "allows: [sis-status] }", with: "allows: [sis-status, sis-cip] }")
        let parts = yaml.components(separatedBy: "\nflows:\n")
        let flow = "  - { id: sis-cip, from: hmi, to: sis-ls, protocol: \(proto), port: 44818, functions: [\(functions)] }\n"
        return parts.count == 2 ? parts[0] + "\nflows:\n" + flow + parts[1] : yaml + "\nflows:\n" + flow
    }

    func assess(_ functions: String, capture: String? = nil, protocol proto: String = "ethernet-ip") throws -> [TrafficViolation] {
        let observation = try TrafficReader.read([try capture ?? self.capture()])
        let a = TrafficAnalyzer.assess(try PlantFixture.load(model(functions, protocol: proto)), observation: observation)
        return a.violations.filter { $0.kind == .forbiddenFunction || $0.kind == .notPermitted }
    }

    func testServicesAreNamedByTheClassTheRequestAddresses() throws {
        let observation = try TrafficReader.read([try capture()])
        let flow = try XCTUnwrap(observation.flows.first { $0.protocol == .enip })
        XCTAssertEqual(TrafficRouter.functionNames(flow), ["forward-open", "get-attribute-single", "read-tag-fragmented", "write-tag"])
        // The histogram keeps tshark's `cip.sc` values: the bare service, requests and responses alike.
        XCTAssertEqual(observation.functionHistogram[.cip], [0x54: 2, 0x0E: 2, 0x52: 2, 0x4D: 2])
    }

    func testAWriteTagThroughAReadOnlyConduitIsForbidden() throws {
        let found = try assess("forward-open, get-attribute-single, read-tag-fragmented")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.kind, .forbiddenFunction)
        XCTAssertTrue(found.first?.finding.message.contains("write-tag") ?? false, found.first?.finding.message ?? "")
        XCTAssertEqual(try assess("read-only").count, 1, "write-tag changes state")
        XCTAssertTrue(try assess("forward-open, get-attribute-single, read-tag-fragmented, write-tag").isEmpty)
        XCTAssertTrue(try assess("read-only", capture: try capture(writeTag: false)).isEmpty)
        XCTAssertTrue(try assess("read-only, any-write", protocol: "cip").isEmpty, "the cip alias names the same functions")
    }

    func testAClassSpecificServiceOnAnotherClassIsNotTakenForATagService() throws {
        // 0x4D to the Identity object is not Write Tag: it is named by its code only, and no named function allows it.
        let path = try capture(writeTag: false, identityService: 0x4D)
        let flow = try XCTUnwrap(try TrafficReader.read([path]).flows.first { $0.protocol == .enip })
        XCTAssertTrue(TrafficRouter.functionNames(flow).contains("code-77"), "\(TrafficRouter.functionNames(flow))")
        let found = try assess("read-only, any-write", capture: path)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.finding.message.contains("code-77") ?? false, found.first?.finding.message ?? "")
    }

    func testAMisspeltServiceIsAModelErrorWithASuggestion() {
        let errors = PlantFixture.errors(model("read-tag, write-tagz"))
        XCTAssertEqual(errors.count, 1, "\(errors)")
        XCTAssertEqual(errors.first?.hint, "did you mean 'write-tag'?")
        XCTAssertTrue(PlantFixture.errors(model("get-attribute-single, forward-open", protocol: "enip")).isEmpty)
    }
}
