import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ZonalServer
@testable import ZonalStore

/// Every route against every role: allowed roles get through the policy (any status but 401/403), the others get 403,
/// non-members get 403 on project routes, and anonymous callers get 401 (API) or a redirect to sign-in (pages).
struct RoleMatrixTests {
    static let denial = "your role or project membership does not allow this"

    static func uri(_ endpoint: Endpoint, _ fixture: ServerFixture) -> String {
        endpoint.path
            .replacingOccurrences(of: ":project", with: String(fixture.project.id))
            .replacingOccurrences(of: ":version", with: String(fixture.version.id))
            .replacingOccurrences(of: ":model", with: "plant")
            .replacingOccurrences(of: ":user", with: String(fixture.bystander.id))
            .replacingOccurrences(of: ":evidence", with: String(fixture.evidence.id))
            // No such token: revoking one's own fixture token would lock the rest of the matrix out.
            .replacingOccurrences(of: ":token", with: "999999")
    }

    /// A well-formed body for each write, so an allowed call fails (if at all) for business reasons, never for access.
    static func body(_ endpoint: Endpoint, _ fixture: ServerFixture) -> String? {
        switch (endpoint.method, endpoint.path) {
        case (.post, "/api/v1/tokens"): return #"{"name":"ci","scopes":["read"]}"#
        case (.post, "/api/v1/projects"): return #"{"name":"Project \#(UUID().uuidString)"}"#
        case (.post, "/api/v1/projects/:project/members"): return #"{"userID":\#(fixture.users[.admin]!.id)}"#
        case (.post, "/api/v1/projects/:project/models/:model/versions"): return #"{"content":"zonal: 1\n","comment":"c","baseVersionID":null}"#
        case (.post, "/api/v1/versions/:version/decision"): return #"{"decision":"approve","contentHash":"\#(fixture.version.contentHash)","comment":"ok"}"#
        case (.post, "/api/v1/users"): return #"{"name":"u\#(Int.random(in: 0 ... 1_000_000))","role":"viewer","password":"long enough password"}"#
        case (.put, "/api/v1/users/:user/role"): return #"{"role":"viewer"}"#
        case (.post, "/tokens"): return "name=matrix&scope=read"
        case (.put, "/api/v1/users/:user/password"): return #"{"password":"long enough password"}"#
        case (.post, "/users/password"): return "user=\(fixture.bystander.id)&password=long+enough+password"
        // A wrong current password: an allowed caller is refused for that reason, and the matrix keeps its tokens.
        case (.post, "/account/password"): return "current=not-my-password&password=a+new+long+password&repeat=a+new+long+password"
        case (.post, "/api/v1/versions/:version/evidence"), (.post, "/versions/:version/evidence"):
            return String(buffer: MultipartBody.make(fields: [("targetKind", "zone"), ("targetID", "ctl")], file: (name: "note.txt", type: "text/plain", bytes: Array("seen\n".utf8))))
        default: return endpoint.method == .get ? nil : ""
        }
    }

    /// The content type of `body`.
    static func headers(_ endpoint: Endpoint) -> HTTPFields {
        if endpoint.acceptsFiles { return [.contentType: MultipartBody.contentType] }
        if endpoint.kind == .page, endpoint.method == .post { return [.contentType: "application/x-www-form-urlencoded"] }
        return [:]
    }

    @Test func everyRouteAgainstEveryRole() async throws {
        let fixture = try await ServerFixture.make()
        let endpoints = fixture.server.endpoints
        try await fixture.test { client in
            for endpoint in endpoints {
                let allowed = endpoint.policy.roles
                for role in Role.allCases {
                    let response = try await client.call(endpoint.method, Self.uri(endpoint, fixture), token: fixture.tokens[role], json: Self.body(endpoint, fixture), headers: Self.headers(endpoint))
                    // A policy denial, as opposed to a 403 for another reason (a login form without its CSRF token).
                    let denied = response.status == .forbidden && response.text.contains(Self.denial)
                    if allowed.contains(role) {
                        #expect(!denied && response.status != .unauthorized, "\(endpoint.method) \(endpoint.path) as \(role): \(response.status) \(response.text.prefix(200))")
                    } else {
                        #expect(denied, "\(endpoint.method) \(endpoint.path) as \(role) must be forbidden: \(response.status)")
                    }
                }
                if endpoint.policy.needsIdentity {
                    let anonymous = try await client.call(endpoint.method, Self.uri(endpoint, fixture), json: Self.body(endpoint, fixture), headers: Self.headers(endpoint))
                    #expect(anonymous.status == (endpoint.kind == .api ? .unauthorized : .found), "\(endpoint.method) \(endpoint.path) anonymously: \(anonymous.status)")
                }
                if endpoint.project != .none, allowed.contains(.engineer) {
                    let outsider = try await client.call(endpoint.method, Self.uri(endpoint, fixture), token: fixture.outsiderToken, json: Self.body(endpoint, fixture), headers: Self.headers(endpoint))
                    #expect(outsider.status == .forbidden && outsider.text.contains(Self.denial), "\(endpoint.method) \(endpoint.path) by a non-member: \(outsider.status)")
                }
            }
        }
        // Every denial is on the record.
        let denied = try await fixture.store.auditEntries(after: 0, limit: 10_000).filter { $0.action == "access.denied" }
        #expect(denied.count > 20)
        #expect(denied.allSatisfy { $0.result == .denied })
    }

    @Test func rolesAreDisjointWhereTheIssueSaysSo() async throws {
        let fixture = try await ServerFixture.make()
        func roles(_ method: HTTPRequest.Method, _ path: String) -> Set<Role> {
            fixture.server.endpoints.first { $0.method == method && $0.path == path }!.policy.roles
        }
        #expect(roles(.post, "/api/v1/versions/:version/decision") == [.approver])
        #expect(roles(.post, "/api/v1/versions/:version/submit") == [.assessor])
        #expect(roles(.post, "/api/v1/projects/:project/models/:model/versions") == [.engineer])
        #expect(roles(.get, "/api/v1/audit/entries") == [.auditor])
        #expect(roles(.get, "/api/v1/users") == [.admin])
        #expect(!roles(.get, "/api/v1/versions/:version/findings").contains(.admin))
        #expect(roles(.post, "/api/v1/versions/:version/evidence") == [.assessor])
        #expect(roles(.post, "/versions/:version/evidence") == [.assessor])
        #expect(roles(.get, "/api/v1/evidence/:evidence/content") == [.viewer, .engineer, .assessor, .approver, .auditor])
        #expect(roles(.get, "/tokens") == Set(Role.allCases))
        for (method, path) in [(HTTPRequest.Method.post, "/api/v1/users/:user/disable"), (.post, "/api/v1/users/:user/enable"), (.put, "/api/v1/users/:user/password"),
                               (.post, "/users/:user/disable"), (.post, "/users/:user/enable"), (.post, "/users/password")] {
            #expect(roles(method, path) == [.admin], "\(method) \(path)")
        }
        #expect(roles(.get, "/account/password") == Set(Role.allCases))
        #expect(roles(.post, "/account/password") == Set(Role.allCases))
    }
}
