import ZonalAnalysis
import ZonalModel

/// `zonal traffic discover`: the proposed zones, assets and flows as a YAML model fragment to start a model from.
public enum DiscoveryReport {
    public static func yaml(_ plant: DiscoveredPlant, sources: [String]) -> String {
        func id(_ address: IPAddress) -> String {
            "host-" + address.description.replacingOccurrences(of: ".", with: "-").replacingOccurrences(of: ":", with: "-")
        }
        func zoneID(_ network: IPNetwork) -> String {
            "zone-" + network.address.description.replacingOccurrences(of: ".", with: "-").replacingOccurrences(of: ":", with: "-") + "-\(network.prefixLength)"
        }
        var out = "# Proposed by `zonal traffic discover` from \(sources.joined(separator: ", ")).\n"
        out += "# Candidate zones are the subnets seen (/24, /64): merge and rename them, set kinds and sl-target, then add conduits.\n"
        out += "zonal: 1\nsystem: { name: Discovered plant }\nzones:\n"
        for zone in plant.zones {
            out += "  - { id: \(zoneID(zone.network)), kind: control, sl-target: 2, networks: [\"\(zone.network)\"] }\n"
        }
        out += "assets:\n"
        for zone in plant.zones {
            for host in zone.hosts {
                out += "  - id: \(id(host.address))\n    zone: \(zoneID(zone.network))\n    role: unknown\n    ip: \"\(host.address)\"\n"
                if host.mac != 0 {
                    let mac = (0..<6).map { i -> String in
                        let hex = String(UInt8(truncatingIfNeeded: host.mac >> UInt64((5 - i) * 8)), radix: 16)
                        return hex.count == 1 ? "0" + hex : hex
                    }.joined(separator: ":")
                    out += "    mac: \"\(mac)\"\n"
                }
                if !host.serves.isEmpty { out += "    # serves: \(host.serves.sorted().joined(separator: "; "))\n" }
                if !host.uses.isEmpty { out += "    # uses: \(host.uses.sorted().joined(separator: "; "))\n" }
            }
        }
        out += "flows:\n"
        for (i, flow) in plant.flows.enumerated() {
            var fields = ["id: seen-\(i + 1)", "from: \(id(flow.from))", "to: \(id(flow.to))"]
            if flow.protocol != "unknown" { fields.append("protocol: \(flow.protocol)") }
            fields.append("port: \(flow.port)")
            if flow.transport == "tcp" || flow.transport == "udp" { fields.append("transport: \(flow.transport)") }
            let named = flow.functions.filter { !$0.hasPrefix("code-") }
            if !named.isEmpty { fields.append("functions: [\(named.joined(separator: ", "))]") }
            out += "  - { \(fields.joined(separator: ", ")) }\n"
        }
        out += "conduits: []\n"
        return out
    }
}
