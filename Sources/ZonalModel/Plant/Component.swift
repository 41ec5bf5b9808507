import IEC62443

/// The product an asset is built from (IEC 62443-4-2), with its capability security level vector SL-C.
public struct Component: Hashable, Sendable {
    public var vendor: String?
    public var product: String?
    public var version: String?
    public var type: ComponentType?
    /// SL-C, what the product can achieve when properly configured; nil when unknown.
    public var slCapability: SLVector?
    public var certification: Certification?

    public init(vendor: String? = nil, product: String? = nil, version: String? = nil, type: ComponentType? = nil,
                slCapability: SLVector? = nil, certification: Certification? = nil) {
        self.vendor = vendor
        self.product = product
        self.version = version
        self.type = type
        self.slCapability = slCapability
        self.certification = certification
    }
}

/// A certificate for a product or its maker (e.g. ISASecure CSA, IECEE CB scheme to 62443-4-2 or 4-1).
public struct Certification: Hashable, Sendable {
    public var scheme: String
    public var standard: String?
    public var level: Int?
    public var id: String?

    public init(scheme: String, standard: String? = nil, level: Int? = nil, id: String? = nil) {
        self.scheme = scheme
        self.standard = standard
        self.level = level
        self.id = id
    }
}
