/// Joins boxes that differ on one axis only and touch there, so a region fragmented by earlier subtractions reads as few ranges.
public enum Coalescing {
    /// Repeats, axis by axis, "sort the boxes that agree on every other axis and join neighbours", until nothing joins.
    public static func boxes(_ input: [PacketBox]) -> [PacketBox] {
        guard input.count > 1 else { return input }
        var boxes = input
        // Boxes can only join along an axis on which they differ; the others are skipped.
        let varying = Dimension.allCases.filter { d in boxes.contains { $0[d] != boxes[0][d] } }
        var changed = true
        while changed {
            changed = false
            for d in varying {
                // Sorting by every other axis first, then this one, puts the boxes that could join next to each other.
                boxes.sort { a, b in
                    for e in varying where e != d && a[e] != b[e] { return (a[e].lower, a[e].upper) < (b[e].lower, b[e].upper) }
                    return a[d].lower < b[d].lower
                }
                var merged: [PacketBox] = []
                merged.reserveCapacity(boxes.count)
                for box in boxes {
                    if let last = merged.last, let joined = join(last, box) {
                        merged[merged.count - 1] = joined
                    } else {
                        merged.append(box)
                    }
                }
                if merged.count < boxes.count { changed = true }
                boxes = merged
            }
        }
        return boxes.sorted { a, b in
            for d in varying where a[d] != b[d] { return (a[d].lower, a[d].upper) < (b[d].lower, b[d].upper) }
            return false
        }
    }

    /// The union of two boxes when it is itself a box of adjacent parts.
    static func join(_ a: PacketBox, _ b: PacketBox) -> PacketBox? {
        var differing: Dimension?
        for d in Dimension.allCases where a[d] != b[d] {
            if differing != nil { return nil }
            differing = d
        }
        guard let d = differing else { return a }
        let (x, y) = a[d].lower < b[d].lower ? (a[d], b[d]) : (b[d], a[d])
        guard x.upper < y.lower, x.upper.successor == y.lower else { return nil }
        var result = a
        result[d] = Interval(x.lower, y.upper)
        return result
    }

    /// Decisions with the same verdict, rule and path joined where their boxes can be.
    public static func decisions(_ input: [Decision]) -> [Decision] {
        guard input.count > 1 else { return input }
        struct Key: Hashable {
            let verdict: Decision.Verdict
            let rule: RuleID?
            let chain: String
            let trail: [RuleID]
        }
        var order: [Key] = []
        var groups: [Key: [PacketBox]] = [:]
        for d in input {
            let key = Key(verdict: d.verdict, rule: d.rule, chain: d.chain, trail: d.trail)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(d.box)
        }
        return order.flatMap { key in
            boxes(groups[key]!).map { Decision(box: $0, verdict: key.verdict, rule: key.rule, chain: key.chain, trail: key.trail) }
        }
    }
}
