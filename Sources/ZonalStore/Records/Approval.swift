/// The approval record of one model version (IEC 62443-3-2 ZCR 7): submitted by an assessor, decided by an approver.
/// It binds to the version's content hash, so an approval can never be carried over to different content.
public struct Approval: Sendable, Equatable, Codable {
    public let versionID: Int64
    public let contentHash: String
    public let submittedBy: String
    public let submittedAt: String
    public var state: ApprovalState
    public var decidedBy: String?
    public var decidedAt: String?
    public var comment: String?

    public init(versionID: Int64, contentHash: String, submittedBy: String, submittedAt: String, state: ApprovalState, decidedBy: String? = nil, decidedAt: String? = nil, comment: String? = nil) {
        self.versionID = versionID
        self.contentHash = contentHash
        self.submittedBy = submittedBy
        self.submittedAt = submittedAt
        self.state = state
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.comment = comment
    }

    var canonicalState: [String] {
        ["approval", String(versionID), contentHash, submittedBy, submittedAt, state.rawValue, decidedBy ?? "", decidedAt ?? "", comment ?? ""]
    }
}

/// Where a version stands in review. An approved version is locked.
public enum ApprovalState: String, Sendable, Codable, CaseIterable {
    case submitted, approved, rejected
}

/// An approver's decision.
public enum ApprovalDecision: String, Sendable, Codable {
    case approve, reject
}
