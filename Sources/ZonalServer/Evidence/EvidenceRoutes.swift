import Foundation
import HTTPTypes
import Hummingbird
import ZonalStore

/// Evidence files over the API and the pages: one upload path and one download path, so both enforce the same limits,
/// target checks and headers.
enum EvidenceRoutes {
    static let endpoints: [Endpoint] = [
        Endpoint(.get, "/api/v1/versions/:version/evidence", .api, policy: .readProject, project: .versionParameter) { input in
            JSONBody.response(try await list(input).snapshot.evidence)
        },

        Endpoint(.post, "/api/v1/versions/:version/evidence", .api, policy: .writeProject(.assessor), project: .versionParameter, files: true) { input in
            JSONBody.response(try await upload(input), status: .created)
        },

        Endpoint(.get, "/api/v1/evidence/:evidence", .api, policy: .readProject, project: .evidenceParameter) { input in
            guard let evidence = try await input.store.evidence(id: try input.parameter("evidence")) else { throw APIError.notFound }
            return JSONBody.response(evidence)
        },

        Endpoint(.get, "/api/v1/evidence/:evidence/content", .api, policy: .readProject, project: .evidenceParameter) { input in try await download(input) },

        Endpoint(.post, "/versions/:version/evidence", .page, policy: .writeProject(.assessor), project: .versionParameter, files: true) { input in
            let evidence = try await upload(input)
            return Page.redirect("/versions/\(evidence.versionID)#evidence")
        },
    ]

    /// Stores the form's `file` as evidence for a part of the version in the path.
    static func upload(_ input: EndpointInput) async throws -> Evidence {
        let version = try await APIRoutes.requireVersion(input)
        guard let file = input.files.first(where: { $0.field == "file" }) else {
            throw APIError.badRequest("attach the file as the form field 'file' of a multipart/form-data body (curl -F file=@report.pdf)")
        }
        let limit = input.server.configuration.maximumEvidenceBytes
        guard file.bytes.count <= limit else { throw APIError.evidenceTooLarge(limit: limit) }
        guard case let .assessed(assessment) = await input.server.analyses.outcome(of: version) else {
            throw APIError(status: .unprocessableContent, code: "invalid-model", message: "version \(version.number) is not a valid model: evidence attaches to the zones, conduits, requirements or findings of a valid one")
        }
        let target = try EvidenceTargets(assessment).resolve(try requestedTarget(input.form))
        let upload = EvidenceUpload(versionID: version.id, target: target, originalName: file.filename, mediaType: file.mediaType, comment: input.form["comment"] ?? "", content: file.bytes)
        return try await input.store.addEvidence(upload, by: input.context.actor)
    }

    /// The page's one `target` field (`zone|sis`, `finding|ZC-3.3-01|zone:sis`) or the API's `targetKind`, `targetID`
    /// and `targetSubject` fields.
    static func requestedTarget(_ form: [String: String]) throws(APIError) -> EvidenceTarget {
        var kind = form["targetKind"], id = form["targetID"], subject = form["targetSubject"] ?? ""
        if let combined = form["target"] {
            let parts = combined.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            kind = parts.first
            id = parts.count > 1 ? parts[1] : nil
            subject = parts.count > 2 ? parts[2] : ""
        }
        guard let kind, let parsed = EvidenceTarget.Kind(rawValue: kind), let id, !id.isEmpty else {
            throw APIError.badRequest("name what the evidence is for: targetKind (zone, conduit, requirement or finding) and targetID, plus targetSubject for a finding")
        }
        return EvidenceTarget(kind: parsed, id: id, subject: subject)
    }

    /// The evidence of the version's model up to and including this version (evidence stays with later versions' pages).
    /// Comes with the model's history (without model texts) and the version's approval, read in the same snapshot.
    static func list(_ input: EndpointInput) async throws -> (version: ModelVersion, snapshot: VersionSnapshot) {
        let version = try await APIRoutes.requireVersion(input)
        return (version, try await input.server.snapshots.snapshot(of: version, changes: input.context.changes, store: input.store))
    }

    /// The file as a download that no browser renders: `attachment`, `nosniff`, a sandboxing CSP, and active types
    /// (HTML, SVG, XML, scripts) sent as application/octet-stream. The download is audited before a byte is sent.
    static func download(_ input: EndpointInput) async throws -> Response {
        let (evidence, content) = try await input.store.downloadEvidence(id: try input.parameter("evidence"), by: input.context.actor)
        let headers: HTTPFields = [
            .contentType: inertTypes.contains(evidence.mediaType) ? evidence.mediaType : "application/octet-stream",
            .contentDisposition: contentDisposition(evidence.originalName),
            .xContentTypeOptions: "nosniff",
            .contentSecurityPolicy: "sandbox; default-src 'none'",
            // RFC 9530: the client can check the bytes against the SHA-256 the evidence list shows.
            HTTPField.Name("Repr-Digest")!: "sha-256=:\([UInt8](hexString: evidence.sha256).map { Data($0).base64EncodedString() } ?? ""):",
        ]
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: content)))
    }

    /// Types no browser executes or renders as a document.
    static let inertTypes: Set<String> = [
        "application/pdf", "image/png", "image/jpeg", "image/gif", "text/plain", "text/csv", "application/json", "application/zip", "application/gzip",
        "application/vnd.tcpdump.pcap", "application/octet-stream",
    ]

    /// RFC 6266: an ASCII fallback name and the exact name in RFC 8187 encoding.
    static func contentDisposition(_ name: String) -> String {
        let fallback = String(name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" && $0 != "%" ? Character($0) : "_" })
        let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&+-.^_`|~")
        let encoded = name.addingPercentEncoding(withAllowedCharacters: unreserved) ?? fallback
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }

    /// "32 MiB", "1.2 MiB", "340 KiB", "12 bytes".
    static func size(_ bytes: Int64) -> String {
        if bytes >= 1 << 20 { return bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : String(format: "%.1f MiB", Double(bytes) / Double(1 << 20)) }
        if bytes >= 1 << 10 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
