import ZonalModel

/// A box of the packet space: one interval per dimension. A box holds packets of one address family.
public struct PacketBox: Hashable, Sendable {
    // Nine stored intervals rather than an array: boxes are made and split millions of times, and an array would allocate each time.
    private var d0, d1, d2, d3, d4, d5, d6, d7, d8: Interval

    /// The whole space of one family, with `interfaces` entries in the interface table.
    public init(family: IPAddress.Family, interfaces: Int) {
        let f = Dimension.familyValue(family)
        d0 = Interval(f, f)
        d1 = Dimension.domain(.source, family: family)
        d2 = Dimension.domain(.destination, family: family)
        d3 = Dimension.domain(.proto)
        d4 = Dimension.domain(.sourcePort)
        d5 = Dimension.domain(.destinationPort)
        d6 = Dimension.domain(.inInterface, interfaces: interfaces)
        d7 = Dimension.domain(.outInterface, interfaces: interfaces)
        d8 = Dimension.domain(.state)
    }

    public subscript(_ d: Dimension) -> Interval {
        get {
            switch d {
            case .family: d0
            case .source: d1
            case .destination: d2
            case .proto: d3
            case .sourcePort: d4
            case .destinationPort: d5
            case .inInterface: d6
            case .outInterface: d7
            case .state: d8
            }
        }
        set {
            switch d {
            case .family: d0 = newValue
            case .source: d1 = newValue
            case .destination: d2 = newValue
            case .proto: d3 = newValue
            case .sourcePort: d4 = newValue
            case .destinationPort: d5 = newValue
            case .inInterface: d6 = newValue
            case .outInterface: d7 = newValue
            case .state: d8 = newValue
            }
        }
    }

    public var family: IPAddress.Family { Dimension.family(ofValue: d0.lower.small) }

    public func overlaps(_ other: PacketBox) -> Bool {
        d0.overlaps(other.d0) && d1.overlaps(other.d1) && d2.overlaps(other.d2) && d3.overlaps(other.d3) && d4.overlaps(other.d4)
            && d5.overlaps(other.d5) && d6.overlaps(other.d6) && d7.overlaps(other.d7) && d8.overlaps(other.d8)
    }

    public func contains(_ other: PacketBox) -> Bool {
        Dimension.allCases.allSatisfy { self[$0].contains(other[$0]) }
    }

    public func intersection(_ other: PacketBox) -> PacketBox? {
        guard overlaps(other) else { return nil }
        var result = self
        for d in Dimension.allCases { result[d] = self[d].intersection(other[d])! }
        return result
    }

    /// The parts of this box outside `other`, as disjoint boxes (at most two per dimension).
    public func subtracting(_ other: PacketBox) -> [PacketBox] {
        guard overlaps(other) else { return [self] }
        var pieces: [PacketBox] = []
        var rest = self
        for d in Dimension.allCases {
            let mine = rest[d], theirs = other[d]
            if mine.lower < theirs.lower {
                var piece = rest
                piece[d] = Interval(mine.lower, theirs.lower.predecessor)
                pieces.append(piece)
                rest[d].lower = theirs.lower
            }
            if mine.upper > theirs.upper {
                var piece = rest
                piece[d] = Interval(theirs.upper.successor, mine.upper)
                pieces.append(piece)
                rest[d].upper = theirs.upper
            }
        }
        return pieces
    }

    /// The same packets seen in the other direction: addresses, ports and interfaces swapped.
    public func reversed() -> PacketBox {
        var r = self
        r.d1 = d2; r.d2 = d1
        r.d4 = d5; r.d5 = d4
        r.d6 = d7; r.d7 = d6
        return r
    }
}

/// A set of packets as disjoint boxes.
public struct PacketSet: Sendable {
    public private(set) var boxes: [PacketBox]

    public init(_ boxes: [PacketBox] = []) { self.boxes = boxes }

    public var isEmpty: Bool { boxes.isEmpty }

    /// Removes `box` from the set and returns the removed part.
    @discardableResult
    public mutating func remove(_ box: PacketBox) -> [PacketBox] {
        var removed: [PacketBox] = []
        var pieces: [PacketBox] = []
        // In place: the set's order carries no meaning, so an overlapping box is swapped out rather than the array rebuilt.
        var i = 0
        while i < boxes.count {
            if let common = boxes[i].intersection(box) {
                removed.append(common)
                pieces.append(contentsOf: boxes[i].subtracting(box))
                boxes.swapAt(i, boxes.count - 1)
                boxes.removeLast()
            } else {
                i += 1
            }
        }
        boxes.append(contentsOf: pieces)
        return removed
    }

    /// Adds boxes known to be disjoint from the set.
    public mutating func insertDisjoint(_ more: [PacketBox]) { boxes.append(contentsOf: more) }

    public func intersection(_ box: PacketBox) -> [PacketBox] { boxes.compactMap { $0.intersection(box) } }

    public func contains(_ box: PacketBox) -> Bool {
        var rest = [box]
        for b in boxes where !rest.isEmpty { rest = rest.flatMap { $0.subtracting(b) } }
        return rest.isEmpty
    }
}
