import ZonalModel

extension RulesetEvaluator {
    /// The packets for which every condition holds, in this evaluator's space (both families unless a condition says one).
    public func region(_ conditions: [RuleCondition]) -> [PacketBox] {
        CompiledRule.boxes(conditions, family: nil, interfaces: interfaces)
    }
}

extension PacketSet {
    /// The set without every packet of `boxes`.
    public func subtracting(_ boxes: [PacketBox]) -> PacketSet {
        var result = self
        for box in boxes { result.remove(box) }
        return result
    }

    /// The packets of `boxes` that are in the set.
    public func intersection(_ boxes: [PacketBox]) -> [PacketBox] {
        boxes.flatMap { intersection($0) }
    }
}

extension PacketBox {
    /// The protocols of the box in words: `any`, `tcp`, `tcp,udp`, `proto 50-51`.
    public var protocolSummary: String {
        let p = self[.proto]
        if p == Dimension.domain(.proto) { return "any protocol" }
        let (lo, hi) = (p.lower.small, p.upper.small)
        if hi - lo < 4 { return (lo...hi).map(ProtocolNumbers.name).joined(separator: ",") }
        return "protocols \(lo)-\(hi)"
    }

    /// True when the box covers only protocols that have ports, so its port axes mean something.
    public var hasPorts: Bool {
        let p = self[.proto]
        return (p.lower.small...p.upper.small).allSatisfy { ProtocolNumbers.withPorts.contains($0) }
    }

    /// The addresses of one axis in words: a host, a CIDR block, a range, or `any`.
    public func addressSummary(_ d: Dimension) -> String {
        let i = self[d]
        if i == Dimension.domain(d, family: family) { return family == .v4 ? "any" : "any (IPv6)" }
        return AddressRange(i.lower.address(family), i.upper.address(family)).description
    }

    public func portSummary(_ d: Dimension) -> String {
        let i = self[d]
        if !hasPorts || i == Dimension.domain(d) { return "any" }
        return i.lower == i.upper ? i.lower.description : "\(i.lower)-\(i.upper)"
    }

    /// "tcp 10.1.0.0/24 -> 10.2.0.5 port 502".
    public var summary: String {
        var text = "\(protocolSummary) \(addressSummary(.source)) -> \(addressSummary(.destination))"
        if hasPorts {
            let dport = portSummary(.destinationPort)
            text += dport == "any" ? " any port" : " port \(dport)"
            let sport = portSummary(.sourcePort)
            if sport != "any" { text += " from port \(sport)" }
        }
        return text
    }

    /// The number of destination ports of the box (all 65536 when the protocol has none).
    public var destinationPortCount: Int {
        let i = self[.destinationPort]
        return i.upper.small - i.lower.small + 1
    }
}

extension RulesetEvaluator {
    /// The packets a rule matches on its own, before any earlier rule takes some.
    public func boxes(of id: RuleID) -> [PacketBox] {
        guard let chain = ruleset.chains[id.chain], let rule = ruleset.rule(id) else { return [] }
        return CompiledRule.boxes(rule.conditions, family: chain.family, interfaces: interfaces)
    }

    /// The chains forwarded packets can reach: the forward base chains and every chain they jump or go to.
    public var forwardReachableChains: Set<String> {
        var reached = Set(ruleset.forwardChains.map(\.key))
        var queue = Array(reached)
        while let key = queue.popLast() {
            for rule in ruleset.chains[key]?.rules ?? [] {
                switch rule.action {
                case .jump(let t), .goto(let t): if reached.insert(t).inserted { queue.append(t) }
                default: break
                }
            }
        }
        return reached
    }
}
