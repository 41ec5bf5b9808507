extension SQLZonalStore {
    public func submitForApproval(versionID: Int64, by actor: AuditActor) async throws -> Approval {
        let submittedAt = timestamp
        return try await change(by: actor) { session in
            guard let row = try await session.queryOne("SELECT * FROM model_versions WHERE id = ?", [.integer(versionID)]) else { throw StoreError.notFound("model version \(versionID)") }
            let version = try ModelVersion(row: row)
            if let existing = try await session.queryOne("SELECT state FROM approvals WHERE version_id = ?", [.integer(versionID)]) {
                throw StoreError.invalidState("version \(versionID) is already \(try existing.text("state")); a changed model is a new version, submit that one")
            }
            let approval = Approval(versionID: versionID, contentHash: version.contentHash, submittedBy: actor.name, submittedAt: submittedAt, state: .submitted)
            try await session.execute("INSERT INTO approvals (version_id, content_hash, submitted_by, submitted_at, state) VALUES (?, ?, ?, ?, ?)",
                                      [.integer(versionID), .text(version.contentHash), .text(actor.name), .text(submittedAt), .text(ApprovalState.submitted.rawValue)])
            return (approval, AuditEvent(action: "approval.submit", objectType: "model-version", objectID: String(versionID), objectHash: Self.stateHash(approval.canonicalState),
                                         payload: ["contentHash": version.contentHash]))
        }
    }

    public func decide(versionID: Int64, decision: ApprovalDecision, contentHash: String, comment: String, by actor: AuditActor) async throws -> Approval {
        let decidedAt = timestamp
        return try await change(by: actor) { session in
            guard let row = try await session.queryOne("SELECT * FROM approvals WHERE version_id = ?", [.integer(versionID)]) else {
                throw StoreError.invalidState("version \(versionID) has not been submitted for approval")
            }
            var approval = try Approval(row: row)
            guard approval.state == .submitted else { throw StoreError.invalidState("version \(versionID) was already \(approval.state.rawValue); an approved version is locked") }
            guard let versionRow = try await session.queryOne("SELECT * FROM model_versions WHERE id = ?", [.integer(versionID)]) else { throw StoreError.notFound("model version \(versionID)") }
            let version = try ModelVersion(row: versionRow)
            // The decision binds to the content the approver saw; a mismatch means they looked at something else.
            guard contentHash == approval.contentHash, contentHash == version.contentHash else {
                throw StoreError.invalidState("the decision names content hash \(contentHash) but version \(versionID) has \(version.contentHash); reload the version and decide again")
            }
            guard actor.name != version.author else { throw StoreError.fourEyes("\(actor.name) authored version \(versionID)") }
            guard actor.name != approval.submittedBy else { throw StoreError.fourEyes("\(actor.name) submitted version \(versionID)") }
            approval.state = decision == .approve ? .approved : .rejected
            approval.decidedBy = actor.name
            approval.decidedAt = decidedAt
            approval.comment = comment
            try await session.execute("UPDATE approvals SET state = ?, decided_by = ?, decided_at = ?, comment = ? WHERE version_id = ? AND state = ?",
                                      [.text(approval.state.rawValue), .text(actor.name), .text(decidedAt), .text(comment), .integer(versionID), .text(ApprovalState.submitted.rawValue)])
            let action = decision == .approve ? "approval.approve" : "approval.reject"
            return (approval, AuditEvent(action: action, objectType: "model-version", objectID: String(versionID), objectHash: Self.stateHash(approval.canonicalState),
                                         payload: ["contentHash": contentHash, "comment": comment]))
        }
    }

    public func approval(versionID: Int64) async throws -> Approval? {
        try await database.query(Self.approvalQuery, [.integer(versionID)]).first.map(Approval.init(row:))
    }

    static let approvalQuery = "SELECT * FROM approvals WHERE version_id = ?"
}

extension Approval {
    init(row: SQLRow) throws {
        guard let state = ApprovalState(rawValue: try row.text("state")) else { throw StoreError.corrupt("unknown approval state") }
        self.init(versionID: try row.int("version_id"), contentHash: try row.text("content_hash"), submittedBy: try row.text("submitted_by"), submittedAt: try row.text("submitted_at"),
                  state: state, decidedBy: try row.optionalText("decided_by"), decidedAt: try row.optionalText("decided_at"), comment: try row.optionalText("comment"))
    }
}
