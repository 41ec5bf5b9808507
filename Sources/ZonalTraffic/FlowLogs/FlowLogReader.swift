import Foundation
import ZonalModel

/// Reads flow records (Zeek conn.log as TSV or JSON lines, Zonal's flow CSV) into flows without packets.
enum FlowLogReader {
    struct Result {
        var flows: [FlowRecord] = []
        var damage: CaptureDamage?
    }

    /// The fields a flow needs, by their Zeek names.
    struct Row {
        var ts: Double
        var duration: Double
        var client: IPAddress
        var clientPort: UInt16
        var server: IPAddress
        var serverPort: UInt16
        var transport: String
        var service: String
        var packets: Int
        var bytes: Int
        var serverPackets: Int
    }

    static func read(_ file: MappedFile, format: CaptureFormat, capture: Int) throws(CaptureError) -> Result {
        let text = String(decoding: UnsafeRawBufferPointer(start: file.bytes.base, count: file.bytes.count), as: UTF8.self)
        var result = Result()
        var fields: [String] = []
        var lineNumber = 0
        var offset = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            defer { offset += line.utf8.count + 1 }
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if trimmed.isEmpty { continue }
            let row: Row?
            switch format {
            case .zeekTSV:
                if trimmed.hasPrefix("#fields") { fields = trimmed.split(separator: "\t").dropFirst().map(String.init); continue }
                if trimmed.hasPrefix("#") { continue }
                row = zeekTSV(trimmed, fields: fields)
            case .zeekJSON:
                row = zeekJSON(trimmed)
            default:
                if lineNumber == 1 { continue }
                row = csv(trimmed)
            }
            guard let row else {
                result.damage = CaptureDamage(path: file.path, offset: offset, packet: result.flows.count + 1,
                                              reason: "line \(lineNumber) is not a valid \(format.rawValue) flow record")
                return result
            }
            result.flows.append(flow(row, number: result.flows.count + 1, capture: capture))
        }
        return result
    }

    static func flow(_ row: Row, number: Int, capture: Int) -> FlowRecord {
        let tcp = row.transport == "tcp"
        let start = Int64(row.ts * 1e9)
        var flow = FlowRecord(client: row.client, server: row.server, clientPort: row.clientPort, serverPort: row.serverPort,
                              ipProtocol: tcp ? 6 : (row.transport == "udp" ? 17 : 0), etherType: 0, clientMAC: 0, serverMAC: 0, vlan: 0,
                              firstFrame: number, lastFrame: number, firstTime: start, lastTime: start + Int64(row.duration * 1e9))
        flow.capture = capture
        flow.packets = row.packets
        flow.bytes = row.bytes
        flow.serverPackets = row.serverPackets
        flow.sampleFrames = [number]
        if row.serverPackets > 0 { flow.serverSampleFrames = [number] }
        // Zeek lists every analyzer that matched ("ssl,http"); the first one Zonal knows names the flow.
        let named = row.service.split(separator: ",").lazy.compactMap { AppProtocol(modelName: String($0)) }.first
        flow.protocol = named ?? ProtocolClassifier.byPort(tcp: tcp, client: row.clientPort, server: row.serverPort) ?? .unknown
        flow.classified = true
        return flow
    }

    static func zeekTSV(_ line: Substring, fields: [String]) -> Row? {
        let values = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard values.count == fields.count else { return nil }
        var map: [String: String] = [:]
        for (key, value) in zip(fields, values) where value != "-" && value != "(empty)" { map[key] = value }
        return row(map)
    }

    static func zeekJSON(_ line: Substring) -> Row? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
        var map: [String: String] = [:]
        for (key, value) in object {
            switch value {
            case let s as String: map[key] = s
            case let n as NSNumber: map[key] = n.stringValue
            default: break
            }
        }
        return row(map)
    }

    static func row(_ map: [String: String]) -> Row? {
        guard let ts = map["ts"].flatMap(Double.init), let client = map["id.orig_h"].flatMap({ IPAddress($0) }),
              let server = map["id.resp_h"].flatMap({ IPAddress($0) }), let cp = map["id.orig_p"].flatMap(UInt16.init),
              let sp = map["id.resp_p"].flatMap(UInt16.init), let proto = map["proto"] else { return nil }
        let origPackets = map["orig_pkts"].flatMap(Int.init) ?? 0, respPackets = map["resp_pkts"].flatMap(Int.init) ?? 0
        let bytes = (map["orig_ip_bytes"].flatMap(Int.init) ?? 0) + (map["resp_ip_bytes"].flatMap(Int.init) ?? 0)
        return Row(ts: ts, duration: map["duration"].flatMap(Double.init) ?? 0, client: client, clientPort: cp, server: server, serverPort: sp,
                   transport: proto, service: map["service"] ?? "", packets: origPackets + respPackets, bytes: bytes, serverPackets: respPackets)
    }

    static func csv(_ line: Substring) -> Row? {
        let v = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
        guard v.count == 10, let first = Double(v[0]), let last = Double(v[1]), let client = IPAddress(v[2]), let cp = UInt16(v[3]),
              let server = IPAddress(v[4]), let sp = UInt16(v[5]), ["tcp", "udp"].contains(v[6]), let packets = Int(v[8]), let bytes = Int(v[9])
        else { return nil }
        return Row(ts: first, duration: max(0, last - first), client: client, clientPort: cp, server: server, serverPort: sp, transport: v[6],
                   service: v[7], packets: packets, bytes: bytes, serverPackets: 0)
    }
}
