import XCTest
import ZonalCaptureGenerator
import ZonalModel
import ZonalTraffic

/// The readers on damaged, foreign and unusual input: located warnings, kept results, never a crash or a hang.
final class CaptureReaderTests: XCTestCase {
    func scenarioBytes(_ options: CaptureOptions) -> [UInt8] {
        let writer = CaptureWriter(options: options)
        PlantScenario.write(to: writer)
        return writer.buffer
    }

    func testTruncatedPcapKeepsEarlierPacketsAndSaysWhere() throws {
        let bytes = scenarioBytes(CaptureOptions(container: .pcap))
        let whole = try TrafficReader.read([try TrafficFixture.write(bytes, name: "whole.pcap")])
        // Walk the records to find where packet 101 starts, then cut 10 bytes into its data.
        var offset = 24
        for _ in 0..<100 { offset += 16 + Int(UInt32(bytes[offset + 8]) | UInt32(bytes[offset + 9]) << 8 | UInt32(bytes[offset + 10]) << 16) }
        let path = try TrafficFixture.write(Array(bytes[..<(offset + 26)]), name: "cut.pcap")
        let cut = try TrafficReader.read([path])
        XCTAssertEqual(cut.counters.packets, 100)
        XCTAssertEqual(cut.damage.count, 1)
        XCTAssertEqual(cut.damage.first?.packet, 101)
        XCTAssertEqual(cut.damage.first?.offset, offset)
        XCTAssertTrue(cut.damage.first?.description.contains("packet 101") ?? false)
        XCTAssertLessThan(cut.flows.count, whole.flows.count + 1)
        XCTAssertTrue(whole.damage.isEmpty)
    }

    func testTruncatedPcapngAndAbsurdRecordLength() throws {
        let bytes = scenarioBytes(CaptureOptions(container: .pcapng))
        let cut = try TrafficReader.read([try TrafficFixture.write(Array(bytes[..<(bytes.count - 30)]), name: "cut.pcapng")])
        XCTAssertEqual(cut.damage.count, 1)
        let whole = try TrafficReader.read([try TrafficFixture.write(bytes, name: "whole.pcapng")])
        XCTAssertEqual(cut.counters.packets, whole.counters.packets - 1, "every packet but the cut last one")
        var pcap = scenarioBytes(CaptureOptions(container: .pcap))
        pcap[24 + 8] = 0xFF; pcap[24 + 9] = 0xFF; pcap[24 + 10] = 0xFF; pcap[24 + 11] = 0x7F
        let absurd = try TrafficReader.read([try TrafficFixture.write(pcap, name: "absurd.pcap")])
        XCTAssertEqual(absurd.counters.packets, 0)
        XCTAssertEqual(absurd.damage.first?.offset, 24)
        XCTAssertEqual(absurd.damage.first?.packet, 1)
    }

    func testForeignAndEmptyFilesAreRefusedWithTheirFirstBytes() throws {
        let text = try TrafficFixture.write(Array("hello world".utf8), name: "capture.pcap")
        XCTAssertThrowsError(try TrafficReader.read([text])) { error in
            guard case CaptureError.unknownFormat(_, let magic) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(magic, "68 65 6c 6c 6f 20 77 6f")
        }
        let empty = try TrafficFixture.write([], name: "empty.pcap")
        XCTAssertThrowsError(try TrafficReader.read([empty]))
        XCTAssertThrowsError(try TrafficReader.read(["/nonexistent/zonal.pcap"])) { error in
            guard case CaptureError.unreadable = error else { return XCTFail("\(error)") }
        }
    }

    func testRandomDamageNeverCrashes() throws {
        // Deterministic corruption of every container and byte order: each run must end, with or without a damage report.
        var random = SplitMix64(seed: 42)
        for options in [CaptureOptions(container: .pcap), CaptureOptions(container: .pcapng), CaptureOptions(container: .pcapng, bigEndian: true)] {
            let original = scenarioBytes(options)
            for _ in 0..<60 {
                var bytes = original
                for _ in 0..<40 { bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random) }
                let path = try TrafficFixture.write(bytes, name: "fuzz")
                if let observation = try? TrafficReader.read([path]) {
                    XCTAssertLessThanOrEqual(observation.counters.packets, 361 + 40)
                }
            }
        }
    }

    func testCookedAndRawLinkTypesDecodeLikeEthernet() throws {
        let hmi = PlantScenario.hmi, plc = PlantScenario.plc
        let request = ProtocolMessages.modbusRead(transaction: 1, function: 3, address: 0, count: 1)
        let ip = FrameBuilder.ip(source: hmi.ip, destination: plc.ip, protocol: 6,
                                 payload: FrameBuilder.tcp(sourcePort: 40000, destinationPort: 502, sequence: 1, acknowledgement: 1, flags: 0x18, payload: request))
        let sll: [UInt8] = [0, 4, 0, 1, 0, 6, 2, 0, 0x0A, 0x0A, 2, 0x14, 0, 0, 8, 0]
        let sll2: [UInt8] = [8, 0, 0, 0, 0, 0, 0, 2, 0, 1, 4, 6, 2, 0, 0x0A, 0x0A, 2, 0x14, 0, 0]
        for (linkType, header) in [(UInt32(113), sll), (276, sll2), (101, []), (228, [])] {
            let writer = CaptureWriter(options: CaptureOptions(container: .pcap), linkType: linkType)
            writer.write(header + ip.bytes, time: 1_000_000_000)
            let path = try TrafficFixture.write(writer.buffer, name: "link-\(linkType).pcap")
            let observation = try TrafficReader.read([path])
            XCTAssertEqual(observation.flows.count, 1, "link type \(linkType)")
            XCTAssertEqual(observation.flows.first?.client, hmi.ip)
            XCTAssertEqual(observation.functionHistogram[.modbus], [3: 1], "link type \(linkType)")
            let theirs = try TrafficFixture.tsharkHistograms(path, fields: ["modbus.func_code"], decodeAs: [])
            XCTAssertEqual(theirs[0], [3: 1], "tshark on link type \(linkType)")
        }
    }

    func testDNP3IsFoundOnAnOddPortAndHTTPOnTheModbusPort() throws {
        let observation = try TrafficReader.read([try TrafficFixture.scenario(CaptureOptions(container: .pcap), name: "p.pcap")])
        XCTAssertEqual(observation.flows.first { $0.serverPort == PlantScenario.dnp3OddPort }?.protocol, .dnp3)
        XCTAssertEqual(observation.flows.first { $0.serverPort == 502 && $0.clientPort == 50500 }?.protocol, .http)
        XCTAssertEqual(observation.flows.first { $0.protocol == .tls }?.serverName, "historian.plant.example")
        XCTAssertEqual(observation.counters.fragments, 19)
        XCTAssertEqual(observation.counters.truncated, 1)
        XCTAssertEqual(observation.flows.first { $0.serverPort == 102 && $0.clientPort == 51600 }?.protocol, .mms)
        XCTAssertEqual(observation.flows.first { $0.serverPort == 102 && $0.clientPort == 50800 }?.protocol, .s7comm)
    }
}
