/// Up to three frame numbers kept inline (no heap array per flow), so counting a packet touches one cache line.
public struct FrameSample: Sendable, Hashable {
    private var first = 0, second = 0, third = 0
    public private(set) var count = 0

    public init() {}

    public init(_ frames: [Int]) {
        for frame in frames.prefix(3) { append(frame) }
    }

    public var isFull: Bool { count == 3 }

    public var last: Int? {
        switch count {
        case 0: nil
        case 1: first
        case 2: second
        default: third
        }
    }

    /// Adds a frame unless three are kept already.
    @inline(__always) public mutating func append(_ frame: Int) {
        switch count {
        case 0: first = frame
        case 1: second = frame
        case 2: third = frame
        default: return
        }
        count += 1
    }

    /// Renumbers the kept frames (a part of a capture counted its frames from 1 before it knew where it began).
    mutating func shift(by delta: Int) {
        if count > 0 { first += delta }
        if count > 1 { second += delta }
        if count > 2 { third += delta }
    }

    public var frames: [Int] { Array([first, second, third].prefix(count)) }
}
