/// The LINKTYPE_ values Zonal decodes (tcpdump.org's link-layer header type registry).
public enum LinkType {
    public static let null: UInt32 = 0
    public static let ethernet: UInt32 = 1
    public static let raw: UInt32 = 101
    public static let linuxSLL: UInt32 = 113
    public static let ipv4: UInt32 = 228
    public static let ipv6: UInt32 = 229
    public static let linuxSLL2: UInt32 = 276
    /// DLT_RAW as some platforms number it in older files.
    public static let rawAlternatives: Set<UInt32> = [12, 14]
}
