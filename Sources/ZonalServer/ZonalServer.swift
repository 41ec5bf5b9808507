import HTTPTypes
import Foundation
import Hummingbird
import ZonalStore

/// The team web application: one route table served as HTML pages and a JSON API under /api/v1.
public struct ZonalServer: Sendable {
    public let store: any ZonalStore
    public let configuration: Configuration
    let sessions: SessionStore
    let throttle: LoginThrottle
    let analyses = AnalysisCache()
    let access = AccessCache()
    let versions = VersionCache()
    let snapshots = SnapshotCache()
    let pages = PageCache()

    /// How the server runs.
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        /// Mark cookies `Secure` (browsers still send them to http://localhost and 127.0.0.1).
        public var secureCookies: Bool
        public var lockout: LockoutPolicy
        public var passwordHasher: PasswordHasher
        /// The largest evidence file accepted; larger uploads get 413 with the limit in the message.
        public var maximumEvidenceBytes = ZonalServer.defaultEvidenceLimit

        public init(host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = true, lockout: LockoutPolicy = .standard, passwordHasher: PasswordHasher = .interactive) {
            self.host = host
            self.port = port
            self.secureCookies = secureCookies
            self.lockout = lockout
            self.passwordHasher = passwordHasher
        }
    }

    /// 32 MiB: enough for a scanned test report or a capture excerpt, small enough to keep the database lean.
    public static let defaultEvidenceLimit = 32 * 1024 * 1024

    public init(store: any ZonalStore, configuration: Configuration = .init(), throttle: LoginThrottle = LoginThrottle()) {
        self.store = store
        self.configuration = configuration
        sessions = SessionStore()
        self.throttle = throttle
    }

    /// Every route the server answers.
    public var endpoints: [Endpoint] { APIRoutes.all + EvidenceRoutes.endpoints + TokenRoutes.endpoints + ReportExport.endpoints + PageRoutes.all + AccountRoutes.endpoints + PasswordChange.endpoints }

    /// The router with middleware and every endpoint behind its access policy.
    public func router() -> Router<ZonalRequestContext> {
        let router = Router(context: ZonalRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: AuthenticationMiddleware(store: store, access: access))
        for endpoint in endpoints {
            router.on(RouterPath(endpoint.path), method: endpoint.method) { request, context in
                try await self.dispatch(endpoint, request: request, context: context)
            }
        }
        return router
    }

    /// The application bound to the configured address.
    public func application() -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil))
    }

    /// Serves until the process is told to stop (SIGINT/SIGTERM).
    public func run() async throws {
        try await store.deleteExpiredSessions()
        try await application().runService()
    }

    /// Authentication, access policy (denials are audited), CSRF, body limit, then the handler; errors become JSON for
    /// the API and pages for browsers.
    func dispatch(_ endpoint: Endpoint, request: Request, context: ZonalRequestContext) async throws -> Response {
        do {
            if endpoint.policy.needsIdentity, context.identity == nil {
                if endpoint.kind == .page { return Response.redirect(to: "/login", type: .found) }
                throw APIError.unauthenticated
            }
            let allowed = try await endpoint.policy.allows(context.identity) {
                guard let userID = context.identity?.user.id, let epoch = context.accessEpoch, let projectID = try await projectID(of: endpoint, context: context) else { return false }
                return try await access.isMember(userID: userID, projectID: projectID, epoch: epoch, store: store)
            }
            if !allowed {
                _ = try? await store.record(AuditEvent(action: "access.denied", objectType: "route", objectID: "\(request.method) \(endpoint.path)", result: .denied,
                                                       payload: ["path": request.uri.path]), by: context.actor)
                throw APIError.forbidden
            }
            let body: [UInt8]
            let evidenceLimit = configuration.maximumEvidenceBytes
            do {
                body = Array(try await request.body.collect(upTo: endpoint.acceptsFiles ? evidenceLimit + MultipartForm.overhead : context.maxUploadSize).readableBytesView)
            } catch {
                throw endpoint.acceptsFiles ? APIError.evidenceTooLarge(limit: evidenceLimit) : APIError.tooLarge
            }
            let input = try EndpointInput(request: request, context: context, body: body, server: self)
            if request.method != .get, let expected = context.identity?.csrfToken {
                let given = request.headers[HTTPField.Name("X-CSRF-Token")!] ?? input.form["csrf"]
                guard let given, given == expected else { throw APIError.csrf }
            }
            return try await endpoint.handler(input)
        } catch let error as APIError {
            return endpoint.kind == .api ? error.jsonResponse : Page.error(error, identity: context.identity)
        } catch let error as StoreError {
            let apiError = APIError(error)
            return endpoint.kind == .api ? apiError.jsonResponse : Page.error(apiError, identity: context.identity)
        }
    }

    private func projectID(of endpoint: Endpoint, context: ZonalRequestContext) async throws -> Int64? {
        switch endpoint.project {
        case .none: return nil
        case .projectParameter: return context.parameters.get("project").flatMap { Int64($0) }
        case .versionParameter:
            guard let id = context.parameters.get("version").flatMap({ Int64($0) }) else { return nil }
            return try await versions.version(id: id, store: store)?.projectID
        case .evidenceParameter:
            guard let id = context.parameters.get("evidence").flatMap({ Int64($0) }) else { return nil }
            return try await store.evidence(id: id)?.projectID
        }
    }
}
