import XCTest
import ZonalCaptureGenerator
@testable import ZonalTraffic

/// A capture read in parts on several threads gives exactly what one walk gives: every flow field, counter, function
/// use and sample frame, whatever the split points (many part counts put boundaries inside handshakes and split PDUs).
final class ParallelReadTests: XCTestCase {
    func assertSameInParts(_ path: String, parts: ClosedRange<Int>, file: StaticString = #filePath, line: UInt = #line) throws
        -> (joined: Int, rewalked: Int, fellBack: Int) {
        let whole = TrafficFixture.fingerprint(try TrafficReader.read([path], threads: 1))
        var joined = 0, rewalked = 0, fellBack = 0
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
            fellBack += result.fellBack
        }
        return (joined, rewalked, fellBack)
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
        let whole = try TrafficReader.read([path], threads: 1).counters
        XCTAssertGreaterThan(whole.reassembled, 5, "the mix carries fragmented DNS answers")
        XCTAssertEqual(whole.incompleteDatagrams, 0)
        XCTAssertEqual(counts.fellBack, 0, "every part starts at the record boundary it found")
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

    /// A capture whose datagrams carry records of another capture (as a capture copied over the network would): a part's
    /// scan for a record boundary lands in a payload and takes an inner record for one; the merge notices that the part
    /// before did not end there and walks the part again, so the result is still the single walk's.
    func adversarial(_ container: CaptureOptions.Container) throws -> String {
        let writer = CaptureWriter(options: CaptureOptions(container: container))
        let clock = CaptureClock()
        let datagrams = DatagramWriter(writer: writer, clock: clock)
        let modbus = TCPConversation(client: PlantScenario.hmi, server: PlantScenario.plc, clientPort: 50112, serverPort: 502, writer: writer,
                                     clock: clock, seed: 21)
        modbus.open()
        for i in 0..<60 {
            let seconds = UInt32(clock.now / 1_000_000_000)
            var payload: [UInt8] = []
            if container == .pcap {
                // 16-byte record headers (seconds, microseconds, 20 captured of 20 bytes) each followed by 20 bytes.
                while payload.count + 36 <= 1400 {
                    for field in [seconds, UInt32(payload.count), 20, 20] { payload += withUnsafeBytes(of: field.littleEndian, Array.init) }
                    payload += [UInt8](repeating: 0x41, count: 20)
                }
            } else {
                // Two bytes put the inner enhanced packet blocks (interface 0, 20 bytes each) on the file's 4-byte grid.
                payload = [0, 0]
                while payload.count + 52 <= 1400 {
                    for field in [6, 52, 0, 0, UInt32(payload.count), 20, 20] as [UInt32] { payload += withUnsafeBytes(of: field.littleEndian, Array.init) }
                    payload += [UInt8](repeating: 0x42, count: 20)
                    payload += withUnsafeBytes(of: UInt32(52).littleEndian, Array.init)
                }
            }
            datagrams.udp(from: PlantScenario.historian, to: PlantScenario.hmi, sourcePort: 40000, destinationPort: 9999, payload: payload)
            modbus.send(ProtocolMessages.modbusRead(transaction: UInt16(i), function: 3, address: 0, count: 2), fromClient: true)
        }
        modbus.close()
        let path = try TrafficFixture.directory().appendingPathComponent("nested-records.\(container.rawValue)").path
        try writer.finish(to: path)
        return path
    }

    func testRecordsInsidePayloadsAtTheSplitPointStillGiveTheSingleWalk() throws {
        for container in [CaptureOptions.Container.pcap, .pcapng] {
            let path = try adversarial(container)
            // Scans from points in the middle half do take inner records for boundaries: the real chain passes them by.
            let mapped = try MappedFile(path: path)
            let state = container == .pcap ? try PcapReader.start(mapped.bytes, path: path) : try RecordBoundary.pcapngLeadingState(mapped)
            var falseBoundaries = 0
            for from in stride(from: mapped.bytes.count / 4, to: mapped.bytes.count * 3 / 4, by: 997) {
                let found = container == .pcap ? RecordBoundary.pcap(mapped.bytes, from: from, state: state)
                    : RecordBoundary.pcapng(mapped.bytes, from: from, state: state)
                var hop = RecordHop()
                let real = try ParallelCaptureReader.walk(container == .pcap ? .pcap : .pcapng, mapped,
                                                          from: container == .pcap ? state : PcapngReader.start, until: from,
                                                          progress: { _, _ in }, into: &hop)
                if found != real.position.offset { falseBoundaries += 1 }
            }
            XCTAssertGreaterThan(falseBoundaries, 0, "\(container)")
            let counts = try assertSameInParts(path, parts: 2...12)
            XCTAssertGreaterThan(counts.fellBack, 0, "\(container): some scans took an inner record for a boundary")
        }
    }

    func testFoundBoundariesInPlantScenarioVariants() throws {
        // The generator's plain variants have no records in payloads: every part but a few tiny ones starts where it scanned.
        let path = try TrafficFixture.scenario(CaptureOptions(container: .pcapng), name: "resync.pcapng")
        let mapped = try MappedFile(path: path)
        let result = try ParallelCaptureReader.read(mapped, format: .pcapng, capture: 0, parts: 4) { _, _ in }
        XCTAssertEqual(result.fellBack, 0)
    }
}
