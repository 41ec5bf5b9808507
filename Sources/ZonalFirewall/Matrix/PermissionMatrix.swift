import ZonalModel

/// Named groups of addresses (and the interfaces they sit behind) between which a ruleset's permissions are tabulated.
public struct AddressGroup: Hashable, Sendable {
    public let name: String
    public let ranges: [AddressRange]
    /// The firewall interfaces the group is behind; empty when unknown (any interface).
    public let interfaces: [String]

    public init(name: String, ranges: [AddressRange], interfaces: [String] = []) {
        self.name = name
        self.ranges = ranges
        self.interfaces = interfaces
    }

    public init(name: String, networks: [IPNetwork], interfaces: [String] = []) {
        self.init(name: name, ranges: networks.map(AddressRange.init), interfaces: interfaces)
    }

    /// Every address of both families outside the groups' ranges: the rest of the world as the firewall sees it.
    public static func outside(_ groups: [AddressGroup], name: String) -> AddressGroup {
        var ranges: [AddressRange] = []
        for family in [IPAddress.Family.v4, .v6] {
            let taken = groups.flatMap(\.ranges).filter { $0.family == family }.map { Interval(SpaceValue($0.lower), SpaceValue($0.upper)) }
            ranges += Interval.complement(taken, in: Dimension.domain(.source, family: family))
                .map { AddressRange($0.lower.address(family), $0.upper.address(family)) }
        }
        return AddressGroup(name: name, ranges: ranges)
    }
}

/// What a ruleset lets one group open towards another: new connections (TCP with its replies allowed back), as decided regions.
public struct MatrixCell: Sendable {
    public let from: String
    public let to: String
    /// Accepted regions, each with the rule that accepts it.
    public let permitted: [Decision]
}

/// The exact group-to-group permissions of a ruleset.
public enum PermissionMatrix {
    /// Every ordered pair of different groups with at least one permitted packet.
    public static func compute(_ evaluator: RulesetEvaluator, groups: [AddressGroup]) -> [MatrixCell] {
        let replies = ReplyFilter(evaluator)
        let targets = groups.map { destinationBoxes(evaluator, $0) }
        let dropsByPolicy = evaluator.ruleset.forwardChains.contains { $0.policy != .accept }
        let targetBounds = targets.map(CompiledRule.bounds(of:))
        var cells: [MatrixCell] = []
        for (s, source) in groups.enumerated() {
            let space = space(evaluator, from: source)
            guard let bounds = CompiledRule.bounds(of: space) else { continue }
            // The rules that can touch the source at all are found once; each target is then decided on its own small region.
            let scope = evaluator.scope(bounds)
            for (t, target) in groups.enumerated() where t != s {
                // Where no rule can match and a chain's policy drops, nothing passes: skip before building the region.
                if dropsByPolicy, let tb = targetBounds[t], let b = bounds.intersection(tb), !scope.touches(b) { continue }
                let region = space.flatMap { box in targets[t].compactMap(box.intersection) }
                let permitted = evaluator.decide(region, in: scope).filter { $0.verdict == .accept }.flatMap(replies.connections)
                if !permitted.isEmpty { cells.append(MatrixCell(from: source.name, to: target.name, permitted: Coalescing.decisions(permitted))) }
            }
        }
        return cells
    }

    /// New connections opened from a group's networks, arriving on its interfaces.
    static func space(_ evaluator: RulesetEvaluator, from group: AddressGroup) -> [PacketBox] {
        var boxes: [PacketBox] = []
        let inIndices = Set(group.interfaces.map(evaluator.interfaces.index(of:))).sorted()
        for range in group.ranges {
            var box = PacketBox(family: range.family, interfaces: evaluator.interfaces.count)
            box[.source] = Interval(SpaceValue(range.lower), SpaceValue(range.upper))
            box[.state] = .single(ConnectionState.new.rawValue)
            if inIndices.isEmpty {
                boxes.append(box)
            } else {
                for i in inIndices { var b = box; b[.inInterface] = .single(i); boxes.append(b) }
            }
        }
        return boxes
    }

    /// The part of the space addressed to a group, leaving by its interfaces.
    static func destinationBoxes(_ evaluator: RulesetEvaluator, _ group: AddressGroup) -> [PacketBox] {
        let outIndices = Set(group.interfaces.map(evaluator.interfaces.index(of:))).sorted()
        var boxes: [PacketBox] = []
        for range in group.ranges {
            var box = PacketBox(family: range.family, interfaces: evaluator.interfaces.count)
            box[.destination] = Interval(SpaceValue(range.lower), SpaceValue(range.upper))
            if outIndices.isEmpty {
                boxes.append(box)
            } else {
                for i in outIndices { var b = box; b[.outInterface] = .single(i); boxes.append(b) }
            }
        }
        return boxes
    }
}

/// Keeps, of the accepted TCP connection openings, those whose replies the ruleset also accepts (as `established`),
/// since a handshake whose SYN-ACK is dropped opens nothing.
public struct ReplyFilter: Sendable {
    private let acceptedReplies: [PacketBox]
    private let everyReplyAccepted: Bool

    public init(_ evaluator: RulesetEvaluator) {
        let established = evaluator.universe().map { box -> PacketBox in
            var b = box
            b[.state] = .single(ConnectionState.established.rawValue)
            return b
        }
        let accepted = evaluator.decide(established).filter { $0.verdict == .accept }.map(\.box)
        acceptedReplies = accepted
        everyReplyAccepted = PacketSet(accepted).subtracting(established).isEmpty && established.allSatisfy { PacketSet(accepted).contains($0) }
    }

    /// The parts of an accepted opening that make a working connection.
    public func connections(_ decision: Decision) -> [Decision] {
        if everyReplyAccepted { return [decision] }
        let box = decision.box
        let tcp = ProtocolNumbers.tcp
        guard box[.proto].contains(SpaceValue(tcp)) else { return [decision] }
        var result: [Decision] = []
        var rest = box
        // Protocols other than TCP pass on their opening packet alone.
        if box[.proto].lower.small < tcp { var b = box; b[.proto] = Interval(box[.proto].lower.small, tcp - 1); result.append(decision.restricted(to: b)) }
        if box[.proto].upper.small > tcp { var b = box; b[.proto] = Interval(tcp + 1, box[.proto].upper.small); result.append(decision.restricted(to: b)) }
        rest[.proto] = .single(tcp)
        for reply in acceptedReplies {
            var opening = reply.reversed()
            opening[.state] = rest[.state]
            if let part = rest.intersection(opening) { result.append(decision.restricted(to: part)) }
        }
        return result
    }
}
