import ZonalModel

/// The axes of the packet space. Ports are kept for every protocol: a port condition always comes with a protocol
/// condition (as in iptables and nftables), so for protocols without ports the port axes simply stay whole.
public enum Dimension: Int, CaseIterable, Sendable {
    /// 0 for IPv4, 1 for IPv6, so that address axes are read in the right family.
    case family
    case source
    case destination
    case proto
    case sourcePort
    case destinationPort
    /// Index into the ruleset's interface table (0 = any interface the ruleset never names).
    case inInterface
    case outInterface
    /// The connection-tracking state of the packet (`ConnectionState`).
    case state

    public static let count = 9

    /// The value of the family axis for an address family.
    public static func familyValue(_ family: IPAddress.Family) -> Int { family == .v4 ? 0 : 1 }
    public static func family(ofValue value: Int) -> IPAddress.Family { value == 0 ? .v4 : .v6 }

    /// Every value an axis can take; address axes depend on the family and are bounded per box.
    public static func domain(_ d: Dimension, family: IPAddress.Family = .v6, interfaces: Int = 1) -> Interval {
        switch d {
        case .family: Interval(0, 1)
        case .source, .destination: family == .v4 ? Interval(.zero, SpaceValue(low: 0xFFFF_FFFF)) : Interval(.zero, .max)
        case .proto: Interval(0, 255)
        case .sourcePort, .destinationPort: Interval(0, 65535)
        case .inInterface, .outInterface: Interval(0, interfaces - 1)
        case .state: Interval(0, ConnectionState.allCases.count - 1)
        }
    }
}

/// Connection-tracking states as seen by a firewall rule; the analysis of what a ruleset permits is about `new` packets,
/// and `established` packets are used to check that replies come back.
public enum ConnectionState: Int, CaseIterable, Sendable {
    case new, established, related, invalid, untracked

    public init?(name: String) {
        switch name.lowercased() {
        case "new": self = .new
        case "established": self = .established
        case "related": self = .related
        case "invalid": self = .invalid
        case "untracked": self = .untracked
        default: return nil
        }
    }
}
