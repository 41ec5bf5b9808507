import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ZonalServer
@testable import ZonalStore

/// The model page: the zone & conduit diagram inline and safe under the script-free CSP, SL-T/SL-A, findings,
/// requirement gaps and attack paths in tables the server sorts.
struct ModelPageTests {
    /// A plant whose names try to break out of the markup, with a path from the enterprise zone into control.
    static let hostile = """
    zonal: 1
    system: { name: "Plant <script>alert(1)</script>" }
    zones:
      - { id: corp, name: "Corp </text><script>x</script>", kind: enterprise, sl-target: 1, networks: [10.1.0.0/16] }
      - { id: ctl, name: "Control & \\"more\\"", kind: control, sl-target: 2, networks: [10.2.0.0/16] }
    assets:
      - { id: hmi, zone: ctl, role: hmi, ip: 10.2.0.5 }
      - { id: erp, zone: corp, role: server, ip: 10.1.0.9 }
    flows:
      - { id: reports, from: hmi, to: erp, protocol: https, port: 443 }
    conduits:
      - { id: corp-ctl, zones: [corp, ctl], enforcement: firewall, allows: [reports] }
    """

    static func page(_ client: any TestClientProtocol, _ fixture: ServerFixture, _ query: String = "", content: String = hostile) async throws -> String {
        let saved = try await client.call(.post, "/api/v1/projects/\(fixture.project.id)/models/m\(Int.random(in: 0 ... 1_000_000_000))/versions", token: fixture.tokens[.engineer],
                                          json: String(data: try JSONSerialization.data(withJSONObject: ["content": content, "comment": "c"]), encoding: .utf8))
        let id = try #require(try JSONSerialization.jsonObject(with: Data(saved.text.utf8)) as? [String: Any])["id"] as? Int
        let (cookie, _, _) = try await ServerBehaviourTests.signIn(client, name: "viewer-user", password: "password-viewer")
        return try await client.execute(uri: "/versions/\(try #require(id))\(query)", method: .get, headers: [.cookie: cookie], body: nil).text
    }

    @Test func theDiagramIsInlineEscapedAndStyledFromTheStylesheet() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let html = try await Self.page(client, fixture)
            let svgStart = try #require(html.range(of: "<svg"))
            let svgEnd = try #require(html.range(of: "</svg>"))
            let svg = String(html[svgStart.lowerBound ..< svgEnd.upperBound])
            #expect(svg.contains("id=\"zone-corp\"") && svg.contains("id=\"zone-ctl\"") && svg.contains("id=\"conduit-corp-ctl\""))
            #expect(!svg.contains("<style"), "the CSP allows no inline style; the CSS comes from /static/zonal.css")
            #expect(!html.lowercased().contains("<script"), "every name is escaped, in the SVG and in the tables")
            #expect(svg.contains("Corp &lt;/text&gt;&lt;script&gt;x&lt;/script&gt;"))
            let css = try await client.call(.get, "/static/zonal.css")
            #expect(css.text.contains(".zone-safety rect") && css.text.contains(".conduit-data-diode path"))
            for heading in ["Zones and conduits", "Security levels per zone", "Findings (", "Requirement gaps (", "Attack paths (", "Evidence ("] {
                #expect(html.contains(heading), "\(heading)")
            }
            #expect(html.contains("<td>corp</td>") && html.contains("corp → [corp-ctl: firewall] → ctl"), "the attack path from the enterprise zone")
            #expect(html.contains("SR 1.1"), "requirement gaps list the unmet SRs")
        }
    }

    @Test func tablesSortOnTheServerByTheRequestedColumn() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            func order(_ html: String, table: String) -> [String] {
                guard let start = html.range(of: "<table id=\"\(table)\""), let end = html.range(of: "</table>", range: start.upperBound ..< html.endIndex) else { return [] }
                let rows = html[start.upperBound ..< end.lowerBound].components(separatedBy: "<tr><td>").dropFirst()
                return rows.map { String($0.prefix { $0 != "<" }) }
            }
            let ascending = order(try await Self.page(client, fixture, "?sort=gaps.target&dir=asc"), table: "gaps")
            let descending = order(try await Self.page(client, fixture, "?sort=gaps.target&dir=desc"), table: "gaps")
            #expect(ascending.count > 2)
            #expect(ascending == ascending.sorted { $0.localizedStandardCompare($1) == .orderedAscending })
            #expect(Set(descending) == Set(ascending) && descending.first == ascending.last && descending != ascending)
            let html = try await Self.page(client, fixture, "?sort=gaps.target&dir=asc")
            #expect(html.contains("aria-sort=\"ascending\""))
            #expect(html.contains("href=\"?sort=gaps.target&amp;dir=desc#gaps\""), "the active column's link reverses the order")
            #expect(html.contains("href=\"?sort=findings.severity&amp;dir=asc#findings\""))
        }
    }
}

/// The report export: the `zonal report` document with the version's approval state, as an audited download.
struct ReportExportTests {
    @Test func theReportCarriesTheApprovalStateAndTheExportIsAudited() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let uri = "/versions/\(fixture.version.id)/report"
            let draft = try await client.call(.get, uri, token: fixture.tokens[.viewer])
            #expect(draft.status == .ok)
            #expect(draft.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"plant-v1-report.html\"") == true)
            #expect(draft.text.contains("Approval (ZCR 7)</dt><dd>draft: not submitted for approval"))
            #expect(draft.text.contains(fixture.version.contentHash), "the header names the content the approval binds to")
            #expect(try await client.call(.post, "/api/v1/versions/\(fixture.version.id)/submit", token: fixture.tokens[.assessor]).status == .ok)
            let decision = #"{"decision":"approve","contentHash":"\#(fixture.version.contentHash)","comment":"fine"}"#
            #expect(try await client.call(.post, "/api/v1/versions/\(fixture.version.id)/decision", token: fixture.tokens[.approver], json: decision).status == .ok)
            let approved = try await client.call(.get, uri, token: fixture.tokens[.auditor])
            #expect(approved.text.contains("approved by approver-user at "))
            #expect(approved.text.contains("(submitted by assessor-user at "))
            #expect(try await client.call(.get, uri, token: fixture.tokens[.admin]).status == .forbidden)
        }
        let exports = try await fixture.store.auditEntries(after: 0, limit: 10_000).filter { $0.action == "report.export" }
        #expect(exports.map(\.actor) == ["viewer-user", "auditor-user"])
        #expect(exports.allSatisfy { $0.objectHash == fixture.version.contentHash })
    }
}
