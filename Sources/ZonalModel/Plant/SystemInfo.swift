/// The system under consideration (IEC 62443-3-2 ZCR 1): its name, owner and description.
public struct SystemInfo: Hashable, Sendable {
    public var name: String
    public var owner: String?
    public var description: String?

    public init(name: String, owner: String? = nil, description: String? = nil) {
        self.name = name
        self.owner = owner
        self.description = description
    }
}
