/// A user's access to one project; roles apply only inside projects the user is a member of.
public struct Membership: Sendable, Equatable, Codable {
    public let projectID: Int64
    public let userID: Int64
    public let addedAt: String
    public let addedBy: String

    public init(projectID: Int64, userID: Int64, addedAt: String, addedBy: String) {
        self.projectID = projectID
        self.userID = userID
        self.addedAt = addedAt
        self.addedBy = addedBy
    }

    var canonicalState: [String] { ["membership", String(projectID), String(userID), addedAt, addedBy] }
}
