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
        return (0..<6).map { String(format: "%02x", UInt8(truncatingIfNeeded: value >> UInt64((5 - $0) * 8))) }.joined(separator: ":")
    }

    /// RFC 3339 UTC with microseconds, formatted by hand: a formatter object per flow cost more than reading the capture.
    static func time(_ nanoseconds: Int64) -> String {
        var seconds = time_t(nanoseconds / 1_000_000_000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let micro = Int((nanoseconds % 1_000_000_000) / 1000)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                      Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), micro)
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
            for use in f.functions { functions[use.family.name, default: [:]][String(use.code), default: 0] += use.count }
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

/// An optional written as JSON `null` when absent (the encoder would otherwise leave the key out), for keys scripts rely on.
struct Nullable<Wrapped: Encodable>: Encodable {
    let value: Wrapped?
    init(_ value: Wrapped?) { self.value = value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}
