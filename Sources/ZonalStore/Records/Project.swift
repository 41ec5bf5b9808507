/// A plant or site: the unit of membership, holding models.
public struct Project: Sendable, Equatable, Codable {
    public let id: Int64
    public let name: String
    public let createdAt: String
    public let createdBy: String

    public init(id: Int64, name: String, createdAt: String, createdBy: String) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
        self.createdBy = createdBy
    }

    var canonicalState: [String] { ["project", String(id), name, createdAt, createdBy] }
}
