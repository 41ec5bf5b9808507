import XCTest
import ZonalCaptureGenerator
@testable import ZonalTraffic

/// A capture read in parts on several threads gives exactly what one walk gives: every flow field, counter, function
/// use and sample frame, whatever the split points (many part counts put boundaries inside handshakes and split PDUs).
final class ParallelReadTests: XCTestCase {
    func assertSameInParts(_ path: String, parts: ClosedRange<Int>, file: StaticString = #filePath, line: UInt = #line) throws -> (joined: Int, rewalked: Int) {
        let whole = TrafficFixture.fingerprint(try TrafficReader.read([path], threads: 1))
        var joined = 0, rewalked = 0
        for n in parts {
            let observation = try TrafficReader.read([path], threads: n, minimumPartBytes: 1)
            let split = TrafficFixture.fingerprint(observation)
            XCTAssertEqual(split.count, whole.count, "\(path) in \(n) parts: flow count", file: file, line: line)
            for (a, b) in zip(whole, split) where a != b {
                XCTFail("\(path) in \(n) parts:\n  one walk: \(a)\n  in parts: \(b)", file: file, line: line)
                break
            }
            let mapped = try MappedFile(path: path)
            let result = try ParallelCaptureReader.read(mapped, format: CaptureFormat.detect(mapped.bytes)!, capture: 0, parts: n) { _, _ in }
            joined += result.joined
            rewalked += result.rewalked
        }
        return (joined, rewalked)
    }

    func testPlantScenarioInAnyNumberOfPartsMatchesOneWalk() throws {
        var joined = 0
        for (name, options) in TsharkCrossCheckTests.variants {
            joined += try assertSameInParts(try TrafficFixture.scenario(options, name: name), parts: 2...24).joined
        }
        XCTAssertGreaterThan(joined, 0)
    }

    func testAFlowThatCannotSettleInTimeIsWalkedAgain() throws {
        // A protocol no signature names, classified after four payloads, then a long run of bare ACKs: a part that starts
        // inside the run keeps 16 packets of it without classifying the flow, so the merge walks that part again for it.
        let writer = CaptureWriter(options: CaptureOptions(container: .pcap))
        let clock = CaptureClock()
        let chat = TCPConversation(client: PlantScenario.hmi, server: PlantScenario.plc, clientPort: 47001, serverPort: 47002, writer: writer,
                                   clock: clock, seed: 12)
        let modbus = TCPConversation(client: PlantScenario.hmi, server: PlantScenario.plc, clientPort: 50111, serverPort: 502, writer: writer,
                                     clock: clock, seed: 13)
        chat.open()
        modbus.open()
        for i in 0..<6 { chat.send(Array("hello \(i) in a protocol nobody knows".utf8), fromClient: i % 2 == 0) }
        for i in 0..<40 {
            chat.send([], fromClient: true)
            modbus.send(ProtocolMessages.modbusRead(transaction: UInt16(i), function: 3, address: 0, count: 2), fromClient: true)
        }
        for i in 0..<6 { chat.send(Array("bye \(i)".utf8), fromClient: i % 2 == 1) }
        chat.close()
        modbus.close()
        let path = try TrafficFixture.directory().appendingPathComponent("unsettled.pcap").path
        try writer.finish(to: path)
        XCTAssertGreaterThan(try assertSameInParts(path, parts: 2...12).rewalked, 0)
    }

    func testBenchmarkMixInPartsMatchesOneWalk() throws {
        let path = try TrafficFixture.directory().appendingPathComponent("mix.pcap").path
        let writer = CaptureWriter(options: CaptureOptions(container: .pcap))
        OTTrafficMix.write(to: writer, packets: 40_000)
        try writer.finish(to: path)
        let counts = try assertSameInParts(path, parts: 2...5)
        XCTAssertGreaterThan(counts.joined, 1000, "long-lived flows span every boundary")
    }

    func testDamageInALaterPartIsReportedAsByOneWalk() throws {
        let writer = CaptureWriter(options: CaptureOptions(container: .pcapng))
        PlantScenario.write(to: writer)
        let bytes = Array(writer.buffer.dropLast(30))
        let path = try TrafficFixture.write(bytes, name: "cut-parts.pcapng")
        let whole = try TrafficReader.read([path], threads: 1)
        XCTAssertEqual(whole.damage.count, 1)
        for n in 2...6 {
            let split = try TrafficReader.read([path], threads: n, minimumPartBytes: 1)
            XCTAssertEqual(TrafficFixture.fingerprint(split), TrafficFixture.fingerprint(whole), "in \(n) parts")
        }
    }
}
