/// A random ruleset over the kernel lab's addresses and ports, written both as iptables-restore input and as an nftables script,
/// so the same policy can be loaded with either tool. Seeded, so a failure can be replayed.
struct GeneratedRuleset {
    struct Rule {
        var source: (text: String, nft: String, iprange: Bool)?
        var sourceNegated = false
        var destination: (text: String, nft: String, iprange: Bool)?
        var destinationNegated = false
        var proto: String?
        var destinationPorts: [ClosedRange<Int>]?
        var destinationPortsNegated = false
        var sourcePorts: ClosedRange<Int>?
        var inInterface: String?
        var inNegated = false
        var outInterface: String?
        var states: [String]?
        var action: String
    }

    var policy: String
    var forward: [Rule]
    var userChains: [(name: String, rules: [Rule])]

    /// IPv6 rulesets use the lab's fd61::/64 and fd62::/64 in place of 10.61.0.0/24 and 10.62.0.0/24.
    let v6: Bool

    init(seed: UInt64, v6: Bool = false) {
        self.v6 = v6
        var rng = SplitMix(seed: seed)
        policy = rng.next() % 2 == 0 ? "DROP" : "ACCEPT"
        let chainNames = ["ZONE1", "ZONE2"]
        func address(_ side: Int) -> (String, String, Bool) {
            func host(_ n: Int) -> String { KernelLab.address(side: side, n, v6: v6) }
            func bits(_ v4: Int) -> Int { v6 ? [24: 64, 28: 124, 29: 125, 31: 127][v4]! : v4 }
            switch rng.next() % 6 {
            case 0: let h = 10 + Int(rng.next() % 20); return (host(h), host(h), false)
            case 1: let base = [0, 16][Int(rng.next() % 2)]; return ("\(host(base))/\(bits(28))", "\(host(base))/\(bits(28))", false)
            case 2: let base = [8, 16, 24][Int(rng.next() % 3)]; return ("\(host(base))/\(bits(29))", "\(host(base))/\(bits(29))", false)
            case 3:
                let lo = 10 + Int(rng.next() % 15), hi = lo + Int(rng.next() % 8)
                return ("\(host(lo))-\(host(hi))", "\(host(lo))-\(host(hi))", true)
            case 4: return ("\(host(0))/\(bits(24))", "\(host(0))/\(bits(24))", false)
            default: let h = 10 + Int(rng.next() % 20); return ("\(host(h))/\(bits(31))", "\(host(h & ~1))/\(bits(31))", false)
            }
        }
        func rule(actions: [String]) -> Rule {
            var r = Rule(action: actions[Int(rng.next() % UInt64(actions.count))])
            if rng.next() % 3 != 0 { r.source = address(1); r.sourceNegated = rng.next() % 5 == 0 }
            if rng.next() % 3 != 0 { r.destination = address(2); r.destinationNegated = rng.next() % 5 == 0 }
            if rng.next() % 4 != 0 {
                r.proto = rng.next() % 2 == 0 ? "tcp" : "udp"
                if rng.next() % 4 != 0 {
                    let count = 1 + Int(rng.next() % 3)
                    r.destinationPorts = (0..<count).map { _ in
                        let lo = 1998 + Int(rng.next() % 15)
                        return rng.next() % 3 == 0 ? lo...(lo + Int(rng.next() % 4)) : lo...lo
                    }
                    r.destinationPortsNegated = rng.next() % 5 == 0
                }
                if rng.next() % 6 == 0 { let lo = 40000 + Int(rng.next() % 10000); r.sourcePorts = lo...(lo + 5000) }
            }
            if rng.next() % 8 == 0 { r.inInterface = rng.next() % 2 == 0 ? "fa" : "fb"; r.inNegated = rng.next() % 3 == 0 }
            if rng.next() % 10 == 0 { r.outInterface = rng.next() % 2 == 0 ? "fb" : "eth9" }
            if rng.next() % 6 == 0 { r.states = rng.next() % 2 == 0 ? ["NEW"] : ["NEW", "ESTABLISHED"] }
            return r
        }
        var forward: [Rule] = []
        if rng.next() % 4 != 0 { forward.append(Rule(states: ["ESTABLISHED", "RELATED"], action: "ACCEPT")) }
        for _ in 0..<(6 + Int(rng.next() % 10)) {
            forward.append(rule(actions: ["ACCEPT", "ACCEPT", "DROP", "REJECT"] + chainNames.map { "jump:\($0)" } + ["goto:ZONE2"]))
        }
        self.forward = forward
        userChains = chainNames.map { name in
            (name, (0..<(2 + Int(rng.next() % 5))).map { _ in rule(actions: ["ACCEPT", "DROP", "RETURN", "ACCEPT"]) })
        }
        // ZONE1 may jump to ZONE2, never the reverse, so there is no loop.
        userChains[0].rules.append(rule(actions: ["jump:ZONE2", "ACCEPT", "RETURN"]))
    }

    /// Input for iptables-restore.
    var iptables: String {
        var out = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD \(policy) [0:0]\n:OUTPUT ACCEPT [0:0]\n"
        for chain in userChains { out += ":\(chain.name) - [0:0]\n" }
        for r in forward { out += "-A FORWARD \(iptablesRule(r))\n" }
        for chain in userChains { for r in chain.rules { out += "-A \(chain.name) \(iptablesRule(r))\n" } }
        return out + "COMMIT\n"
    }

    private func iptablesRule(_ r: Rule) -> String {
        var parts: [String] = []
        if let s = r.source { parts.append(s.iprange ? "-m iprange \(r.sourceNegated ? "! " : "")--src-range \(s.text)" : "\(r.sourceNegated ? "! " : "")-s \(s.text)") }
        if let d = r.destination { parts.append(d.iprange ? "-m iprange \(r.destinationNegated ? "! " : "")--dst-range \(d.text)" : "\(r.destinationNegated ? "! " : "")-d \(d.text)") }
        if let i = r.inInterface { parts.append("\(r.inNegated ? "! " : "")-i \(i)") }
        if let o = r.outInterface { parts.append("-o \(o)") }
        if let p = r.proto {
            parts.append("-p \(p)")
            if let ports = r.destinationPorts {
                let text = ports.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound):\($0.upperBound)" }.joined(separator: ",")
                parts.append(ports.count == 1 ? "-m \(p) \(r.destinationPortsNegated ? "! " : "")--dport \(text)" : "-m multiport \(r.destinationPortsNegated ? "! " : "")--dports \(text)")
            }
            if let s = r.sourcePorts { parts.append("-m \(p) --sport \(s.lowerBound):\(s.upperBound)") }
        }
        if let states = r.states { parts.append("-m conntrack --ctstate \(states.joined(separator: ","))") }
        if r.action.hasPrefix("jump:") { parts.append("-j \(r.action.dropFirst(5))") }
        else if r.action.hasPrefix("goto:") { parts.append("-g \(r.action.dropFirst(5))") }
        else { parts.append("-j \(r.action)") }
        return parts.joined(separator: " ")
    }

    /// An nftables script (inet family) with the same meaning.
    var nftables: String {
        var out = "table inet zonaltest {\n"
        out += "  chain filter_forward {\n    type filter hook forward priority 0; policy \(policy.lowercased());\n"
        for r in forward { out += "    \(nftRule(r))\n" }
        out += "  }\n"
        for chain in userChains {
            out += "  chain \(chain.name) {\n"
            for r in chain.rules { out += "    \(nftRule(r))\n" }
            out += "  }\n"
        }
        return out + "}\n"
    }

    private func nftRule(_ r: Rule) -> String {
        var parts: [String] = []
        let ip = v6 ? "ip6" : "ip"
        if let s = r.source { parts.append("\(ip) saddr \(r.sourceNegated ? "!= " : "")\(s.nft)") }
        if let d = r.destination { parts.append("\(ip) daddr \(r.destinationNegated ? "!= " : "")\(d.nft)") }
        if let i = r.inInterface { parts.append("iifname \(r.inNegated ? "!= " : "")\"\(i)\"") }
        if let o = r.outInterface { parts.append("oifname \"\(o)\"") }
        if let p = r.proto {
            if r.destinationPorts == nil && r.sourcePorts == nil { parts.append("meta l4proto \(p)") }
            if let ports = r.destinationPorts {
                let items = ports.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
                parts.append("\(p) dport \(r.destinationPortsNegated ? "!= " : "")\(items.count == 1 ? items[0] : "{ " + items.joined(separator: ", ") + " }")")
            }
            if let s = r.sourcePorts { parts.append("\(p) sport \(s.lowerBound)-\(s.upperBound)") }
        }
        if let states = r.states { parts.append("ct state \(states.map { $0.lowercased() }.joined(separator: ","))") }
        switch r.action {
        case "ACCEPT": parts.append("accept")
        case "DROP": parts.append("drop")
        case "REJECT": parts.append("reject")
        case "RETURN": parts.append("return")
        default: parts.append(r.action.hasPrefix("jump:") ? "jump \(r.action.dropFirst(5))" : "goto \(r.action.dropFirst(5))")
        }
        return parts.joined(separator: " ")
    }
}

/// A small seeded generator (SplitMix64), so generated rulesets and probes are the same on every run.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
