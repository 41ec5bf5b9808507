import ZonalModel

/// One permit of a synthesized ruleset: new connections from some addresses to others, with a protocol and port, and why.
public struct PolicyRule: Hashable, Sendable {
    /// Why the rule exists ("flow hist-repl via conduit bpcs-dmz"), written as the rule's comment.
    public var comment: String
    public var sources: [AddressRange]
    public var destinations: [AddressRange]
    /// IP protocol numbers; empty for any.
    public var protocols: [Int]
    public var destinationPort: Int?
    public var inInterfaces: [String]
    public var outInterfaces: [String]

    public init(comment: String, sources: [AddressRange], destinations: [AddressRange], protocols: [Int] = [], destinationPort: Int? = nil,
                inInterfaces: [String] = [], outInterfaces: [String] = []) {
        self.comment = comment
        self.sources = sources
        self.destinations = destinations
        self.protocols = protocols
        self.destinationPort = destinationPort
        self.inInterfaces = inInterfaces
        self.outInterfaces = outInterfaces
    }

    /// The rule split so each part has one address family on both sides (families that cannot meet are dropped).
    var byFamily: [(IPAddress.Family, [AddressRange], [AddressRange])] {
        [IPAddress.Family.v4, .v6].compactMap { f in
            let s = sources.filter { $0.family == f }, d = destinations.filter { $0.family == f }
            return s.isEmpty || d.isEmpty ? nil : (f, s, d)
        }
    }

    /// One entry per protocol, or a single nil entry for any protocol.
    var protocolChoices: [Int?] { protocols.isEmpty ? [nil] : protocols.map(Optional.some) }

    /// Comments quoted for both tools: no double quotes or newlines.
    var quotedComment: String {
        "\"" + String(comment.map { $0 == "\"" || $0.isNewline ? "'" : $0 }.prefix(120)) + "\""
    }
}

/// Writes a default-deny forward ruleset that permits exactly the given rules (and the replies of what they permit).
public enum RulesetWriter {
    /// An nftables script for `nft -f`.
    public static func nftables(_ rules: [PolicyRule], header: [String]) -> String {
        var out = header.map { "# \($0)\n" }.joined()
        out += "table inet zonal {\n\tchain forward {\n\t\ttype filter hook forward priority filter; policy drop;\n"
        out += "\t\tct state established,related accept comment \"replies of permitted connections\"\n"
        for rule in rules {
            out += "\t\t# \(rule.comment)\n"
            for (family, sources, destinations) in rule.byFamily {
                let ip = family == .v4 ? "ip" : "ip6"
                var parts = ["\(ip) saddr \(set(sources.map(\.description)))", "\(ip) daddr \(set(destinations.map(\.description)))"]
                if !rule.inInterfaces.isEmpty { parts.append("iifname \(set(rule.inInterfaces.map { "\"\($0)\"" }))") }
                if !rule.outInterfaces.isEmpty { parts.append("oifname \(set(rule.outInterfaces.map { "\"\($0)\"" }))") }
                for proto in rule.protocolChoices {
                    var p = parts
                    if let proto {
                        let name = ProtocolNumbers.name(proto)
                        if let port = rule.destinationPort, ProtocolNumbers.withPorts.contains(proto) { p.append("\(name) dport \(port)") } else { p.append("meta l4proto \(name)") }
                    }
                    out += "\t\t\(p.joined(separator: " ")) ct state new accept comment \(rule.quotedComment)\n"
                }
            }
        }
        return out + "\t}\n}\n"
    }

    /// Input for `iptables-restore` (IPv4; rules between IPv6 addresses are listed as comments for ip6tables).
    public static func iptables(_ rules: [PolicyRule], header: [String]) -> String {
        var out = header.map { "# \($0)\n" }.joined()
        out += "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n"
        out += "-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -m comment --comment \"replies of permitted connections\" -j ACCEPT\n"
        for rule in rules {
            out += "# \(rule.comment)\n"
            for (family, sources, destinations) in rule.byFamily {
                guard family == .v4 else { out += "# (IPv6 part not written: load it with ip6tables)\n"; continue }
                for s in sources {
                    for d in destinations {
                        for proto in rule.protocolChoices {
                            var parts = [address("s", "src", s), address("d", "dst", d)]
                            if let i = rule.inInterfaces.first, rule.inInterfaces.count == 1 { parts.append("-i \(i)") }
                            if let o = rule.outInterfaces.first, rule.outInterfaces.count == 1 { parts.append("-o \(o)") }
                            if let proto {
                                parts.append("-p \(ProtocolNumbers.name(proto))")
                                if let port = rule.destinationPort, ProtocolNumbers.withPorts.contains(proto) { parts.append("-m \(ProtocolNumbers.name(proto)) --dport \(port)") }
                            }
                            parts.append("-m conntrack --ctstate NEW -m comment --comment \(rule.quotedComment) -j ACCEPT")
                            out += "-A FORWARD " + parts.joined(separator: " ") + "\n"
                        }
                    }
                }
            }
        }
        return out + "COMMIT\n"
    }

    private static func set(_ items: [String]) -> String { items.count == 1 ? items[0] : "{ " + items.joined(separator: ", ") + " }" }

    private static func address(_ short: String, _ long: String, _ range: AddressRange) -> String {
        let text = range.description
        return text.contains("-") ? "-m iprange --\(long)-range \(text)" : "-\(short) \(text)"
    }
}
