/// A device or application of the plant placed in exactly one zone.
public struct Asset: Hashable, Sendable {
    public var id: String
    public var name: String?
    /// The zone the model places it in; nil when the model leaves it out (a finding of its own).
    public var zone: String?
    public var role: String
    public var addresses: [IPAddress]
    public var mac: MACAddress?
    /// Part of a safety function (SIS logic solver, safety I/O, safety engineering station).
    public var safety: Bool
    public var wireless: Bool
    /// Temporarily connected (maintenance laptop, USB-connected device).
    public var transient: Bool
    /// Reached through a network outside the system under consideration (carrier, vendor, internet).
    public var external: Bool
    public var component: Component?
    public var location: SourceLocation

    public init(id: String, name: String? = nil, zone: String?, role: String, addresses: [IPAddress] = [], mac: MACAddress? = nil,
                safety: Bool = false, wireless: Bool = false, transient: Bool = false, external: Bool = false,
                component: Component? = nil, location: SourceLocation) {
        self.id = id
        self.name = name
        self.zone = zone
        self.role = role
        self.addresses = addresses
        self.mac = mac
        self.safety = safety
        self.wireless = wireless
        self.transient = transient
        self.external = external
        self.component = component
        self.location = location
    }

    public var roleCategory: AssetRoleCategory { AssetRoleCategory(role: role) }
}
