/// Which enforcement types are adequate for a conduit, by how far the security level targets of the zones it joins differ.
///
/// This is Zonal's documented engineering default (docs/rules.md), not a table from the standard; a model overrides it under `policy:`.
public struct EnforcementPolicy: Hashable, Sendable {
    /// For a difference of n levels (the largest per-FR difference of SL-T across the conduit), the enforcement types accepted.
    /// Differences beyond the last entry use the last entry.
    public var adequate: [Int: Set<Enforcement>]

    public init(adequate: [Int: Set<Enforcement>]) {
        self.adequate = adequate
    }

    public static let `default` = EnforcementPolicy(adequate: [
        0: [.firewall, .dpiFirewall, .dataDiode, .protocolBreak, .vpn, .jumpHost],
        1: [.firewall, .dpiFirewall, .dataDiode, .protocolBreak, .jumpHost],
        2: [.dpiFirewall, .dataDiode, .protocolBreak, .jumpHost],
        3: [.dataDiode, .protocolBreak],
    ])

    /// The enforcement types accepted for a given level difference.
    public func accepted(forDifference difference: Int) -> Set<Enforcement> {
        if let exact = adequate[difference] { return exact }
        let known = adequate.keys.filter { $0 <= difference }.max() ?? 0
        return adequate[known] ?? Set(Enforcement.allCases)
    }
}

extension Enforcement {
    /// How hard the boundary is for an attacker to cross, 0 (nothing) to 4 (physically one-way); used to rank attack paths.
    public var strength: Int {
        switch self {
        case .none: 0
        case .vpn: 1
        case .firewall: 1
        case .jumpHost: 2
        case .dpiFirewall: 2
        case .protocolBreak: 3
        case .dataDiode: 4
        }
    }
}
