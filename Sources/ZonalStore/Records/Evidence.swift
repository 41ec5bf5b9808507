import Crypto

/// A file kept as evidence for one part of a model version (a zone, a conduit, a requirement or a finding). Immutable
/// once uploaded; its bytes are stored once per SHA-256, so the same file attached twice is kept once.
public struct Evidence: Sendable, Equatable, Codable {
    public let id: Int64
    public let projectID: Int64
    public let versionID: Int64
    public let target: EvidenceTarget
    /// SHA-256 (hex) of the file's bytes.
    public let sha256: String
    public let size: Int64
    /// The media type the uploader's client declared (`application/pdf`); never trusted for rendering.
    public let mediaType: String
    /// The file name as uploaded, without any directory part.
    public let originalName: String
    public let uploadedBy: String
    public let uploadedAt: String
    public let comment: String

    public init(id: Int64, projectID: Int64, versionID: Int64, target: EvidenceTarget, sha256: String, size: Int64, mediaType: String, originalName: String,
                uploadedBy: String, uploadedAt: String, comment: String) {
        self.id = id
        self.projectID = projectID
        self.versionID = versionID
        self.target = target
        self.sha256 = sha256
        self.size = size
        self.mediaType = mediaType
        self.originalName = originalName
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
        self.comment = comment
    }

    /// SHA-256 (hex) of a file's bytes.
    public static func sha256(of bytes: [UInt8]) -> String {
        Array(SHA256.hash(data: bytes)).hexString
    }

    /// `type/subtype` in RFC 6838's restricted-name characters, lower case, without parameters.
    public static func isMediaType(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789!#$&-^_.+")
        return parts.count == 2 && text.count <= 127 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(allowed.contains) }
    }

    var canonicalState: [String] {
        ["evidence", String(id), String(projectID), String(versionID), target.kind.rawValue, target.id, target.subject, sha256, String(size), mediaType, originalName,
         uploadedBy, uploadedAt, comment]
    }
}

/// What a piece of evidence is about: a zone or conduit by id, a requirement by its SR/CR id (`SR 1.1 RE 2`), or a
/// finding by its rule id and subject (`ZC-3.3-01` on `zone:sis`).
public struct EvidenceTarget: Sendable, Hashable, Codable {
    /// The kinds of model element evidence can be attached to.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case zone, conduit, requirement, finding
    }

    public let kind: Kind
    public let id: String
    /// The finding's subject (`zone:sis`); empty for the other kinds.
    public let subject: String

    public init(kind: Kind, id: String, subject: String = "") {
        self.kind = kind
        self.id = id
        self.subject = kind == .finding ? subject : ""
    }

    /// `zone sis`, `requirement SR 1.1`, `finding ZC-3.3-01 on zone:sis`.
    public var description: String {
        kind == .finding ? "finding \(id) on \(subject)" : "\(kind.rawValue) \(id)"
    }
}

/// What an uploader asks to store.
public struct EvidenceUpload: Sendable {
    public let versionID: Int64
    public let target: EvidenceTarget
    public let originalName: String
    public let mediaType: String
    public let comment: String
    public let content: [UInt8]

    public init(versionID: Int64, target: EvidenceTarget, originalName: String, mediaType: String, comment: String, content: [UInt8]) {
        self.versionID = versionID
        self.target = target
        self.originalName = originalName
        self.mediaType = mediaType
        self.comment = comment
        self.content = content
    }
}
