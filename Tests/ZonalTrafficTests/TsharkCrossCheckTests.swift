import XCTest
import ZonalCaptureGenerator
import ZonalTraffic

/// Zonal's dissection of the generated plant traffic, compared with Debian's tshark on the very same files.
///
/// The scenario holds fragmented DNP3/UDP and DNS datagrams over IPv4 and IPv6, some out of order. tshark reassembles IP
/// by default and dissects each datagram once, in the frame that completed it (its other fragments are `ip:data` in
/// `frame.protocols` and carry no `dnp3.al.func`); Zonal counts the datagram in that same frame, so the frame counts per
/// protocol and the function histograms below compare like with like, and differ when reassembly is missing.
final class TsharkCrossCheckTests: XCTestCase {
    static let decodeAs = ["tcp.port==\(PlantScenario.dnp3OddPort),dnp3"]

    static let variants: [(String, CaptureOptions)] = [
        ("plant-us-le.pcap", CaptureOptions(container: .pcap)),
        ("plant-ns-be.pcap", CaptureOptions(container: .pcap, nanoseconds: true, bigEndian: true)),
        ("plant.pcapng", CaptureOptions(container: .pcapng, nanoseconds: true, secondSectionAt: 120)),
        ("plant-be.pcapng", CaptureOptions(container: .pcapng, bigEndian: true, simplePacketsFrom: 300)),
    ]

    func testFunctionCodeHistogramsMatchTshark() throws {
        let families: [FunctionFamily] = [.modbus, .dnp3, .s7comm, .iec104, .cip, .enip]
        for (name, options) in Self.variants {
            let path = try TrafficFixture.scenario(options, name: name)
            let observation = try TrafficReader.read([path])
            XCTAssertTrue(observation.damage.isEmpty, "\(name): \(observation.damage)")
            let ours = observation.functionHistogram
            let theirs = try TrafficFixture.tsharkHistograms(path, fields: families.map(\.tsharkField), decodeAs: Self.decodeAs)
            for (i, family) in families.enumerated() {
                let mine = Dictionary(uniqueKeysWithValues: (ours[family] ?? [:]).map { (Int($0.key), $0.value) })
                XCTAssertFalse(theirs[i].isEmpty, "\(name): tshark saw no \(family.tsharkField) at all")
                XCTAssertEqual(mine, theirs[i], "\(name): \(family.tsharkField) histogram differs from tshark's")
            }
        }
    }

    func testProtocolFrameCountsMatchTshark() throws {
        // Zonal protocol name → tshark protocol name in frame.protocols.
        let names: [AppProtocol: String] = [
            .modbus: "mbtcp", .dnp3: "dnp3", .s7comm: "s7comm", .iec104: "iec60870_104", .enip: "enip", .opcua: "opcua",
            .http: "http", .tls: "tls", .ssh: "ssh", .telnet: "telnet", .ftp: "ftp", .vnc: "vnc", .dns: "dns", .ntp: "ntp",
            .snmp: "snmp", .bacnet: "bvlc", .hartip: "hart_ip", .goose: "goose", .profinetDCP: "pn_dcp",
        ]
        for (name, options) in Self.variants {
            let path = try TrafficFixture.scenario(options, name: name)
            let totals = try TrafficReader.read([path]).protocolTotals
            let theirs = try TrafficFixture.tsharkFrameCounts(path, protocols: Array(names.values), decodeAs: Self.decodeAs)
            for (proto, tsharkName) in names.sorted(by: { $0.key < $1.key }) {
                XCTAssertEqual(totals[proto]?.pduFrames ?? 0, theirs[tsharkName] ?? 0, "\(name): frames carrying \(proto.name) (tshark '\(tsharkName)')")
            }
        }
    }

    func testPacketAndByteTotalsMatchCapinfosView() throws {
        let path = try TrafficFixture.scenario(CaptureOptions(container: .pcap), name: "plant.pcap")
        let observation = try TrafficReader.read([path])
        let text = try TrafficFixture.tshark(["-n", "-r", path, "-T", "fields", "-e", "frame.len"])
        let lengths = text.split(separator: "\n").compactMap { Int($0) }
        XCTAssertEqual(observation.counters.packets, lengths.count)
        XCTAssertEqual(observation.counters.bytes, lengths.reduce(0, +))
    }
}
