/// What surrounds one model version at one moment, read from one snapshot: its model's history (without texts), the
/// evidence attached to this version or an earlier one, the version's approval, and the store's change count then.
public struct VersionSnapshot: Sendable, Equatable {
    /// `StoreEpochs.changes` in the snapshot these were read from.
    public let changes: Int64
    /// Every version of the model, oldest first.
    public let history: [ModelVersionListing]
    /// Oldest first.
    public let evidence: [Evidence]
    public let approval: Approval?

    public init(changes: Int64, history: [ModelVersionListing], evidence: [Evidence], approval: Approval?) {
        self.changes = changes
        self.history = history
        self.evidence = evidence
        self.approval = approval
    }
}
