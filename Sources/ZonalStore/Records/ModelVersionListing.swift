/// A model version as a history lists it: everything but the model text, so listing a long history copies no content.
public struct ModelVersionListing: Sendable, Equatable, Codable {
    public let id: Int64
    public let projectID: Int64
    public let modelName: String
    public let number: Int64
    public let author: String
    public let createdAt: String
    public let comment: String
    public let contentHash: String

    public init(id: Int64, projectID: Int64, modelName: String, number: Int64, author: String, createdAt: String, comment: String, contentHash: String) {
        self.id = id
        self.projectID = projectID
        self.modelName = modelName
        self.number = number
        self.author = author
        self.createdAt = createdAt
        self.comment = comment
        self.contentHash = contentHash
    }
}
