import Foundation
import ZonalAnalysis
import ZonalModel
import ZonalTraffic

/// The shapes shared by the traffic report formats: flows and violations as plain values, computed once.
enum TrafficReportValues {
    struct Endpoint: Encodable {
        let address: String
        let port: Int?
        let mac: String?
        let asset: String?
        let zone: String?
    }

    struct FlowValue: Encodable {
        let id: Int
        let capture: String
        let client: Endpoint
        let server: Endpoint
        let zones: [String?]
        let transport: String
        let `protocol`: String
        let serverName: String?
        let conduit: Nullable<String>
        let verdict: String
        let packets: Int
        let bytes: Int
        let firstFrame: Int
        let lastFrame: Int
        let firstSeen: String
        let lastSeen: String
        /// Function code (decimal) → PDUs, per protocol family.
        let functions: [String: [String: Int]]
        let vlan: Int?
    }

    struct ViolationValue: Encodable {
        let kind: String
        let check: String
        let title: String
        let severity: String
        let message: String
        let clause: String
        let flow: Int?
        let capture: String
        let frames: [Int]
        let conduit: Nullable<String>
        let zones: [String]
        let location: ReportValues.Location
        let remediation: String
        let evidence: [String]
    }

    static func mac(_ value: UInt64) -> String? {
        guard value != 0 else { return nil }
        var text: [UInt8] = []
        text.reserveCapacity(17)
        for i in 0..<6 {
            let byte = UInt8(truncatingIfNeeded: value >> UInt64((5 - i) * 8))
            if i > 0 { text.append(UInt8(ascii: ":")) }
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// RFC 3339 UTC with microseconds, formatted by hand: a formatter (or `String(format:)`) per flow cost more than reading the capture.
    static func time(_ nanoseconds: Int64) -> String {
        var seconds = time_t(nanoseconds / 1_000_000_000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var text: [UInt8] = []
        text.reserveCapacity(27)
        func digits(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            for _ in 0..<width {
                text.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(Int(parts.tm_year) + 1900, 4); text.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mon) + 1, 2); text.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mday), 2); text.append(UInt8(ascii: "T"))
        digits(Int(parts.tm_hour), 2); text.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_min), 2); text.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_sec), 2); text.append(UInt8(ascii: "."))
        digits(Int((nanoseconds % 1_000_000_000) / 1000), 6); text.append(UInt8(ascii: "Z"))
        return String(decoding: text, as: UTF8.self)
    }

    /// A protocol → function code → PDUs map, keys in `JSONOutput`'s order.
    static func write(_ functions: [String: [String: Int]], to w: inout JSONWriter) {
        w.object { w in
            for (family, codes) in functions.sorted(by: { JSONWriter.keyOrder($0.key, $1.key) }) {
                w.key(family)
                w.object { w in
                    for (code, count) in codes.sorted(by: { JSONWriter.keyOrder($0.key, $1.key) }) { w.field(code, count) }
                }
            }
        }
    }

    static func verdict(_ v: ObservedRoute.Verdict) -> String {
        switch v {
        case .intraZone: "intra-zone"
        case .permitted: "permitted"
        case .noConduit: "no-conduit"
        case .notPermitted: "not-permitted"
        case .forbiddenFunctions: "forbidden-function"
        case .againstDirection: "against-direction"
        case .unplaced: "unplaced"
        }
    }

    static func flows(_ a: TrafficAssessment) -> [FlowValue] {
        a.routes.map { route in
            let f = a.observation.flows[route.flow]
            var functions: [String: [String: Int]] = [:]
            for use in f.functions { functions[use.family.name, default: [:]][String(use.wireCode), default: 0] += use.count }
            let layer2 = f.isLayer2
            return FlowValue(
                id: route.flow, capture: a.observation.sources[f.capture],
                client: Endpoint(address: layer2 ? "" : f.client.description, port: layer2 ? nil : Int(f.clientPort), mac: mac(f.clientMAC),
                                 asset: route.client.asset, zone: route.client.zone),
                server: Endpoint(address: layer2 ? "" : f.server.description, port: layer2 ? nil : Int(f.serverPort), mac: mac(f.serverMAC),
                                 asset: route.server.asset, zone: route.server.zone),
                zones: [route.client.zone, route.server.zone], transport: f.transportName, protocol: f.protocol.name, serverName: f.serverName,
                conduit: Nullable(route.conduit), verdict: verdict(route.verdict), packets: f.packets, bytes: f.bytes, firstFrame: f.firstFrame,
                lastFrame: f.lastFrame, firstSeen: time(f.firstTime), lastSeen: time(f.lastTime), functions: functions,
                vlan: f.vlan == 0 ? nil : Int(f.vlan))
        }
    }

    static func violations(_ a: TrafficAssessment) -> [ViolationValue] {
        a.violations.map { v in
            ViolationValue(kind: v.kind.rawValue, check: v.finding.check, title: TrafficCheckRegistry.check(v.finding.check)?.title ?? v.finding.check,
                           severity: v.finding.severity.rawValue, message: v.finding.message, clause: v.finding.clause, flow: v.flow,
                           capture: a.observation.sources.indices.contains(v.capture) ? a.observation.sources[v.capture] : "",
                           frames: v.frames, conduit: Nullable(v.conduit), zones: v.zones, location: ReportValues.Location(v.finding.location),
                           remediation: v.finding.remediation, evidence: v.finding.evidence)
        }
    }
}

extension TrafficReportValues.Endpoint {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("address", address)
            w.field("asset", ifPresent: asset)
            w.field("mac", ifPresent: mac)
            w.field("port", ifPresent: port)
            w.field("zone", ifPresent: zone)
        }
    }
}

extension TrafficReportValues.FlowValue {
    /// Keys in `JSONOutput`'s order, values as the `Encodable` conformance gives them.
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("bytes", bytes)
            w.field("capture", capture)
            w.key("client")
            client.write(to: &w)
            w.field("conduit", orNull: conduit.value)
            w.field("firstFrame", firstFrame)
            w.field("firstSeen", firstSeen)
            w.key("functions")
            TrafficReportValues.write(functions, to: &w)
            w.field("id", id)
            w.field("lastFrame", lastFrame)
            w.field("lastSeen", lastSeen)
            w.field("packets", packets)
            w.field("protocol", self.protocol)
            w.key("server")
            server.write(to: &w)
            w.field("serverName", ifPresent: serverName)
            w.field("transport", transport)
            w.field("verdict", verdict)
            w.field("vlan", ifPresent: vlan)
            w.key("zones")
            w.array { w in for zone in zones { if let zone { w.string(zone) } else { w.null() } } }
        }
    }
}

extension TrafficReportValues.ViolationValue {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("capture", capture)
            w.field("check", check)
            w.field("clause", clause)
            w.field("conduit", orNull: conduit.value)
            w.field("evidence", strings: evidence)
            w.field("flow", ifPresent: flow)
            w.field("frames", ints: frames)
            w.field("kind", kind)
            w.key("location")
            w.object { w in
                w.field("column", location.column)
                w.field("file", location.file)
                w.field("line", location.line)
            }
            w.field("message", message)
            w.field("remediation", remediation)
            w.field("severity", severity)
            w.field("title", title)
            w.field("zones", strings: zones)
        }
    }
}

/// An optional written as JSON `null` when absent (the encoder would otherwise leave the key out), for keys scripts rely on.
struct Nullable<Wrapped: Encodable>: Encodable {
    let value: Wrapped?
    init(_ value: Wrapped?) { self.value = value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}
