/// Everything Zonal keeps: users, projects, memberships, immutable model versions, approvals, tokens and the audit log.
/// Every state-changing call appends its audit entry in the same transaction as the change (no entry, no change).
public protocol ZonalStore: Sendable {
    // Users
    func createUser(name: String, role: Role, passwordHash: String, by actor: AuditActor) async throws -> User
    func user(named name: String) async throws -> User?
    func user(id: Int64) async throws -> User?
    func users() async throws -> [User]
    /// Changes the role; a different role ends the user's sessions in the same transaction. The last enabled admin keeps theirs.
    func setRole(userID: Int64, role: Role, by actor: AuditActor) async throws -> User
    /// Replaces the password hash, clears a lockout, ends the user's sessions and revokes their API tokens in the same
    /// transaction.
    func setPassword(userID: Int64, passwordHash: String, by actor: AuditActor) async throws -> User
    /// Disables or re-enables an account. Disabling ends the user's sessions, and their tokens are refused while it lasts;
    /// the last enabled admin cannot be disabled; asking for the state the account is already in is refused.
    func setDisabled(userID: Int64, _ disabled: Bool, by actor: AuditActor) async throws -> User
    /// Records a sign-in attempt for `name` (which may not exist), updates the lockout counters and, on success, starts
    /// `session` (which must be this user's) in the same transaction; a failure that locks the account ends its sessions.
    /// A disabled account never succeeds: the attempt is recorded as failed with that reason, and no session starts.
    func recordSignIn(name: String, succeeded: Bool, policy: LockoutPolicy, starting session: StoredSession?, by actor: AuditActor) async throws -> User?

    // Projects and membership
    func createProject(name: String, by actor: AuditActor) async throws -> Project
    func projects() async throws -> [Project]
    func project(id: Int64) async throws -> Project?
    func addMember(projectID: Int64, userID: Int64, by actor: AuditActor) async throws -> Membership
    func members(projectID: Int64) async throws -> [Membership]
    func isMember(userID: Int64, projectID: Int64) async throws -> Bool

    // Model versions
    func saveModel(_ draft: ModelDraft, by actor: AuditActor) async throws -> ModelVersion
    func modelVersion(id: Int64) async throws -> ModelVersion?
    func modelVersions(projectID: Int64, modelName: String) async throws -> [ModelVersion]
    /// The same history without the model texts, for pages and checks that only list or number versions.
    func modelVersionListings(projectID: Int64, modelName: String) async throws -> [ModelVersionListing]
    /// The version's history, evidence and approval from one snapshot, with the change count it was read at.
    func snapshot(of version: ModelVersion) async throws -> VersionSnapshot
    /// The latest version of every model in the project.
    func latestModels(projectID: Int64) async throws -> [ModelVersion]

    // Approvals (ZCR 7)
    func submitForApproval(versionID: Int64, by actor: AuditActor) async throws -> Approval
    func decide(versionID: Int64, decision: ApprovalDecision, contentHash: String, comment: String, by actor: AuditActor) async throws -> Approval
    func approval(versionID: Int64) async throws -> Approval?

    // Bearer tokens
    func createToken(userID: Int64, name: String, scopes: [TokenScope], by actor: AuditActor) async throws -> IssuedToken
    /// The unrevoked token with this secret and its user (nil for a disabled user).
    func bearer(secret: String) async throws -> (token: APIToken, user: User)?
    func revokeToken(id: Int64, by actor: AuditActor) async throws -> APIToken
    /// A user's tokens, revoked ones included, newest first.
    func tokens(userID: Int64) async throws -> [APIToken]

    // Evidence
    /// Stores a file as evidence for part of a model version, audited in the same transaction.
    func addEvidence(_ upload: EvidenceUpload, by actor: AuditActor) async throws -> Evidence
    func evidence(id: Int64) async throws -> Evidence?
    /// The evidence attached to any version of a model, oldest first.
    func evidence(projectID: Int64, modelName: String) async throws -> [Evidence]
    /// A file's bytes, checked against its SHA-256; the download is audited in the same transaction as the read.
    func downloadEvidence(id: Int64, by actor: AuditActor) async throws -> (evidence: Evidence, content: [UInt8])

    // Browser sessions (kept across restarts; the sign-in itself is audited by `recordSignIn`)
    /// The unexpired session with this id hash and its user (nil for a disabled user).
    func session(idHash: String) async throws -> SignedIn<StoredSession>?
    /// Signs out: deletes the session and records `auth.logout` in one transaction.
    func endSession(idHash: String, by actor: AuditActor) async throws
    func deleteExpiredSessions() async throws
    /// A counter that grows in the same transaction as any change that can take access away (role, password, token,
    /// membership, session): what a cache of identities and memberships checks before trusting itself.
    func accessEpoch() async throws -> Int64
    /// The access epoch and the change count in one read.
    func epochs() async throws -> StoreEpochs

    // Audit log
    /// Appends an event without a business change (denied request, verification run, export) in its own transaction.
    func record(_ event: AuditEvent, by actor: AuditActor) async throws -> AuditEntry
    func auditEntries(after seq: Int64, limit: Int) async throws -> [AuditEntry]
    /// Everything verification needs, read in one snapshot.
    func auditSnapshot() async throws -> AuditSnapshot
}

extension ZonalStore {
    /// Records a sign-in attempt without starting a session.
    public func recordSignIn(name: String, succeeded: Bool, policy: LockoutPolicy, by actor: AuditActor) async throws -> User? {
        try await recordSignIn(name: name, succeeded: succeeded, policy: policy, starting: nil, by: actor)
    }
}

/// When repeated failed sign-ins lock an account, and for how long.
public struct LockoutPolicy: Sendable, Equatable {
    public let maximumFailures: Int
    public let lockSeconds: Int

    public init(maximumFailures: Int, lockSeconds: Int) {
        self.maximumFailures = maximumFailures
        self.lockSeconds = lockSeconds
    }

    /// Five failures lock the account for fifteen minutes.
    public static let standard = LockoutPolicy(maximumFailures: 5, lockSeconds: 900)
}
