import XCTest
import ZonalCaptureGenerator
import ZonalModel
@testable import ZonalTraffic

/// Fragmented datagrams reach the dissectors: reassembled in any order, within bounds, with conflicting overlaps reported,
/// and exactly once when a capture read in parts splits their fragments.
final class IPFragmentReassemblyTests: XCTestCase {
    typealias M = ProtocolMessages
    let hmi = PlantScenario.hmi, rtu = PlantScenario.rtu

    func capture(_ name: String, _ frames: [(bytes: [UInt8], time: Int64)]) throws -> String {
        let writer = CaptureWriter(options: CaptureOptions(container: .pcap))
        for frame in frames { writer.write(frame.bytes, time: frame.time) }
        let path = try TrafficFixture.directory().appendingPathComponent(name).path
        try writer.finish(to: path)
        return path
    }

    func dnp3Datagram(function: UInt8) -> [UInt8] {
        FrameBuilder.udp(sourcePort: 20000, destinationPort: 20000,
                         payload: M.dnp3Application(function: function, sequence: 1, master: true, objects: [UInt8](repeating: 0x0C, count: 180)))
    }

    func testFragmentedDNP3AndDNSInThePlantScenarioAreDissectedInTheFrameThatCompletesThem() throws {
        let path = try TrafficFixture.scenario(CaptureOptions(container: .pcap), name: "fragments.pcap")
        let observation = try TrafficReader.read([path], threads: 1)
        XCTAssertEqual(observation.counters.fragments, 19)
        XCTAssertEqual(observation.counters.reassembled, 6)
        XCTAssertEqual(observation.counters.incompleteDatagrams, 0)
        XCTAssertEqual(observation.counters.fragmentOverlaps, 0, "a fragment sent twice with the same bytes is no conflict")
        let udpDNP3 = observation.flows.filter { $0.protocol == .dnp3 && $0.ipProtocol == 17 }
        let functions = udpDNP3.flatMap { flow in flow.functions.flatMap { use in use.frames.map { "\(use.code)@\($0)" } } }.sorted()
        // tshark names DNP3 (and the function) only on the frame that completed each datagram, its "Reassembled in" frame;
        // the other fragments are `ip:data`.
        let theirs = try TrafficFixture.tshark(["-n", "-r", path, "-Y", "udp && dnp3", "-T", "fields", "-e", "dnp3.al.func", "-e", "frame.number",
                                                "-e", "ip.frag_offset", "-e", "ipv6.fraghdr.offset"])
        let rows = theirs.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        XCTAssertEqual(functions, rows.map { "\($0[0])@\($0[1])" }.sorted())
        XCTAssertEqual(rows.filter { !$0[2].isEmpty && $0[2] != "0" || !$0[3].isEmpty }.count, 3,
                       "tshark reassembled the fragmented IPv4 and IPv6 DNP3 datagrams: \(theirs)")
        let dns = observation.flows.filter { $0.protocol == .dns && $0.bytes > 1000 }
        XCTAssertEqual(dns.count, 2, "the fragmented DNS responses over IPv4 and IPv6, each counted with its fragments' wire bytes")
    }

    func testOutOfOrderAndDuplicatedFragmentsComplete() throws {
        let whole = dnp3Datagram(function: 5)
        let frames = DatagramWriter.fragments(of: whole, from: hmi, to: rtu, identification: 9, size: 48, order: [4, 2, 2, 0, 3, 1])
        let path = try capture("shuffled.pcap", frames.enumerated().map { ($0.element, Int64($0.offset + 1) * 1_000_000) })
        let observation = try TrafficReader.read([path], threads: 1)
        XCTAssertEqual(observation.counters.reassembled, 1)
        XCTAssertEqual(observation.functionHistogram[.dnp3], [5: 1])
        XCTAssertEqual(observation.flows.first?.functions.first?.frames, [6], "evidence: the fragment that completed the datagram")
        XCTAssertEqual(observation.flows.first?.bytes, frames.reduce(0) { $0 + $1.count })
    }

    func testConflictingOverlapKeepsTheFirstCopyAndIsCounted() throws {
        // The second copy of the first fragment names another destination port; the first copy received is kept.
        let whole = dnp3Datagram(function: 5)
        var forged = whole
        forged[2] = 0x01
        forged[3] = 0xF6
        let honest = DatagramWriter.fragments(of: whole, from: hmi, to: rtu, identification: 10, size: 96)
        let other = DatagramWriter.fragments(of: forged, from: hmi, to: rtu, identification: 10, size: 96)
        let path = try capture("overlap.pcap", [(honest[0], 1_000), (other[0], 2_000), (honest[1], 3_000), (honest[2], 4_000)])
        let observation = try TrafficReader.read([path], threads: 1)
        XCTAssertEqual(observation.counters.fragmentOverlaps, 1)
        XCTAssertEqual(observation.counters.overlapFrames, [2])
        XCTAssertEqual(observation.flows.map(\.serverPort), [20000])
        XCTAssertEqual(observation.functionHistogram[.dnp3], [5: 1])
    }

    func testIncompleteDatagramsAreDroppedByTimeoutCapAndLength() throws {
        let whole = dnp3Datagram(function: 5)
        let second: Int64 = 1_000_000_000
        var frames: [(bytes: [UInt8], time: Int64)] = []
        // Its last fragments come 31 s (capture time) after the first: the datagram timed out, they begin another one.
        let late = DatagramWriter.fragments(of: whole, from: hmi, to: rtu, identification: 1, size: 96)
        frames += [(late[0], second), (late[1], 32 * second), (late[2], 32 * second + 1)]
        // 65 more datagrams begin: the 65th and 66th in progress push out the oldest two (the late one's, then id 2's), so
        // id 2's later fragments begin a datagram of their own (pushing out id 3's), which never ends.
        for id in 2...66 { frames.append((DatagramWriter.fragments(of: whole, from: hmi, to: rtu, identification: UInt32(id), size: 96)[0], 33 * second)) }
        frames += DatagramWriter.fragments(of: whole, from: hmi, to: rtu, identification: 2, size: 96, order: [1, 2]).map { ($0, 34 * second) }
        // A fragment ending past 65 535 bytes.
        let far = FrameBuilder.fragment(source: hmi.ip, destination: rtu.ip, protocol: 17, payload: [UInt8](repeating: 1, count: 16), identification: 70,
                                        offset: 65_528, more: false)
        frames.append((FrameBuilder.ethernet(source: hmi.mac, destination: rtu.mac, etherType: 0x0800, payload: far.bytes), 35 * second))
        let observation = try TrafficReader.read([try capture("incomplete.pcap", frames)], threads: 1)
        XCTAssertEqual(observation.counters.reassembled, 0)
        XCTAssertTrue(observation.flows.isEmpty)
        // Timed out 1, pushed out 3, too long 1, and unfinished at the end 64 (ids 4...66 and id 2's second datagram).
        XCTAssertEqual(observation.counters.incompleteDatagrams, 1 + 3 + 1 + 64)
    }

    /// The first fragment at the start of the capture, the others at its end: every split point lies between them.
    func straddling() throws -> String {
        let writer = CaptureWriter(options: CaptureOptions(container: .pcap))
        let clock = CaptureClock()
        let v4 = DatagramWriter.fragments(of: dnp3Datagram(function: 5), from: hmi, to: rtu, identification: 40, size: 96, order: [1, 0, 2])
        let v6 = DatagramWriter.fragments(of: dnp3Datagram(function: 2), from: PlantScenario.hmi6, to: PlantScenario.plc6, identification: 41, size: 96)
        writer.write(v4[0], time: clock.tick())
        writer.write(v6[2], time: clock.tick())
        let modbus = TCPConversation(client: hmi, server: PlantScenario.plc, clientPort: 50999, serverPort: 502, writer: writer, clock: clock, seed: 44)
        modbus.open()
        for i in 0..<300 { modbus.send(M.modbusRead(transaction: UInt16(i), function: 3, address: 0, count: 2), fromClient: true) }
        for frame in v4.dropFirst() + v6.dropLast() { writer.write(frame, time: clock.tick()) }
        modbus.close()
        let path = try TrafficFixture.directory().appendingPathComponent("straddling.pcap").path
        try writer.finish(to: path)
        return path
    }

    func testADatagramSplitBetweenPartsIsReassembledOnceAsByOneWalk() throws {
        let path = try straddling()
        let whole = try TrafficReader.read([path], threads: 1)
        XCTAssertEqual(whole.counters.reassembled, 2)
        XCTAssertEqual(whole.functionHistogram[.dnp3], [5: 1, 2: 1])
        var carried = 0
        for n in 2...8 {
            let split = try TrafficReader.read([path], threads: n, minimumPartBytes: 1)
            XCTAssertEqual(TrafficFixture.fingerprint(split), TrafficFixture.fingerprint(whole), "in \(n) parts")
            let mapped = try MappedFile(path: path)
            carried += try ParallelCaptureReader.read(mapped, format: .pcap, capture: 0, parts: n) { _, _ in }.fragmentsCarried
        }
        XCTAssertGreaterThan(carried, 0, "parts holding the later fragments were walked with the datagrams begun before them")
    }

    func testALostFragmentDoesNotMakeEveryLaterPartWalkAgain() throws {
        // A datagram whose other fragments were never captured, then a minute of polling with a fragmented datagram every
        // ten seconds from the 40th: each later part's first fragment finds the lost one timed out, so no part is walked
        // again for it.
        let writer = CaptureWriter(options: CaptureOptions(container: .pcap))
        let clock = CaptureClock()
        writer.write(DatagramWriter.fragments(of: dnp3Datagram(function: 5), from: hmi, to: rtu, identification: 60, size: 96)[0], time: clock.tick())
        let modbus = TCPConversation(client: hmi, server: PlantScenario.plc, clientPort: 50998, serverPort: 502, writer: writer, clock: clock, seed: 45)
        modbus.open()
        for i in 0..<600 {
            modbus.send(M.modbusRead(transaction: UInt16(i), function: 3, address: 0, count: 2), fromClient: true)
            _ = clock.tick(100_000_000)
            if i % 100 == 99, i >= 399 {
                for frame in DatagramWriter.fragments(of: dnp3Datagram(function: 2), from: hmi, to: rtu, identification: UInt32(61 + i / 100), size: 96) {
                    writer.write(frame, time: clock.tick())
                }
            }
        }
        modbus.close()
        let path = try TrafficFixture.directory().appendingPathComponent("lost-fragment.pcap").path
        try writer.finish(to: path)
        let whole = try TrafficReader.read([path], threads: 1)
        XCTAssertEqual(whole.counters.reassembled, 3)
        XCTAssertEqual(whole.counters.incompleteDatagrams, 1)
        var carried = 0
        for n in 2...8 {
            XCTAssertEqual(TrafficFixture.fingerprint(try TrafficReader.read([path], threads: n, minimumPartBytes: 1)), TrafficFixture.fingerprint(whole),
                           "in \(n) parts")
            let mapped = try MappedFile(path: path)
            carried += try ParallelCaptureReader.read(mapped, format: .pcap, capture: 0, parts: n) { _, _ in }.fragmentsCarried
        }
        XCTAssertEqual(carried, 0)
    }
}
