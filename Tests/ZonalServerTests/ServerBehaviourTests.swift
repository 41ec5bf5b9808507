import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ZonalServer
@testable import ZonalStore

/// Sessions, CSRF, sign-in throttling and lockout, optimistic concurrency, limits, headers and escaping.
struct ServerBehaviourTests {
    /// Signs in through the form (with its double-submit CSRF cookie) and returns the session cookie and CSRF token.
    static func signIn(_ client: any TestClientProtocol, name: String, password: String) async throws -> (cookie: String, csrf: String, response: TestResponse) {
        let form = try await client.call(.get, "/login")
        let loginCookie = try #require(form.headers[values: .setCookie].first { $0.hasPrefix("zonal_login_csrf=") })
        let token = try #require(Self.hidden("csrf", in: form.text))
        let body = "csrf=\(token)&name=\(name)&password=\(password)"
        let response = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: String(loginCookie.split(separator: ";")[0])], body: ByteBuffer(string: body))
        guard let session = response.headers[values: .setCookie].first(where: { $0.hasPrefix("zonal_session=") }) else { return ("", "", response) }
        let cookie = String(session.split(separator: ";")[0])
        let home = try await client.execute(uri: "/projects/1", method: .get, headers: [.cookie: cookie], body: nil)
        return (cookie, Self.hidden("csrf", in: home.text) ?? "", response)
    }

    static func hidden(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    @Test func sessionCookiesAreHardenedAndFormsNeedTheCSRFToken() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let (cookie, csrf, response) = try await Self.signIn(client, name: "engineer-user", password: "password-engineer")
            #expect(response.status == .seeOther)
            let setCookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("zonal_session=") })
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("Secure") && setCookie.contains("SameSite=Strict"))
            #expect(!csrf.isEmpty)
            let form = "model=plant2&content=zonal%3A+1%0A&comment=new&base="
            let forged = try await client.execute(uri: "/projects/\(fixture.project.id)/models", method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: form))
            #expect(forged.status == .forbidden)
            #expect(try await fixture.store.latestModels(projectID: fixture.project.id).count == 1, "nothing saved without the token")
            let genuine = try await client.execute(uri: "/projects/\(fixture.project.id)/models", method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: form + "&csrf=\(csrf)"))
            #expect(genuine.status == .seeOther)
            #expect(try await fixture.store.latestModels(projectID: fixture.project.id).map(\.modelName) == ["plant", "plant2"])
            // The login form itself is protected too.
            let noToken = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: "name=engineer-user&password=password-engineer"))
            #expect(noToken.status == .forbidden)
        }
    }

    @Test func repeatedFailuresLockTheAccountAndEveryAttemptIsAudited() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            for _ in 1 ... 3 {
                let (_, _, failed) = try await Self.signIn(client, name: "viewer-user", password: "wrong-password")
                #expect(failed.status == .unauthorized)
            }
            let (_, _, locked) = try await Self.signIn(client, name: "viewer-user", password: "password-viewer")
            #expect(locked.status == .unauthorized, "the right password does not open a locked account")
            #expect(locked.text.contains("Wrong name or password, or the account is locked"))
            let (_, _, unknown) = try await Self.signIn(client, name: "nobody", password: "whatever-it-is")
            #expect(unknown.text == locked.text, "unknown names get the same answer")
        }
        let failures = try await fixture.store.auditEntries(after: 0, limit: 1000).filter { $0.action == "auth.login.failed" }
        #expect(failures.count == 5)
    }

    @Test func signInIsThrottledPerAddress() async throws {
        let fixture = try await ServerFixture.make(throttle: LoginThrottle(limit: 2, window: 60))
        try await fixture.test { client in
            _ = try await Self.signIn(client, name: "viewer-user", password: "wrong-one-1")
            _ = try await Self.signIn(client, name: "engineer-user", password: "wrong-one-2")
            let (_, _, third) = try await Self.signIn(client, name: "assessor-user", password: "password-assessor")
            #expect(third.status == .tooManyRequests)
        }
    }

    @Test func aStaleSaveGets409AndLosesNothing() async throws {
        let fixture = try await ServerFixture.make()
        let engineer = fixture.tokens[.engineer]!
        let path = "/api/v1/projects/\(fixture.project.id)/models/plant/versions"
        try await fixture.test { client in
            let first = try await client.call(.post, path, token: engineer, json: #"{"content":"zonal: 1\n# a\n","comment":"a","baseVersionID":\#(fixture.version.id)}"#)
            #expect(first.status == .created)
            let stale = try await client.call(.post, path, token: engineer, json: #"{"content":"zonal: 1\n# b\n","comment":"b","baseVersionID":\#(fixture.version.id)}"#)
            #expect(stale.status == .conflict)
            #expect(stale.errorCode == "stale-base")
            let versions = try await client.call(.get, path, token: engineer)
            #expect(versions.text.contains("\"comment\":\"a\"") && !versions.text.contains("\"comment\":\"b\""))
        }
    }

    @Test func findingsComeFromTheSameAnalyzerAsTheCLI() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let response = try await client.call(.get, "/api/v1/versions/\(fixture.version.id)/findings", token: fixture.tokens[.viewer])
            #expect(response.status == .ok)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
            let findings = try #require(object["findings"] as? [[String: Any]])
            // The small plant has a flow between zones and no conduit: the analysis must say so.
            #expect(findings.contains { ($0["check"] as? String)?.isEmpty == false })
            let page = try await client.call(.get, "/versions/\(fixture.version.id)", token: fixture.tokens[.viewer])
            #expect(page.text.contains("Findings (\(findings.count))"))
            // Each finding is a table row in markup, not escaped text.
            #expect(page.text.components(separatedBy: "<span class=\"sev-").count - 1 == findings.count)
        }
    }

    @Test func approvalOverTheAPIFollowsFourEyes() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let base = "/api/v1/versions/\(fixture.version.id)"
            #expect(try await client.call(.post, base + "/submit", token: fixture.tokens[.assessor]).status == .ok)
            let decision = #"{"decision":"approve","contentHash":"\#(fixture.version.contentHash)","comment":"ok"}"#
            let approved = try await client.call(.post, base + "/decision", token: fixture.tokens[.approver], json: decision)
            #expect(approved.status == .ok, "\(approved.text)")
            let again = try await client.call(.post, base + "/decision", token: fixture.tokens[.approver], json: decision)
            #expect(again.status == .conflict && again.errorCode == "invalid-state")
        }
        let actions = try await fixture.store.auditEntries(after: 0, limit: 1000).map(\.action)
        #expect(actions.suffix(2) == ["approval.submit", "approval.approve"])
    }

    @Test func readOnlyTokensCannotWrite() async throws {
        let fixture = try await ServerFixture.make()
        let readOnly = try await fixture.store.createToken(userID: fixture.users[.engineer]!.id, name: "ro", scopes: [.read], by: .hostOperator("root")).secret
        try await fixture.test { client in
            #expect(try await client.call(.get, "/api/v1/projects", token: readOnly).status == .ok)
            let write = try await client.call(.post, "/api/v1/projects/\(fixture.project.id)/models/plant/versions", token: readOnly, json: #"{"content":"x","comment":"c","baseVersionID":\#(fixture.version.id)}"#)
            #expect(write.status == .forbidden)
            #expect(try await client.call(.get, "/api/v1/me", token: "zt_not-a-token").status == .unauthorized)
        }
    }

    @Test func oversizedBodiesAreRefused() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let huge = String(repeating: "a", count: SQLZonalStore.maximumModelBytes + 100 * 1024)
            let response = try await client.call(.post, "/api/v1/projects/\(fixture.project.id)/models/plant/versions", token: fixture.tokens[.engineer], json: #"{"content":"\#(huge)","comment":"c","baseVersionID":\#(fixture.version.id)}"#)
            #expect(response.status == .contentTooLarge)
            #expect(response.errorCode == "too-large")
        }
    }

    @Test func everyResponseCarriesSecurityHeadersAndErrorsAreJSON() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            for uri in ["/login", "/api/v1/openapi.json", "/api/v1/projects", "/no/such/route"] {
                let response = try await client.call(.get, uri)
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "\(uri)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
            }
            let missing = try await client.call(.get, "/no/such/route")
            #expect(missing.status == .notFound && missing.errorCode == "not-found")
            let unauthenticated = try await client.call(.get, "/api/v1/projects")
            #expect(unauthenticated.errorCode == "unauthenticated")
        }
    }

    @Test func pagesEscapeWhatUsersTyped() async throws {
        let fixture = try await ServerFixture.make()
        _ = try await fixture.store.saveModel(ModelDraft(projectID: fixture.project.id, modelName: "plant", content: ServerFixture.plant, comment: "<script>alert(1)</script>", baseVersionID: fixture.version.id),
                                              by: .hostOperator("<b>mallory</b>"))
        try await fixture.test { client in
            let page = try await client.call(.get, "/versions/\(fixture.version.id)", token: fixture.tokens[.viewer])
            #expect(!page.text.contains("<script>alert(1)</script>") && page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.text.contains("<b>mallory</b>"))
        }
    }
}

/// The version diff uses `zonal diff`'s ModelDiffer and stays inside one model.
struct VersionDiffTests {
    @Test func theDiffShowsWhatChangedAndRefusesOtherModels() async throws {
        let fixture = try await ServerFixture.make()
        let engineer = AuditActor(user: fixture.users[.engineer]!, authContext: "test", sourceAddress: "test")
        let changed = ServerFixture.plant.replacingOccurrences(of: "sl-target: 2", with: "sl-target: 3")
        let second = try await fixture.store.saveModel(ModelDraft(projectID: fixture.project.id, modelName: "plant", content: changed, comment: "raise ctl", baseVersionID: fixture.version.id), by: engineer)
        let other = try await fixture.store.saveModel(ModelDraft(projectID: fixture.project.id, modelName: "other", content: ServerFixture.plant, comment: "", baseVersionID: nil), by: engineer)
        try await fixture.test { client in
            let diff = try await client.call(.get, "/api/v1/versions/\(second.id)/diff", token: fixture.tokens[.viewer])
            #expect(diff.status == .ok, "\(diff.text)")
            #expect(diff.text.contains("ctl"))
            let page = try await client.call(.get, "/versions/\(second.id)/diff?against=\(fixture.version.id)", token: fixture.tokens[.viewer])
            #expect(page.status == .ok && page.text.contains("ctl"))
            let crossModel = try await client.call(.get, "/api/v1/versions/\(second.id)/diff?against=\(other.id)", token: fixture.tokens[.viewer])
            #expect(crossModel.status == .badRequest)
            let first = try await client.call(.get, "/api/v1/versions/\(fixture.version.id)/diff", token: fixture.tokens[.viewer])
            #expect(first.status == .badRequest)
        }
    }
}
