import XCTest
import ZonalAnalysis
import ZonalCaptureGenerator
import ZonalModel
import ZonalTestSupport
import ZonalTraffic

/// A conduit's `functions` list for IEC 60870-5-104 names ASDU type identifiers (`C_SC_NA_1`...): validated with a
/// suggestion when misspelt, and enforced on the type ids the controlling station sent.
final class IEC104FunctionTests: XCTestCase {
    /// The HMI (control zone) interrogates the SIS logic solver, then sends a single command.
    func capture() throws -> String {
        let writer = CaptureWriter(options: CaptureOptions(container: .pcap))
        let clock = CaptureClock()
        let link = TCPConversation(client: PlantScenario.hmi, server: PlantScenario.sis, clientPort: 51000, serverPort: 2404, writer: writer, clock: clock, seed: 11)
        link.open()
        link.send(ProtocolMessages.iec104U(0x07), fromClient: true)
        link.send(ProtocolMessages.iec104U(0x0B), fromClient: false)
        link.send(ProtocolMessages.iec104I(send: 0, receive: 0, type: 100, cause: 6, element: [20]), fromClient: true)
        link.send(ProtocolMessages.iec104I(send: 0, receive: 1, type: 100, cause: 7, element: [20]), fromClient: false)
        link.send(ProtocolMessages.iec104I(send: 1, receive: 1, type: 1, cause: 20, element: [1]), fromClient: false)
        link.send(ProtocolMessages.iec104I(send: 1, receive: 2, type: 45, cause: 6, element: [0x01]), fromClient: true)
        link.close()
        let path = try TrafficFixture.directory().appendingPathComponent("iec104-sis.pcap").path
        try writer.finish(to: path)
        return path
    }

    func model(_ functions: String) -> String {
        PlantScenario.modelYAML.replacingOccurrences(of: "allows: [sis-status] }", with: "allows: [sis-status, sis-104] }")
            + "\nflows:\n  - { id: sis-104, from: hmi, to: sis-ls, protocol: iec104, port: 2404, functions: [\(functions)] }\n"
    }

    func assess(_ functions: String) throws -> [TrafficViolation] {
        let merged = mergeFlows(model(functions))
        let a = TrafficAnalyzer.assess(try PlantFixture.load(merged), observation: try TrafficReader.read([try capture()]))
        return a.violations.filter { $0.kind == .forbiddenFunction }
    }

    /// Moves the appended flow into the model's one `flows:` list.
    func mergeFlows(_ yaml: String) -> String {
        let parts = yaml.components(separatedBy: "\nflows:\n")
        guard parts.count == 3 else { return yaml }
        return parts[0] + "\nflows:\n" + parts[2].trimmingCharacters(in: .newlines) + "\n" + parts[1]
    }

    func testACommandThroughAnInterrogationOnlyConduitIsForbidden() throws {
        let found = try assess("C_IC_NA_1")
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.finding.message.contains("c_sc_na_1") ?? false, found.first?.finding.message ?? "")
        XCTAssertTrue(try assess("C_IC_NA_1, C_SC_NA_1").isEmpty)
        XCTAssertEqual(try assess("read-only").count, 1, "a single command changes state")
        XCTAssertTrue(try assess("read-only, any-write").isEmpty)
    }

    func testAMisspeltTypeIdIsAModelErrorWithASuggestion() {
        let errors = PlantFixture.errors(mergeFlows(model("C_IC_NA_1, C_SC_NA1")))
        XCTAssertEqual(errors.count, 1, "\(errors)")
        XCTAssertTrue(errors.first?.message.contains("C_SC_NA1") ?? false, "\(errors)")
        XCTAssertEqual(errors.first?.hint, "did you mean 'c_sc_na_1'?")
    }
}
