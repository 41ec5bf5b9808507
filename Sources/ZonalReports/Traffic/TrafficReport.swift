import Foundation
import ZonalAnalysis
import ZonalModel
import ZonalTraffic

/// `zonal traffic`: what the captures carried, which conduit allowed each flow, and the violations — as text, JSON, CSV or Markdown.
public enum TrafficReport {
    struct Document: Encodable {
        struct Capture: Encodable { let path: String }
        struct Damage: Encodable { let path: String; let offset: Int; let packet: Int; let reason: String }
        struct Totals: Encodable { let packets: Int; let bytes: Int; let pduFrames: Int; let flows: Int }
        struct ConduitValue: Encodable {
            let id: String
            let zones: [String]
            let flows: Int, packets: Int, bytes: Int
            let firstSeen: String?, lastSeen: String?
        }
        let model: String
        let captures: [Capture]
        let packets: Int
        let bytes: Int
        let fragments: Int
        /// Fragmented datagrams reassembled, dropped incomplete, and fragments overlapping with different bytes (frames).
        let reassembled: Int
        let incompleteDatagrams: Int
        let fragmentOverlaps: Int
        let fragmentOverlapFrames: [Int]
        let truncated: Int
        let protocols: [String: Totals]
        let functions: [String: [String: Int]]
        let conduits: [ConduitValue]
        let flows: [TrafficReportValues.FlowValue]
        let violations: [TrafficReportValues.ViolationValue]
        let damage: [Damage]
    }

    /// The document `json` writes, as `Encodable` values: the reference its hand-written layout is tested against.
    static func document(_ a: TrafficAssessment) -> Document {
        let o = a.observation
        let use = a.conduitUse
        return Document(
            model: a.model.file, captures: o.sources.map(Document.Capture.init), packets: o.counters.packets, bytes: o.counters.bytes,
            fragments: o.counters.fragments, reassembled: o.counters.reassembled, incompleteDatagrams: o.counters.incompleteDatagrams,
            fragmentOverlaps: o.counters.fragmentOverlaps, fragmentOverlapFrames: o.counters.overlapFrames, truncated: o.counters.truncated,
            protocols: Dictionary(uniqueKeysWithValues: o.protocolTotals.map {
                ($0.key.name, Document.Totals(packets: $0.value.packets, bytes: $0.value.bytes, pduFrames: $0.value.pduFrames, flows: $0.value.flows))
            }),
            functions: functionHistogram(o),
            conduits: a.model.conduits.map { c in
                let u = use[c.id]
                return Document.ConduitValue(id: c.id, zones: c.zones, flows: u?.flows ?? 0, packets: u?.packets ?? 0, bytes: u?.bytes ?? 0,
                                             firstSeen: u.map { TrafficReportValues.time($0.firstTime) }, lastSeen: u.map { TrafficReportValues.time($0.lastTime) })
            },
            flows: TrafficReportValues.flows(a), violations: TrafficReportValues.violations(a),
            damage: o.damage.map { Document.Damage(path: $0.path, offset: $0.offset, packet: $0.packet, reason: $0.reason) })
    }

    static func functionHistogram(_ o: TrafficObservation) -> [String: [String: Int]] {
        var functions: [String: [String: Int]] = [:]
        for (family, codes) in o.functionHistogram {
            functions[family.name] = Dictionary(uniqueKeysWithValues: codes.map { (String($0.key), $0.value) })
        }
        return functions
    }

    /// The same bytes as `JSONOutput.encode(document(a))`, written directly: `JSONEncoder` took longer than the whole
    /// capture walk on a few thousand flows.
    public static func json(_ a: TrafficAssessment) -> String {
        let d = document(a)
        var w = JSONWriter(capacity: 1024 + d.flows.count * 900 + d.violations.count * 1200)
        w.object { w in
            w.field("bytes", d.bytes)
            w.key("captures")
            w.array { w in for c in d.captures { w.object { $0.field("path", c.path) } } }
            w.key("conduits")
            w.array { w in
                for c in d.conduits {
                    w.object { w in
                        w.field("bytes", c.bytes)
                        w.field("firstSeen", ifPresent: c.firstSeen)
                        w.field("flows", c.flows)
                        w.field("id", c.id)
                        w.field("lastSeen", ifPresent: c.lastSeen)
                        w.field("packets", c.packets)
                        w.field("zones", strings: c.zones)
                    }
                }
            }
            w.key("damage")
            w.array { w in
                for damage in d.damage {
                    w.object { w in
                        w.field("offset", damage.offset)
                        w.field("packet", damage.packet)
                        w.field("path", damage.path)
                        w.field("reason", damage.reason)
                    }
                }
            }
            w.key("flows")
            w.array { w in for flow in d.flows { flow.write(to: &w) } }
            w.field("fragmentOverlapFrames", ints: d.fragmentOverlapFrames)
            w.field("fragmentOverlaps", d.fragmentOverlaps)
            w.field("fragments", d.fragments)
            w.key("functions")
            TrafficReportValues.write(d.functions, to: &w)
            w.field("incompleteDatagrams", d.incompleteDatagrams)
            w.field("model", d.model)
            w.field("packets", d.packets)
            w.key("protocols")
            w.object { w in
                for (name, total) in d.protocols.sorted(by: { JSONWriter.keyOrder($0.key, $1.key) }) {
                    w.key(name)
                    w.object { w in
                        w.field("bytes", total.bytes)
                        w.field("flows", total.flows)
                        w.field("packets", total.packets)
                        w.field("pduFrames", total.pduFrames)
                    }
                }
            }
            w.field("reassembled", d.reassembled)
            w.field("truncated", d.truncated)
            w.key("violations")
            w.array { w in for v in d.violations { v.write(to: &w) } }
        }
        return w.text
    }

    /// One row per flow (RFC 4180), with its route and the checks it violated.
    public static func csv(_ a: TrafficAssessment) -> String {
        var byFlow: [Int: [String]] = [:]
        for v in a.violations { if let f = v.flow { byFlow[f, default: []].append(v.finding.check) } }
        var out = "capture,client,client_port,client_asset,client_zone,server,server_port,server_asset,server_zone,transport,protocol,conduit,verdict,packets,bytes,first_frame,last_frame,first_seen,last_seen,functions,violations\r\n"
        for f in TrafficReportValues.flows(a) {
            let functions = f.functions.keys.sorted().flatMap { family in
                f.functions[family]!.keys.sorted { Int($0)! < Int($1)! }.map { "\(family):\($0)=\(f.functions[family]![$0]!)" }
            }.joined(separator: " ")
            let fields = [f.capture, f.client.address, f.client.port.map(String.init) ?? "", f.client.asset ?? "", f.client.zone ?? "",
                          f.server.address, f.server.port.map(String.init) ?? "", f.server.asset ?? "", f.server.zone ?? "", f.transport, f.protocol,
                          f.conduit.value ?? "", f.verdict, String(f.packets), String(f.bytes), String(f.firstFrame), String(f.lastFrame), f.firstSeen,
                          f.lastSeen, functions, (byFlow[f.id] ?? []).joined(separator: " ")]
            out += fields.map(CSVField.escape).joined(separator: ",") + "\r\n"
        }
        return out
    }

    public static func text(_ a: TrafficAssessment, style: TextStyle) -> String {
        let o = a.observation
        var out = style.bold("Traffic of \(a.model.system.name)") + "\n"
        out += style.dim("\(o.sources.joined(separator: ", ")): \(o.counters.packets) packets, \(o.counters.bytes) bytes, \(o.flows.count) flows"
                         + (o.counters.fragments > 0 ? ", \(o.counters.fragments) IP fragments (\(o.counters.reassembled) datagrams reassembled, "
                            + "\(o.counters.incompleteDatagrams) incomplete)" : "")
                         + (o.counters.truncated > 0 ? ", \(o.counters.truncated) truncated" : "")) + "\n\n"
        for damage in o.damage { out += style.severity(.high, "DAMAGED ") + " \(damage)\n" }
        if o.counters.fragmentOverlaps > 0 {
            // Overlap with different bytes is a known IDS evasion: the target may have kept the copy Zonal did not.
            out += style.severity(.medium, "WARNING ") + " \(o.counters.fragmentOverlaps) IP fragments overlap earlier ones with different bytes "
                + "(frames \(o.counters.overlapFrames.map(String.init).joined(separator: ", "))); the first copy was dissected\n\n"
        }
        if !o.damage.isEmpty { out += "\n" }
        for v in a.violations {
            let f = v.finding
            let label = style.severity(f.severity, f.severity.rawValue.uppercased().padding(toLength: 8, withPad: " ", startingAt: 0))
            out += "\(label) \(style.bold(f.check))  \(f.location)\n"
            out += "         \(f.message)\n"
            out += style.dim("         clause: \(f.clause)") + "\n"
            out += "         fix: \(f.remediation)\n"
            for line in f.evidence { out += style.dim("           - \(line)") + "\n" }
            out += "\n"
        }
        var protocols = TextTable()
        protocols.add(["protocol", "flows", "packets", "bytes"].map(style.bold))
        for (proto, total) in o.protocolTotals.sorted(by: { $0.value.packets != $1.value.packets ? $0.value.packets > $1.value.packets : $0.key < $1.key }) {
            protocols.add([proto.name, String(total.flows), String(total.packets), String(total.bytes)])
        }
        out += protocols.render() + "\n\n"
        let histogram = o.functionHistogram
        if !histogram.isEmpty {
            var functions = TextTable()
            functions.add(["protocol", "function", "code", "PDUs"].map(style.bold))
            for family in histogram.keys.sorted() {
                for (code, count) in histogram[family]!.sorted(by: { $0.key < $1.key }) {
                    // CIP services are named in the table of EtherNet/IP, which carries them; class-specific ones need the
                    // request's class, which the histogram (tshark's `cip.sc`) leaves out.
                    let name = family == .enip ? "" : TrafficRouter.functionName(code, protocol: family == .cip ? "enip" : family.name)
                    functions.add([family.name, name.hasPrefix("code-") ? "" : name, String(code), String(count)])
                }
            }
            out += functions.render() + "\n\n"
        }
        let use = a.conduitUse
        var conduits = TextTable()
        conduits.add(["conduit", "zones", "flows", "packets", "bytes", "first seen", "last seen"].map(style.bold))
        for c in a.model.conduits {
            let u = use[c.id]
            conduits.add([c.id, c.zones.joined(separator: " ↔ "), String(u?.flows ?? 0), String(u?.packets ?? 0), String(u?.bytes ?? 0),
                          u.map { TrafficReportValues.time($0.firstTime) } ?? "-", u.map { TrafficReportValues.time($0.lastTime) } ?? "-"])
        }
        out += conduits.render() + "\n\n"
        out += a.violations.isEmpty ? style.green("No violations.") + "\n" : "\(a.violations.count) violations\n"
        return out
    }

    /// Model and capture text (names, paths, messages, server names inside evidence) goes through `MarkdownText`, so a
    /// capture or model can never inject markup, HTML or table cells into the document.
    public static func markdown(_ a: TrafficAssessment) -> String {
        let o = a.observation
        let text = MarkdownText.inline, cell = MarkdownText.cell
        var out = "# Traffic conformance: \(text(a.model.system.name))\n\n"
        out += "Model \(text(a.model.file)); captures \(o.sources.map(text).joined(separator: ", ")): \(o.counters.packets) packets, \(o.counters.bytes) bytes, \(o.flows.count) flows.\n\n"
        for damage in o.damage { out += "> **Damaged capture:** \(text(damage.description))\n\n" }
        out += "## Violations\n\n"
        if a.violations.isEmpty { out += "None.\n\n" }
        for v in a.violations {
            let f = v.finding
            out += "- **\(text(f.check))** (\(f.severity.rawValue)) \(text(f.message)) — \(text(f.clause)). Fix: \(text(f.remediation))\n"
            for line in f.evidence { out += "  - \(text(line))\n" }
        }
        out += "\n## Conduits\n\n| conduit | zones | flows | packets | bytes |\n| --- | --- | --- | --- | --- |\n"
        let use = a.conduitUse
        for c in a.model.conduits {
            let u = use[c.id]
            out += "| \(cell(c.id)) | \(c.zones.map(cell).joined(separator: ", ")) | \(u?.flows ?? 0) | \(u?.packets ?? 0) | \(u?.bytes ?? 0) |\n"
        }
        out += "\n## Protocols\n\n| protocol | flows | packets | bytes |\n| --- | --- | --- | --- |\n"
        for (proto, total) in o.protocolTotals.sorted(by: { $0.value.packets != $1.value.packets ? $0.value.packets > $1.value.packets : $0.key < $1.key }) {
            out += "| \(cell(proto.name)) | \(total.flows) | \(total.packets) | \(total.bytes) |\n"
        }
        return out
    }
}
