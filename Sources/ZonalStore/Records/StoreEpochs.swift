/// Two counters read together, in one statement, at the start of a request: what server caches check before trusting
/// themselves.
public struct StoreEpochs: Sendable, Equatable {
    /// Grows with any change that can take access away (role, password, token, membership, session).
    public let access: Int64
    /// Grows with every committed change of any kind: it is the audit log's size, and every change appends its audit
    /// entry in its own transaction (no entry, no change).
    public let changes: Int64

    public init(access: Int64, changes: Int64) {
        self.access = access
        self.changes = changes
    }
}
