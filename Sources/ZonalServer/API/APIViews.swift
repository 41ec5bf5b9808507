import Foundation
import ZonalStore

/// What the API shows of a user: never the password hash.
struct UserView: Encodable {
    let id: Int64
    let name: String
    let role: String
    let locked: Bool
    let disabled: Bool
    let disabledAt: String?

    init(_ user: User) {
        id = user.id
        name = user.name
        role = user.role.rawValue
        locked = user.lockedUntil != nil && user.isLocked(at: .now)
        disabled = user.isDisabled
        disabledAt = user.disabledAt
    }
}

/// What the API shows of a token: never the secret or its hash.
struct TokenView: Encodable {
    let id: Int64
    let name: String
    let scopes: [String]
    let createdAt: String
    let revokedAt: String?
    let secret: String?

    init(_ token: APIToken, secret: String? = nil) {
        id = token.id
        name = token.name
        scopes = token.scopes.map(\.rawValue)
        createdAt = token.createdAt
        revokedAt = token.revokedAt
        self.secret = secret
    }
}

/// A model version with its approval state, without the content (fetched separately).
struct VersionView: Encodable {
    let id: Int64
    let projectID: Int64
    let modelName: String
    let number: Int64
    let author: String
    let createdAt: String
    let comment: String
    let contentHash: String
    let approval: Approval?

    init(_ version: ModelVersion, approval: Approval?) {
        id = version.id
        projectID = version.projectID
        modelName = version.modelName
        number = version.number
        author = version.author
        createdAt = version.createdAt
        comment = version.comment
        contentHash = version.contentHash
        self.approval = approval
    }
}
