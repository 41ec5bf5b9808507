import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import ZonalServer
@testable import ZonalStore

/// A server over a fresh SQLite store with one user per role (all members of one project), a bearer token each, a
/// project and a model version. Requests go through the router in-process: no sockets at all.
struct ServerFixture {
    let server: ZonalServer
    let store: SQLZonalStore
    let project: Project
    let version: ModelVersion
    /// A file the assessor attached to zone `ctl` of `version`.
    let evidence: Evidence
    var users: [Role: User] = [:]
    var tokens: [Role: String] = [:]
    /// An engineer who is not a member of the project.
    let outsiderToken: String
    /// A viewer with no token and no membership, for admin routes that change an account (disable, reset a password)
    /// without locking a test's own callers out.
    let bystander: User

    static let plant = """
    zonal: 1
    system: { name: Small plant }
    zones:
      - { id: corp, kind: enterprise, sl-target: 1, networks: [10.1.0.0/16] }
      - { id: ctl, kind: control, sl-target: 2, networks: [10.2.0.0/16] }
    assets:
      - { id: hmi, zone: ctl, role: hmi, ip: 10.2.0.5 }
      - { id: erp, zone: corp, role: server, ip: 10.1.0.9 }
    flows:
      - { id: reports, from: hmi, to: erp, protocol: https, port: 443 }
    """

    static func make(throttle: LoginThrottle = LoginThrottle(), evidenceLimit: Int? = nil) async throws -> ServerFixture {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zonal-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = SQLZonalStore(database: try SQLiteDatabase(path: directory.appendingPathComponent("zonal.sqlite").path), signingKey: AuditSigningKey(privateKey: .init()))
        let root = AuditActor.hostOperator("root")
        let hasher = PasswordHasher.testing
        let project = try await store.createProject(name: "Crude Unit 1", by: root)
        var users: [Role: User] = [:]
        var tokens: [Role: String] = [:]
        for role in Role.allCases {
            let user = try await store.createUser(name: role.rawValue + "-user", role: role, passwordHash: try hasher.hash("password-\(role.rawValue)"), by: root)
            users[role] = user
            if role != .admin { _ = try await store.addMember(projectID: project.id, userID: user.id, by: root) }
            tokens[role] = try await store.createToken(userID: user.id, name: "test", scopes: [.read, .write], by: root).secret
        }
        let outsider = try await store.createUser(name: "outsider", role: .engineer, passwordHash: try hasher.hash("password-outsider"), by: root)
        let outsiderToken = try await store.createToken(userID: outsider.id, name: "test", scopes: [.read, .write], by: root).secret
        let bystander = try await store.createUser(name: "bystander", role: .viewer, passwordHash: try hasher.hash("password-bystander"), by: root)
        let version = try await store.saveModel(ModelDraft(projectID: project.id, modelName: "plant", content: plant, comment: "first", baseVersionID: nil),
                                                by: AuditActor(user: users[.engineer]!, authContext: "test", sourceAddress: "test"))
        let evidence = try await store.addEvidence(EvidenceUpload(versionID: version.id, target: EvidenceTarget(kind: .zone, id: "ctl"), originalName: "ctl-hardening.txt",
                                                                  mediaType: "text/plain", comment: "hardening checklist", content: Array("checked\n".utf8)),
                                                   by: AuditActor(user: users[.assessor]!, authContext: "test", sourceAddress: "test"))
        var configuration = ZonalServer.Configuration(secureCookies: true, lockout: LockoutPolicy(maximumFailures: 3, lockSeconds: 600), passwordHasher: .testing)
        if let evidenceLimit { configuration.maximumEvidenceBytes = evidenceLimit }
        let server = ZonalServer(store: store, configuration: configuration, throttle: throttle)
        return ServerFixture(server: server, store: store, project: project, version: version, evidence: evidence, users: users, tokens: tokens, outsiderToken: outsiderToken, bystander: bystander)
    }

    /// Runs `body` with a client of the in-process router.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await Application(router: server.router()).test(.router) { client in try await body(client) }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The error code of a JSON error body.
    var errorCode: String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return nil }
        return (object["error"] as? [String: Any])?["code"] as? String
    }
}

/// Request helpers.
extension TestClientProtocol {
    func call(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: String? = nil, headers: HTTPFields = [:]) async throws -> TestResponse {
        var fields = headers
        if let token { fields[.authorization] = "Bearer \(token)" }
        if json != nil, fields[.contentType] == nil { fields[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: fields, body: json.map { ByteBuffer(string: $0) })
    }
}

/// multipart/form-data bodies as browsers and `curl -F` send them.
enum MultipartBody {
    static let boundary = "----zonal-test-boundary-7MA4YWxkTrZu0gW"
    static let contentType = "multipart/form-data; boundary=\(boundary)"

    static func make(fields: [(String, String)], file: (name: String, type: String, bytes: [UInt8])?) -> ByteBuffer {
        var bytes: [UInt8] = []
        for (name, value) in fields {
            bytes += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            bytes += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: \(file.type)\r\n\r\n".utf8)
            bytes += file.bytes
            bytes += Array("\r\n".utf8)
        }
        bytes += Array("--\(boundary)--\r\n".utf8)
        return ByteBuffer(bytes: bytes)
    }
}
