/// How urgent a finding is, from `info` (worth knowing) to `critical` (fix before operation).
public enum Severity: String, CaseIterable, Comparable, Sendable, Codable, Hashable {
    case info, low, medium, high, critical

    private var rank: Int { Severity.allCases.firstIndex(of: self)! }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
