import Crypto

/// One immutable save of a model: never updated, a new save is a new version.
public struct ModelVersion: Sendable, Equatable, Codable {
    public let id: Int64
    public let projectID: Int64
    /// The model's name inside the project; versions of one name form its history.
    public let modelName: String
    /// 1, 2, 3… per model.
    public let number: Int64
    public let author: String
    public let createdAt: String
    public let comment: String
    /// SHA-256 (hex) of `content`'s bytes; approvals bind to it.
    public let contentHash: String
    public let content: String

    public init(id: Int64, projectID: Int64, modelName: String, number: Int64, author: String, createdAt: String, comment: String, contentHash: String, content: String) {
        self.id = id
        self.projectID = projectID
        self.modelName = modelName
        self.number = number
        self.author = author
        self.createdAt = createdAt
        self.comment = comment
        self.contentHash = contentHash
        self.content = content
    }

    /// SHA-256 of the model text's UTF-8 bytes, hex.
    public static func contentHash(of content: String) -> String {
        Array(SHA256.hash(data: Array(content.utf8))).hexString
    }

    var canonicalState: [String] { ["model-version", String(id), String(projectID), modelName, String(number), author, createdAt, comment, contentHash] }
}

/// What a caller asks to save: `baseVersionID` names the version the edit started from (nil for a new model), so a
/// save based on a stale version is refused instead of silently overwriting someone else's work.
public struct ModelDraft: Sendable, Equatable {
    public let projectID: Int64
    public let modelName: String
    public let content: String
    public let comment: String
    public let baseVersionID: Int64?

    public init(projectID: Int64, modelName: String, content: String, comment: String, baseVersionID: Int64?) {
        self.projectID = projectID
        self.modelName = modelName
        self.content = content
        self.comment = comment
        self.baseVersionID = baseVersionID
    }
}
