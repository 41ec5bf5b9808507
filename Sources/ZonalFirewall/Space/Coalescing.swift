/// Joins boxes that differ on one axis only and touch there, so a region fragmented by earlier subtractions reads as few ranges.
public enum Coalescing {
    /// Above this many boxes the input is returned as is (merging is quadratic per pass).
    public static let limit = 400

    public static func boxes(_ input: [PacketBox]) -> [PacketBox] {
        guard input.count > 1, input.count <= limit else { return input }
        var boxes = input
        var merged = true
        while merged {
            merged = false
            outer: for i in boxes.indices {
                for j in boxes.indices where j > i {
                    if let joined = join(boxes[i], boxes[j]) {
                        boxes[i] = joined
                        boxes.remove(at: j)
                        merged = true
                        break outer
                    }
                }
            }
        }
        return boxes
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
        var order: [Decision] = []
        var groups: [Decision: [PacketBox]] = [:]
        for d in input {
            let key = Decision(box: PacketBox(family: .v4, interfaces: 1), verdict: d.verdict, rule: d.rule, chain: d.chain, trail: d.trail)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(d.box)
        }
        return order.flatMap { key in boxes(groups[key]!).map(key.restricted) }
    }
}
