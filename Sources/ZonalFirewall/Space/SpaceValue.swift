import ZonalModel

/// One coordinate of the packet space as an unsigned 128-bit number, wide enough for an IPv6 address.
///
/// Hand-written rather than Swift's `UInt128` because the package still targets macOS 13, where that type is unavailable.
public struct SpaceValue: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt64

    public init(high: UInt64 = 0, low: UInt64) {
        self.high = high
        self.low = low
    }

    public init(_ value: Int) {
        self.init(low: UInt64(value))
    }

    public init(_ address: IPAddress) {
        self.init(high: address.high, low: address.low)
    }

    public static let zero = SpaceValue(low: 0)
    public static let max = SpaceValue(high: .max, low: .max)

    public static func < (a: Self, b: Self) -> Bool { (a.high, a.low) < (b.high, b.low) }

    /// The next value; callers never ask past `max`.
    public var successor: SpaceValue {
        low == .max ? SpaceValue(high: high &+ 1, low: 0) : SpaceValue(high: high, low: low + 1)
    }

    /// The previous value; callers never ask below zero.
    public var predecessor: SpaceValue {
        low == 0 ? SpaceValue(high: high &- 1, low: .max) : SpaceValue(high: high, low: low - 1)
    }

    /// The value as an Int when it fits (ports, protocols, indices).
    public var small: Int { Int(truncatingIfNeeded: low) }

    /// The address of this value in a family.
    public func address(_ family: IPAddress.Family) -> IPAddress { IPAddress(family: family, high: high, low: low) }

    public var description: String { high == 0 ? String(low) : "\(high):\(low)" }
}
