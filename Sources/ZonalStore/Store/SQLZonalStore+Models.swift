extension SQLZonalStore {
    /// The largest model text accepted, so one save cannot exhaust the database or the analysis.
    public static let maximumModelBytes = 8 * 1024 * 1024

    public func saveModel(_ draft: ModelDraft, by actor: AuditActor) async throws -> ModelVersion {
        guard Self.isValidName(draft.modelName) else { throw StoreError.invalidInput("model name '\(draft.modelName)' must be 1-64 letters, digits, '.', '-' or '_'") }
        guard draft.content.utf8.count <= Self.maximumModelBytes else { throw StoreError.invalidInput("the model is larger than \(Self.maximumModelBytes) bytes") }
        let createdAt = timestamp
        let contentHash = ModelVersion.contentHash(of: draft.content)
        return try await change(by: actor) { session in
            guard try await session.queryOne("SELECT id FROM projects WHERE id = ?", [.integer(draft.projectID)]) != nil else { throw StoreError.notFound("project \(draft.projectID)") }
            let latest = try await session.queryOne("SELECT id, number FROM model_versions WHERE project_id = ? AND model_name = ? ORDER BY number DESC LIMIT 1", [.integer(draft.projectID), .text(draft.modelName)])
            let latestID = try latest?.int("id")
            // Optimistic concurrency: the save must start from the version that is current now.
            if latestID != draft.baseVersionID {
                guard let latestID else { throw StoreError.notFound("base version \(draft.baseVersionID ?? 0) of model '\(draft.modelName)'") }
                throw StoreError.staleBase(modelName: draft.modelName, baseVersionID: draft.baseVersionID, currentVersionID: latestID)
            }
            let number = (try latest?.int("number") ?? 0) + 1
            let rows = try await session.query("""
                INSERT INTO model_versions (project_id, model_name, number, author, created_at, comment, content_hash, content)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """, [.integer(draft.projectID), .text(draft.modelName), .integer(number), .text(actor.name), .text(createdAt), .text(draft.comment), .text(contentHash), .text(draft.content)])
            let version = ModelVersion(id: try rows[0].int("id"), projectID: draft.projectID, modelName: draft.modelName, number: number, author: actor.name,
                                       createdAt: createdAt, comment: draft.comment, contentHash: contentHash, content: draft.content)
            return (version, AuditEvent(action: "model.version.create", objectType: "model-version", objectID: String(version.id), objectHash: Self.stateHash(version.canonicalState),
                                        payload: ["project": String(draft.projectID), "model": draft.modelName, "number": String(number), "contentHash": contentHash]))
        }
    }

    public func modelVersion(id: Int64) async throws -> ModelVersion? {
        try await database.query("SELECT * FROM model_versions WHERE id = ?", [.integer(id)]).first.map(ModelVersion.init(row:))
    }

    public func modelVersions(projectID: Int64, modelName: String) async throws -> [ModelVersion] {
        try await database.query("SELECT * FROM model_versions WHERE project_id = ? AND model_name = ? ORDER BY number", [.integer(projectID), .text(modelName)]).map(ModelVersion.init(row:))
    }

    public func modelVersionListings(projectID: Int64, modelName: String) async throws -> [ModelVersionListing] {
        try await database.query(Self.listingsQuery, [.integer(projectID), .text(modelName)]).map(ModelVersionListing.init(row:))
    }

    static let listingsQuery = """
        SELECT id, project_id, model_name, number, author, created_at, comment, content_hash FROM model_versions WHERE project_id = ? AND model_name = ? ORDER BY number
        """

    public func snapshot(of version: ModelVersion) async throws -> VersionSnapshot {
        let model: [SQLValue] = [.integer(version.projectID), .text(version.modelName)]
        return try await database.read { session in
            guard let epochs = try await session.queryOne(Self.epochsQuery) else { throw StoreError.corrupt("access_epoch or audit_state is empty") }
            let history = try await session.query(Self.listingsQuery, model).map(ModelVersionListing.init(row:))
            let evidence = try await session.query(Self.evidenceQuery + " AND v.number <= ? ORDER BY e.id", model + [.integer(version.number)]).map(Evidence.init(row:))
            let approval = try await session.queryOne(Self.approvalQuery, [.integer(version.id)]).map(Approval.init(row:))
            return VersionSnapshot(changes: try epochs.int("changes"), history: history, evidence: evidence, approval: approval)
        }
    }

    public func latestModels(projectID: Int64) async throws -> [ModelVersion] {
        try await database.read {
            try await $0.query("""
                SELECT * FROM model_versions v WHERE project_id = ? AND number = (SELECT MAX(number) FROM model_versions w WHERE w.project_id = v.project_id AND w.model_name = v.model_name)
                ORDER BY model_name
                """, [.integer(projectID)])
        }.map(ModelVersion.init(row:))
    }
}

extension ModelVersion {
    init(row: SQLRow) throws {
        self.init(id: try row.int("id"), projectID: try row.int("project_id"), modelName: try row.text("model_name"), number: try row.int("number"), author: try row.text("author"),
                  createdAt: try row.text("created_at"), comment: try row.text("comment"), contentHash: try row.text("content_hash"), content: try row.text("content"))
    }
}

extension ModelVersionListing {
    init(row: SQLRow) throws {
        self.init(id: try row.int("id"), projectID: try row.int("project_id"), modelName: try row.text("model_name"), number: try row.int("number"), author: try row.text("author"),
                  createdAt: try row.text("created_at"), comment: try row.text("comment"), contentHash: try row.text("content_hash"))
    }
}
