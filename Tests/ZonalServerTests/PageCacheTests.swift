import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ZonalServer
@testable import ZonalStore

/// The model page is served from caches (its history, evidence and approval per store change count; the rendered page
/// per caller). These tests pin that a write shows on the very next view, whoever made it, and that a cached page never
/// reaches another caller or outlives the caller's access.
struct PageCacheTests {
    @Test func aWriteShowsOnTheNextViewWhoeverMadeIt() async throws {
        let fixture = try await ServerFixture.make()
        let version = fixture.version
        let engineer = fixture.tokens[.engineer]
        try await fixture.test { client in
            func page() async throws -> String {
                let response = try await client.call(.get, "/versions/\(version.id)", token: engineer)
                #expect(response.status == .ok)
                return response.text
            }
            let first = try await page()
            #expect(try await page() == first, "a repeated view is the same page")
            #expect(first.contains("<span class=\"state-draft\">draft</span>") && first.contains("ctl-hardening.txt"))

            // Through this server's API.
            let save = "{\"content\":\"zonal: 1\\n\",\"comment\":\"second\",\"baseVersionID\":\(version.id)}"
            let saved = try await client.call(.post, "/api/v1/projects/\(fixture.project.id)/models/plant/versions", token: engineer, json: save)
            #expect(saved.status == .created)
            let second = try #require(try JSONSerialization.jsonObject(with: Data(saved.text.utf8)) as? [String: Any])["id"] as? Int
            #expect(!first.contains("href=\"/versions/\(try #require(second))\""))
            #expect(try await page().contains("<td class=\"num\"><a href=\"/versions/\(second!)\">2</a></td>"), "the new version is in the history at once")

            // Straight into the store, as another server process or the CLI would: this server's caches see none of it.
            let assessor = AuditActor(user: fixture.users[.assessor]!, authContext: "other-process", sourceAddress: "test")
            _ = try await fixture.store.submitForApproval(versionID: version.id, by: assessor)
            #expect(try await page().contains("<span class=\"state-submitted\">submitted</span>"))
            _ = try await fixture.store.addEvidence(EvidenceUpload(versionID: version.id, target: EvidenceTarget(kind: .zone, id: "corp"), originalName: "corp-scan.txt",
                                                                   mediaType: "text/plain", comment: "", content: Array("scan\n".utf8)), by: assessor)
            let withEvidence = try await page()
            #expect(withEvidence.contains("corp-scan.txt") && withEvidence.contains("Evidence (2)"))
            let listed = try await client.call(.get, "/api/v1/versions/\(version.id)/evidence", token: engineer)
            #expect(listed.text.contains("corp-scan.txt"), "the evidence API reads the same snapshots")
            let approver = AuditActor(user: fixture.users[.approver]!, authContext: "other-process", sourceAddress: "test")
            _ = try await fixture.store.decide(versionID: version.id, decision: .approve, contentHash: version.contentHash, comment: "fine", by: approver)
            #expect(try await page().contains("<span class=\"state-approved\">approved</span>"))
        }
    }

    @Test func aCachedPageIsNeverServedToAnotherCaller() async throws {
        let fixture = try await ServerFixture.make()
        let uri = "/versions/\(fixture.version.id)"
        try await fixture.test { client in
            let (cookieA, csrfA, _) = try await ServerBehaviourTests.signIn(client, name: "assessor-user", password: "password-assessor")
            let (cookieB, csrfB, _) = try await ServerBehaviourTests.signIn(client, name: "assessor-user", password: "password-assessor")
            #expect(!csrfA.isEmpty && csrfA != csrfB)
            for _ in 1 ... 2 {
                let pageA = try await client.execute(uri: uri, method: .get, headers: [.cookie: cookieA], body: nil).text
                let pageB = try await client.execute(uri: uri, method: .get, headers: [.cookie: cookieB], body: nil).text
                #expect(pageA.contains("value=\"\(csrfA)\"") && !pageA.contains(csrfB), "each session's forms carry its own CSRF token")
                #expect(pageB.contains("value=\"\(csrfB)\"") && !pageB.contains(csrfA))
                #expect(pageA.contains("Attach evidence") && pageA.contains("Submit for approval"))
            }
            let viewer = try await client.call(.get, uri, token: fixture.tokens[.viewer]).text
            #expect(viewer.contains("viewer-user · viewer") && !viewer.contains("assessor-user · assessor"))
            #expect(!viewer.contains("Attach evidence") && !viewer.contains("Submit for approval") && !viewer.contains(csrfA), "a viewer gets a viewer's page")
            #expect(try await client.call(.get, uri, token: fixture.outsiderToken).status == .forbidden, "a non-member is refused before any cache is asked")
        }
    }

    @Test func aLockoutOrRoleChangeEndsACachedSessionOnTheNextView() async throws {
        let fixture = try await ServerFixture.make()
        let uri = "/versions/\(fixture.version.id)"
        try await fixture.test { client in
            let (viewer, _, _) = try await ServerBehaviourTests.signIn(client, name: "viewer-user", password: "password-viewer")
            for _ in 1 ... 2 { #expect(try await client.execute(uri: uri, method: .get, headers: [.cookie: viewer], body: nil).status == .ok) }
            for _ in 1 ... 3 { _ = try await ServerBehaviourTests.signIn(client, name: "viewer-user", password: "wrong-password") }
            #expect(try await client.execute(uri: uri, method: .get, headers: [.cookie: viewer], body: nil).status == .found, "locked out: back to sign-in")

            let (approver, _, _) = try await ServerBehaviourTests.signIn(client, name: "approver-user", password: "password-approver")
            for _ in 1 ... 2 { #expect(try await client.execute(uri: uri, method: .get, headers: [.cookie: approver], body: nil).status == .ok) }
            _ = try await fixture.store.setRole(userID: fixture.users[.approver]!.id, role: .viewer, by: .hostOperator("root"))
            #expect(try await client.execute(uri: uri, method: .get, headers: [.cookie: approver], body: nil).status == .found, "a role change ends the session")
            let token = try await client.call(.get, uri, token: fixture.tokens[.approver])
            #expect(token.status == .ok && token.text.contains("approver-user · viewer"), "the token now acts with the new role")
        }
    }
}
