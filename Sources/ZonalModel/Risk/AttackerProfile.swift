import IEC62443

/// The kind of attacker a threat scenario assumes, in the terms of the security level definitions of IEC 62443-3-3 (SL 1 to SL 4).
public enum AttackerProfile: String, CaseIterable, Hashable, Sendable {
    case casual = "casual"
    case simpleMeans = "simple-means"
    case sophisticatedModerate = "sophisticated-moderate"
    case sophisticatedExtended = "sophisticated-extended"

    /// The security level meant to withstand this attacker.
    public var securityLevel: SecurityLevel {
        switch self {
        case .casual: .sl1
        case .simpleMeans: .sl2
        case .sophisticatedModerate: .sl3
        case .sophisticatedExtended: .sl4
        }
    }
}
