/// The vocabulary of asset roles Zonal knows, each with the side of the plant it belongs to; other role names are allowed and treated as unclassified.
public enum AssetRoleCategory: String, Sendable, Hashable {
    /// Business IT: office systems, ERP, e-mail, corporate directory.
    case business
    /// Industrial automation and control: controllers, HMIs, engineering stations, historians.
    case iacs
    /// Safety instrumented system parts.
    case safety
    /// Network and security infrastructure (switches, firewalls, diodes).
    case infrastructure
    /// A role name Zonal does not know.
    case unclassified

    /// Known role names and their category.
    public static let knownRoles: [String: AssetRoleCategory] = [
        "erp": .business, "email-server": .business, "office-workstation": .business, "file-server": .business,
        "corporate-domain-controller": .business, "web-server": .business, "print-server": .business, "laptop": .business,
        "plc": .iacs, "dcs-controller": .iacs, "rtu": .iacs, "ied": .iacs, "hmi": .iacs, "scada-server": .iacs,
        "engineering-workstation": .iacs, "historian": .iacs, "opc-server": .iacs, "data-collector": .iacs,
        "alarm-server": .iacs, "batch-server": .iacs, "protection-relay": .iacs, "gateway": .iacs,
        "drive": .iacs, "sensor": .iacs, "actuator": .iacs, "io-module": .iacs, "ot-domain-controller": .iacs,
        "patch-server": .iacs, "antivirus-server": .iacs, "time-server": .iacs, "jump-host": .iacs,
        "remote-access-gateway": .iacs, "maintenance-laptop": .iacs, "wireless-transmitter": .iacs,
        "safety-controller": .safety, "sis-logic-solver": .safety, "safety-engineering-workstation": .safety,
        "safety-io": .safety,
        "switch": .infrastructure, "router": .infrastructure, "firewall": .infrastructure, "data-diode": .infrastructure,
        "wireless-access-point": .infrastructure, "vpn-gateway": .infrastructure,
    ]

    /// The category of a role name (case-insensitive).
    public init(role: String) {
        self = AssetRoleCategory.knownRoles[role.lowercased()] ?? .unclassified
    }
}
