import ZonalModel

/// Which IEC 62443-3-3 requirements a conduit's enforcement type meets at the boundary it guards.
///
/// This is Zonal's engineering judgement, documented in docs/rules.md, not a table of the standard: a firewall segments
/// and filters (SR 5.1, SR 5.2 with deny-by-default), a data diode also isolates physically and fails closed, a VPN
/// protects integrity and confidentiality in transit, a jump host mediates and can end remote sessions.
public enum EnforcementCapabilities {
    public static func requirements(metBy enforcement: Enforcement) -> Set<String> {
        table[enforcement] ?? []
    }

    /// Built once: the analysis asks this for every requirement of every zone.
    private static let table: [Enforcement: Set<String>] = Dictionary(uniqueKeysWithValues: Enforcement.allCases.map { ($0, compute($0)) })

    private static func compute(_ enforcement: Enforcement) -> Set<String> {
        switch enforcement {
        case .none:
            []
        case .firewall:
            // Between physically separate networks, denying by default, and able to block messaging protocols.
            ["SR 5.1", "SR 5.1 RE 1", "SR 5.2", "SR 5.2 RE 1", "SR 5.3"]
        case .dpiFirewall:
            ["SR 5.1", "SR 5.1 RE 1", "SR 5.2", "SR 5.2 RE 1", "SR 5.3", "SR 5.3 RE 1", "SR 7.1 RE 1"]
        case .dataDiode:
            // Nothing can enter against the direction: no remote access, no sessions, no flooding of the protected side.
            ["SR 1.13", "SR 1.13 RE 1", "SR 2.6", "SR 5.1", "SR 5.1 RE 1", "SR 5.1 RE 2", "SR 5.1 RE 3", "SR 5.2", "SR 5.2 RE 1",
             "SR 5.2 RE 2", "SR 5.2 RE 3", "SR 5.3", "SR 5.3 RE 1", "SR 7.1", "SR 7.1 RE 2"]
        case .protocolBreak:
            ["SR 5.1", "SR 5.1 RE 1", "SR 5.1 RE 2", "SR 5.2", "SR 5.2 RE 1", "SR 5.2 RE 3", "SR 5.3", "SR 5.3 RE 1"]
        case .vpn:
            ["SR 1.13", "SR 3.1", "SR 3.1 RE 1", "SR 4.1", "SR 4.1 RE 1", "SR 4.3"]
        case .jumpHost:
            // A jump host is dual-homed between physically separate networks and brokers every session.
            ["SR 1.13", "SR 1.13 RE 1", "SR 2.6", "SR 5.1", "SR 5.1 RE 1", "SR 5.2", "SR 5.2 RE 1", "SR 5.3"]
        }
    }

    /// The enforcement types that meet a requirement, strongest last, for remediation hints.
    public static func enforcements(meeting id: String) -> [Enforcement] {
        Enforcement.allCases.filter { requirements(metBy: $0).contains(id) }.sorted { $0.strength < $1.strength }
    }
}

/// The IEC 62443-3-3 requirements that concern a conduit (the communication across a boundary) rather than the devices of a zone.
public enum ConduitScope {
    /// Base SR ids; their enhancements belong to the scope too.
    public static let baseRequirements: Set<String> = ["SR 1.13", "SR 2.6", "SR 3.1", "SR 4.1", "SR 4.3", "SR 5.1", "SR 5.2", "SR 5.3", "SR 7.1"]
    /// Requirements about access from untrusted networks and remote sessions: they concern only conduits that reach
    /// an enterprise, external or DMZ zone, from where remote access comes.
    public static let remoteAccessRequirements: Set<String> = ["SR 1.13", "SR 2.6"]

    /// The requirements whose enforcement at a zone's boundary (rather than in its devices) decides them.
    public static func contains(_ requirement: IEC62443.Requirement) -> Bool {
        baseRequirements.contains(requirement.parent ?? requirement.id)
    }

    /// True when the requirement applies to a conduit joining zones of these kinds.
    public static func applies(_ requirement: IEC62443.Requirement, toConduitBetween kinds: [ZoneKind]) -> Bool {
        guard contains(requirement) else { return false }
        if remoteAccessRequirements.contains(requirement.parent ?? requirement.id) {
            return kinds.contains { $0.isBusiness || $0 == .dmz }
        }
        return true
    }
}

import IEC62443
