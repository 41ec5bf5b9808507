import Foundation
import Hummingbird
import ZonalAnalysis
import ZonalModel
import ZonalReports
import ZonalStore

/// The JSON API under /api/v1; `OpenAPIDocument` describes exactly these routes (a test holds them in step).
enum APIRoutes {
    static let all: [Endpoint] = [
        Endpoint(.get, "/api/v1/openapi.json", .api, policy: .anyone) { _ in JSONBody.raw(OpenAPIDocument.json) },

        Endpoint(.get, "/api/v1/me", .api, policy: .authenticated) { input in JSONBody.response(UserView(input.identity.user)) },

        Endpoint(.post, "/api/v1/tokens", .api, policy: .allOf([.authenticated, .scope(.write)])) { input in
            struct Body: Decodable { let name: String; let scopes: [TokenScope] }
            let body = try input.json(Body.self)
            let issued = try await input.store.createToken(userID: input.identity.user.id, name: body.name, scopes: body.scopes, by: input.context.actor)
            return JSONBody.response(TokenView(issued.token, secret: issued.secret), status: .created)
        },

        Endpoint(.get, "/api/v1/projects", .api, policy: .allOf([.roles([.viewer, .engineer, .assessor, .approver, .auditor]), .scope(.read)])) { input in
            JSONBody.response(try await visibleProjects(input))
        },

        Endpoint(.post, "/api/v1/projects", .api, policy: .administer) { input in
            struct Body: Decodable { let name: String }
            return JSONBody.response(try await input.store.createProject(name: try input.json(Body.self).name, by: input.context.actor), status: .created)
        },

        Endpoint(.post, "/api/v1/projects/:project/members", .api, policy: .administer) { input in
            struct Body: Decodable { let userID: Int64 }
            let membership = try await input.store.addMember(projectID: try input.parameter("project"), userID: try input.json(Body.self).userID, by: input.context.actor)
            return JSONBody.response(membership, status: .created)
        },

        Endpoint(.get, "/api/v1/projects/:project/models", .api, policy: .readProject, project: .projectParameter) { input in
            let latest = try await input.store.latestModels(projectID: try input.parameter("project"))
            var views: [VersionView] = []
            for version in latest { views.append(VersionView(version, approval: try await input.store.approval(versionID: version.id))) }
            return JSONBody.response(views)
        },

        Endpoint(.get, "/api/v1/projects/:project/models/:model/versions", .api, policy: .readProject, project: .projectParameter) { input in
            let versions = try await input.store.modelVersions(projectID: try input.parameter("project"), modelName: try input.text("model"))
            var views: [VersionView] = []
            for version in versions { views.append(VersionView(version, approval: try await input.store.approval(versionID: version.id))) }
            return JSONBody.response(views)
        },

        Endpoint(.post, "/api/v1/projects/:project/models/:model/versions", .api, policy: .writeProject(.engineer), project: .projectParameter) { input in
            struct Body: Decodable { let content: String; let comment: String; let baseVersionID: Int64? }
            let body = try input.json(Body.self)
            let draft = ModelDraft(projectID: try input.parameter("project"), modelName: try input.text("model"), content: body.content, comment: body.comment, baseVersionID: body.baseVersionID)
            let version = try await input.store.saveModel(draft, by: input.context.actor)
            return JSONBody.response(VersionView(version, approval: nil), status: .created)
        },

        Endpoint(.get, "/api/v1/versions/:version", .api, policy: .readProject, project: .versionParameter) { input in
            let version = try await requireVersion(input)
            struct Full: Encodable { let version: VersionView; let content: String }
            return JSONBody.response(Full(version: VersionView(version, approval: try await input.store.approval(versionID: version.id)), content: version.content))
        },

        Endpoint(.get, "/api/v1/versions/:version/findings", .api, policy: .readProject, project: .versionParameter) { input in
            let version = try await requireVersion(input)
            if case let .invalid(errors) = await input.server.analyses.outcome(of: version) {
                throw APIError(status: .unprocessableContent, code: "invalid-model", message: errors.joined(separator: "\n"))
            }
            return JSONBody.raw(await input.server.analyses.rendered(version, as: "findings.json") { outcome in
                guard case let .assessed(assessment) = outcome else { return "" }
                return CheckReport.json(assessment)
            })
        },

        Endpoint(.get, "/api/v1/versions/:version/diff", .api, policy: .readProject, project: .versionParameter) { input in
            JSONBody.raw(DiffReport.json(try await VersionDiff.diff(input)))
        },

        Endpoint(.post, "/api/v1/versions/:version/submit", .api, policy: .writeProject(.assessor), project: .versionParameter) { input in
            JSONBody.response(try await input.store.submitForApproval(versionID: try input.parameter("version"), by: input.context.actor))
        },

        Endpoint(.post, "/api/v1/versions/:version/decision", .api, policy: .writeProject(.approver), project: .versionParameter) { input in
            struct Body: Decodable { let decision: ApprovalDecision; let contentHash: String; let comment: String }
            let body = try input.json(Body.self)
            return JSONBody.response(try await input.store.decide(versionID: try input.parameter("version"), decision: body.decision, contentHash: body.contentHash, comment: body.comment, by: input.context.actor))
        },

        Endpoint(.get, "/api/v1/audit/entries", .api, policy: .audit) { input in
            let after = input.request.uri.queryParameters.get("after", as: Int64.self) ?? 0
            let limit = min(input.request.uri.queryParameters.get("limit", as: Int.self) ?? 100, 1000)
            return JSONBody.response(try await input.store.auditEntries(after: after, limit: limit).map(AuditEntryView.init))
        },

        Endpoint(.post, "/api/v1/audit/verify", .api, policy: .audit) { input in
            let report = try await AuditRun.verify(input)
            return JSONBody.response(AuditReportView(report))
        },

        Endpoint(.get, "/api/v1/users", .api, policy: .administer) { input in
            JSONBody.response(try await input.store.users().map(UserView.init))
        },

        Endpoint(.post, "/api/v1/users", .api, policy: .administer) { input in
            struct Body: Decodable { let name: String; let role: Role; let password: String }
            let body = try input.json(Body.self)
            return JSONBody.response(UserView(try await input.store.createUser(name: body.name, role: body.role, passwordHash: try NewPassword.hash(body.password, input), by: input.context.actor)), status: .created)
        },

        Endpoint(.put, "/api/v1/users/:user/role", .api, policy: .administer) { input in
            struct Body: Decodable { let role: Role }
            return JSONBody.response(UserView(try await input.store.setRole(userID: try input.parameter("user"), role: try input.json(Body.self).role, by: input.context.actor)))
        },
    ]

    /// Projects the caller may see: every project for auditors, their memberships for everyone else.
    static func visibleProjects(_ input: EndpointInput) async throws -> [Project] {
        let projects = try await input.store.projects()
        if input.identity.user.role == .auditor { return projects }
        var visible: [Project] = []
        for project in projects where try await input.store.isMember(userID: input.identity.user.id, projectID: project.id) { visible.append(project) }
        return visible
    }

    static func requireVersion(_ input: EndpointInput) async throws -> ModelVersion {
        guard let version = try await input.server.versions.version(id: try input.parameter("version"), store: input.store) else { throw APIError.notFound }
        return version
    }
}

/// An audit entry for the API, with the leaf hash in hex.
struct AuditEntryView: Encodable {
    let seq: Int64
    let timestamp: String
    let actor: String
    let actorRole: String
    let authContext: String
    let sourceAddress: String
    let action: String
    let objectType: String
    let objectID: String
    let objectHash: String
    let result: String
    let payload: String
    let leafHash: String

    init(_ entry: AuditEntry) {
        seq = entry.seq
        timestamp = entry.timestamp
        actor = entry.actor
        actorRole = entry.actorRole
        authContext = entry.authContext
        sourceAddress = entry.sourceAddress
        action = entry.action
        objectType = entry.objectType
        objectID = entry.objectID
        objectHash = entry.objectHash
        result = entry.result.rawValue
        payload = entry.payload
        leafHash = entry.leafHash.hexString
    }
}

/// A verification report for the API.
struct AuditReportView: Encodable {
    struct Violation: Encodable { let seq: Int64?; let reason: String }
    let status: String
    let entries: Int64
    let root: String
    let checkpointsChecked: Int
    let warnings: [String]
    let violations: [Violation]

    init(_ report: AuditVerification) {
        status = report.exitCode == 0 ? "verified" : report.exitCode == 1 ? "violation" : "cannot-verify"
        entries = report.size
        root = report.root.hexString
        checkpointsChecked = report.checkpointsChecked
        warnings = report.warnings
        violations = report.violations.map { Violation(seq: $0.seq, reason: $0.reason) }
    }
}

/// Verification started from the web: the run itself is recorded in the log.
enum AuditRun {
    static func verify(_ input: EndpointInput) async throws -> AuditVerification {
        let report = AuditVerifier().verify(try await input.store.auditSnapshot())
        _ = try await input.store.record(AuditEvent(action: "audit.verify", objectType: "audit-log", objectID: String(report.size), objectHash: report.root.hexString,
                                                    result: report.exitCode == 0 ? .success : .error, payload: ["violations": String(report.violations.count)]), by: input.context.actor)
        return report
    }
}

/// What changed between two versions of one model (`?against=ID`, default the previous version): the same `ModelDiffer`
/// as `zonal diff`.
enum VersionDiff {
    static func diff(_ input: EndpointInput) async throws -> ModelDiff {
        let version = try await APIRoutes.requireVersion(input)
        let history = try await input.store.modelVersions(projectID: version.projectID, modelName: version.modelName)
        let againstID = input.request.uri.queryParameters.get("against", as: Int64.self) ?? history.last { $0.number < version.number }?.id
        // Only versions of the same model: membership was checked for this version's project and no other.
        guard let againstID, let old = history.first(where: { $0.id == againstID }) else {
            throw APIError.badRequest("name a version of the same model with ?against=ID (version 1 has no previous version)")
        }
        guard case let .assessed(oldAssessment) = await input.server.analyses.outcome(of: old),
              case let .assessed(newAssessment) = await input.server.analyses.outcome(of: version)
        else { throw APIError(status: .unprocessableContent, code: "invalid-model", message: "one of the two versions is not a valid model") }
        return ModelDiffer.diff(old: oldAssessment, new: newAssessment)
    }
}

/// The analysis of a stored version, computed by the same `Analyzer.assess` as `zonal check`.
enum VersionAnalysis {
    enum Outcome: Sendable {
        case assessed(Assessment)
        case invalid([String])
    }

    static func assess(_ version: ModelVersion) -> Outcome {
        do {
            let (model, _) = try ModelLoader.load(bytes: Array(version.content.utf8), file: "\(version.modelName)@\(version.number)")
            return .assessed(Analyzer.assess(model))
        } catch {
            return .invalid(error.errors.map(\.description))
        }
    }
}
