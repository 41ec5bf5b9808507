import Foundation

extension SQLZonalStore {
    /// The store's own ceiling on one evidence file, whatever the server is configured to accept (which is lower).
    public static let maximumEvidenceBytes = 256 * 1024 * 1024

    public func addEvidence(_ upload: EvidenceUpload, by actor: AuditActor) async throws -> Evidence {
        try Self.validate(upload)
        let uploadedAt = timestamp
        let sha256 = Evidence.sha256(of: upload.content)
        let size = Int64(upload.content.count)
        return try await change(by: actor) { session in
            guard let versionRow = try await session.queryOne("SELECT project_id FROM model_versions WHERE id = ?", [.integer(upload.versionID)]) else {
                throw StoreError.notFound("model version \(upload.versionID)")
            }
            let projectID = try versionRow.int("project_id")
            // Content-addressed: a file already kept under this hash has these very bytes, so it is not stored twice.
            try await session.execute("INSERT INTO evidence_contents (sha256, size, content) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
                                      [.text(sha256), .integer(size), .blob(upload.content)])
            let rows = try await session.query("""
                INSERT INTO evidence (project_id, version_id, target_kind, target_id, target_subject, sha256, size, media_type, original_name, uploaded_by, uploaded_at, comment)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """, [.integer(projectID), .integer(upload.versionID), .text(upload.target.kind.rawValue), .text(upload.target.id), .text(upload.target.subject),
                      .text(sha256), .integer(size), .text(upload.mediaType), .text(upload.originalName), .text(actor.name), .text(uploadedAt), .text(upload.comment)])
            let evidence = Evidence(id: try rows[0].int("id"), projectID: projectID, versionID: upload.versionID, target: upload.target, sha256: sha256, size: size,
                                    mediaType: upload.mediaType, originalName: upload.originalName, uploadedBy: actor.name, uploadedAt: uploadedAt, comment: upload.comment)
            return (evidence, AuditEvent(action: "evidence.upload", objectType: "evidence", objectID: String(evidence.id), objectHash: Self.stateHash(evidence.canonicalState),
                                         payload: ["version": String(upload.versionID), "target": upload.target.description, "name": upload.originalName,
                                                   "sha256": sha256, "size": String(size), "mediaType": upload.mediaType]))
        }
    }

    public func evidence(id: Int64) async throws -> Evidence? {
        try await database.read { try await $0.queryOne("SELECT * FROM evidence WHERE id = ?", [.integer(id)]) }.map(Evidence.init(row:))
    }

    public func evidence(projectID: Int64, modelName: String) async throws -> [Evidence] {
        try await database.query(Self.evidenceQuery + " ORDER BY e.id", [.integer(projectID), .text(modelName)]).map(Evidence.init(row:))
    }

    /// A model's evidence; callers add conditions and the order.
    static let evidenceQuery = "SELECT e.* FROM evidence e JOIN model_versions v ON v.id = e.version_id WHERE v.project_id = ? AND v.model_name = ?"

    public func downloadEvidence(id: Int64, by actor: AuditActor) async throws -> (evidence: Evidence, content: [UInt8]) {
        let download = try await change(by: actor) { session -> (EvidenceDownload, AuditEvent) in
            guard let row = try await session.queryOne("SELECT * FROM evidence WHERE id = ?", [.integer(id)]) else { throw StoreError.notFound("evidence \(id)") }
            let evidence = try Evidence(row: row)
            guard let contentRow = try await session.queryOne("SELECT content FROM evidence_contents WHERE sha256 = ?", [.text(evidence.sha256)]) else {
                throw StoreError.corrupt("the content of evidence \(id) (SHA-256 \(evidence.sha256)) is missing")
            }
            let content = try contentRow.blob("content")
            // Served only if the bytes are still the ones uploaded: a changed file is reported, never handed out as evidence.
            guard Evidence.sha256(of: content) == evidence.sha256 else { throw StoreError.corrupt("the content of evidence \(id) no longer matches its SHA-256 \(evidence.sha256)") }
            return (EvidenceDownload(evidence: evidence, content: content),
                    AuditEvent(action: "evidence.download", objectType: "evidence", objectID: String(id), objectHash: Self.stateHash(evidence.canonicalState),
                               payload: ["sha256": evidence.sha256, "name": evidence.originalName]))
        }
        return (download.evidence, download.content)
    }

    /// Refuses uploads no page or client should send, with the field that is wrong.
    static func validate(_ upload: EvidenceUpload) throws(StoreError) {
        func plain(_ text: String) -> Bool { !text.unicodeScalars.contains { $0.properties.generalCategory == .control } }
        guard !upload.content.isEmpty else { throw .invalidInput("the evidence file is empty: choose a file") }
        guard upload.content.count <= maximumEvidenceBytes else { throw .invalidInput("the evidence file is larger than \(maximumEvidenceBytes) bytes") }
        let name = upload.originalName
        guard !name.isEmpty, name.utf8.count <= 255, plain(name), !name.contains("/"), !name.contains("\\") else {
            throw .invalidInput("the evidence file name '\(name)' must be 1-255 bytes without '/', '\\' or control characters")
        }
        guard Evidence.isMediaType(upload.mediaType) else { throw .invalidInput("'\(upload.mediaType)' is not a media type such as application/pdf") }
        let target = upload.target
        guard !target.id.isEmpty, target.id.utf8.count <= 200, plain(target.id), target.subject.utf8.count <= 200, plain(target.subject) else {
            throw .invalidInput("name the \(target.kind.rawValue) the evidence is for (1-200 characters)")
        }
        guard target.kind != .finding || !target.subject.isEmpty else { throw .invalidInput("a finding is named by its rule id and its subject (zone:sis)") }
        guard upload.comment.utf8.count <= 2000 else { throw .invalidInput("the comment is longer than 2000 bytes") }
    }

}

/// A piece of evidence and its bytes, read in the transaction that records the download.
private struct EvidenceDownload: Sendable {
    let evidence: Evidence
    let content: [UInt8]
}

extension Evidence {
    init(row: SQLRow) throws {
        guard let kind = EvidenceTarget.Kind(rawValue: try row.text("target_kind")) else { throw StoreError.corrupt("unknown evidence target kind") }
        self.init(id: try row.int("id"), projectID: try row.int("project_id"), versionID: try row.int("version_id"),
                  target: EvidenceTarget(kind: kind, id: try row.text("target_id"), subject: try row.text("target_subject")), sha256: try row.text("sha256"),
                  size: try row.int("size"), mediaType: try row.text("media_type"), originalName: try row.text("original_name"), uploadedBy: try row.text("uploaded_by"),
                  uploadedAt: try row.text("uploaded_at"), comment: try row.text("comment"))
    }
}
