/// A security level 0 to 4 (IEC 62443-3-3 clause 4.2): from no protection to protection against sophisticated attackers with extended resources.
public struct SecurityLevel: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int

    /// Returns nil outside 0...4.
    public init?(rawValue: Int) {
        guard (0...4).contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    public static let sl0 = SecurityLevel(uncheckedRawValue: 0)
    public static let sl1 = SecurityLevel(uncheckedRawValue: 1)
    public static let sl2 = SecurityLevel(uncheckedRawValue: 2)
    public static let sl3 = SecurityLevel(uncheckedRawValue: 3)
    public static let sl4 = SecurityLevel(uncheckedRawValue: 4)
    public static let all: [SecurityLevel] = [.sl0, .sl1, .sl2, .sl3, .sl4]

    private init(uncheckedRawValue: Int) { rawValue = uncheckedRawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "SL \(rawValue)" }

    /// The kind of attacker the level is meant to withstand, paraphrased from the standard's definitions.
    public var attackerProfile: String {
        switch rawValue {
        case 0: "no specific protection"
        case 1: "casual or coincidental violation"
        case 2: "intentional violation with simple means, low resources, generic skills, low motivation"
        case 3: "intentional violation with sophisticated means, moderate resources, IACS-specific skills, moderate motivation"
        default: "intentional violation with sophisticated means, extended resources, IACS-specific skills, high motivation"
        }
    }

    public init(from decoder: any Decoder) throws {
        let n = try decoder.singleValueContainer().decode(Int.self)
        guard let level = SecurityLevel(rawValue: n) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "security level \(n) is outside 0...4"))
        }
        self = level
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
