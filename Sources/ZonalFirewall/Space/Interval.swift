/// A closed interval of one dimension of the packet space.
public struct Interval: Hashable, Sendable {
    public var lower: SpaceValue
    public var upper: SpaceValue

    public init(_ lower: SpaceValue, _ upper: SpaceValue) {
        self.lower = lower
        self.upper = upper
    }

    public init(_ lower: Int, _ upper: Int) {
        self.init(SpaceValue(lower), SpaceValue(upper))
    }

    public static func single(_ value: Int) -> Interval { Interval(value, value) }

    public func contains(_ value: SpaceValue) -> Bool { lower <= value && value <= upper }

    public func overlaps(_ other: Interval) -> Bool { lower <= other.upper && other.lower <= upper }

    public func contains(_ other: Interval) -> Bool { lower <= other.lower && other.upper <= upper }

    /// The common part, or nil when disjoint.
    public func intersection(_ other: Interval) -> Interval? {
        let l = Swift.max(lower, other.lower), u = Swift.min(upper, other.upper)
        return l <= u ? Interval(l, u) : nil
    }

    /// Sorted, merged intervals covering the same values (adjacent intervals are joined).
    public static func normalize(_ intervals: [Interval]) -> [Interval] {
        let sorted = intervals.sorted { $0.lower < $1.lower }
        var result: [Interval] = []
        for interval in sorted {
            if var last = result.last, last.upper == .max || interval.lower <= last.upper.successor {
                if interval.upper > last.upper { last.upper = interval.upper }
                result[result.count - 1] = last
            } else {
                result.append(interval)
            }
        }
        return result
    }

    /// The values of `domain` outside every interval of the list.
    public static func complement(_ intervals: [Interval], in domain: Interval) -> [Interval] {
        var result: [Interval] = []
        var next = domain.lower
        var exhausted = false
        for interval in normalize(intervals) {
            guard let clipped = interval.intersection(domain) else { continue }
            if next < clipped.lower { result.append(Interval(next, clipped.lower.predecessor)) }
            if clipped.upper == domain.upper { exhausted = true; break }
            next = clipped.upper.successor
        }
        if !exhausted && next <= domain.upper { result.append(Interval(next, domain.upper)) }
        return result
    }
}
