import Hummingbird
import ZonalAnalysis
import ZonalModel
import ZonalStore

/// A model version: its analysis (the same `Analyzer.assess` as `zonal check`), its history and its approval.
enum VersionPage {
    static func render(_ input: EndpointInput) async throws -> Response {
        let version = try await APIRoutes.requireVersion(input)
        let identity = input.identity
        let approval = try await input.store.approval(versionID: version.id)
        let history = try await input.store.modelVersions(projectID: version.projectID, modelName: version.modelName)
        let latest = history.last
        let state = approval?.state.rawValue ?? "draft"
        var body: HTML = """
        <p><a href="/projects/\(version.projectID)">← project</a> · version \(version.number) by \(version.author), \(version.createdAt)</p>
        <div class="card"><p>Approval: <span class="state-\(state)">\(state)</span>\(approvalLine(approval))</p>
        <p class="muted">Content SHA-256 <code>\(version.contentHash)</code></p><p>\(version.comment)</p></div>
        """
        body = "\(body)\(HTML(trusted: await input.server.analyses.rendered(version, as: "analysis.html") { analysis($0).description }))"
        let rows: [HTML] = history.reversed().map { other in
            let compare: HTML = other.id == version.id ? "" : "<a href=\"/versions/\(version.id)/diff?against=\(other.id)\">compare with this</a>"
            return "<tr><td class=\"num\"><a href=\"/versions/\(other.id)\">\(other.number)</a></td><td>\(other.author)</td><td>\(other.createdAt)</td><td>\(other.comment)</td><td>\(compare)</td></tr>"
        }
        body = "\(body)<h2>Versions</h2><table><thead><tr><th>#</th><th>Author</th><th>Saved</th><th>Comment</th><th>Diff</th></tr></thead><tbody>\(rows)</tbody></table>"
        if identity.user.role == .assessor, approval == nil {
            body = "\(body)<form class=\"card\" method=\"post\" action=\"/versions/\(version.id)/submit\">\(Page.csrf(identity))<p>Submit version \(version.number) to an approver (IEC 62443-3-2 ZCR 7).</p><button>Submit for approval</button></form>"
        }
        if identity.user.role == .approver, approval?.state == .submitted {
            body = """
            \(body)<form class="card" method="post" action="/versions/\(version.id)/decision">\(Page.csrf(identity))
            <input type="hidden" name="contentHash" value="\(version.contentHash)">
            <label for="decision">Decision</label><select id="decision" name="decision"><option value="approve">Approve</option><option value="reject">Reject</option></select>
            <label for="comment">Comment</label><input id="comment" name="comment" required><button>Record decision</button></form>
            """
        }
        if identity.user.role == .engineer, let latest {
            let content = HTML(trusted: await input.server.analyses.text(latest, as: "escaped") { HTML.escape($0.content) })
            body = "\(body)\(saveForm(projectID: version.projectID, modelName: version.modelName, content: content, baseVersionID: latest.id, identity: identity, title: "Save a new version"))"
        }
        return Page.response("\(version.modelName) v\(version.number)", identity: identity, body)
    }

    static func approvalLine(_ approval: Approval?) -> HTML {
        guard let approval else { return "" }
        var line: HTML = " — submitted by \(approval.submittedBy) at \(approval.submittedAt)"
        if let decidedBy = approval.decidedBy { line = "\(line); \(approval.state.rawValue) by \(decidedBy) at \(approval.decidedAt ?? ""): “\(approval.comment ?? "")”" }
        return line
    }

    /// The analysis section. The reports branch's HTML report and SVG diagram renderer replaces this table when merged.
    static func analysis(_ outcome: VersionAnalysis.Outcome) -> HTML {
        switch outcome {
        case let .invalid(errors):
            let items: [HTML] = errors.map { "<li>\($0)</li>" }
            return "<h2>The model is invalid</h2><ul class=\"error\">\(items)</ul>"
        case let .assessed(assessment):
            let zones: [HTML] = assessment.zones.map { zone in
                let gap = zone.gap.keys.sorted().map { "\($0.abbreviation) −\(zone.gap[$0]!)" }.joined(separator: " ")
                return "<tr><td>\(zone.id)</td><td>\(zone.slTarget.description)</td><td>\(zone.slAchieved.description)</td><td>\(gap.isEmpty ? "none" : gap)</td></tr>"
            }
            let findings: [HTML] = assessment.findings.map { finding in
                "<tr><td class=\"sev-\(finding.severity.rawValue)\">\(finding.severity.rawValue)</td><td>\(finding.check)</td><td>\(finding.message)<br><span class=\"muted\">fix: \(finding.remediation)</span></td><td><code>\(finding.location.description)</code></td></tr>"
            }
            let findingsTable: HTML = findings.isEmpty
                ? "<p>No findings.</p>"
                : "<table><thead><tr><th>Severity</th><th>Check</th><th>Finding</th><th>Where</th></tr></thead><tbody>\(findings)</tbody></table>"
            return """
            <h2>Security levels per zone</h2>
            <table><thead><tr><th>Zone</th><th>SL-T</th><th>SL-A</th><th>Gap</th></tr></thead><tbody>\(zones)</tbody></table>
            <h2>Findings (\(assessment.findings.count))</h2>
            \(findingsTable)
            """
        }
    }

    static func saveForm(projectID: Int64, modelName: String, content: HTML, baseVersionID: Int64?, identity: Identity, title: String) -> HTML {
        """
        <form class="card" method="post" action="/projects/\(projectID)/models">\(Page.csrf(identity))
        <h2>\(title)</h2>
        <input type="hidden" name="base" value="\(baseVersionID.map(String.init) ?? "")">
        <label for="model">Model name</label><input id="model" name="model" value="\(modelName)" required>
        <label for="content">Model (YAML or JSON)</label><textarea id="content" name="content" required>\(content)</textarea>
        <label for="comment">Comment</label><input id="comment" name="comment" required>
        <button>Save version</button></form>
        """
    }
}
