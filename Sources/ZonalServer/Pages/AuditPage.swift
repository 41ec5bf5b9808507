import Hummingbird
import ZonalStore

/// The audit trail for auditors: the latest entries, and verification on demand (the run is itself recorded).
enum AuditPage {
    static func render(_ input: EndpointInput, report: AuditVerification?) async throws -> Response {
        let snapshot = try await input.store.auditSnapshot()
        let size = Int64(snapshot.rows.count)
        let entries = try await input.store.auditEntries(after: max(0, size - 200), limit: 200).reversed()
        let rows: [HTML] = entries.map { entry in
            "<tr><td class=\"num\">\(entry.seq)</td><td>\(entry.timestamp)</td><td>\(entry.actor)</td><td>\(entry.actorRole)</td><td>\(entry.action)</td><td>\(entry.objectType) \(entry.objectID)</td><td>\(entry.result.rawValue)</td><td><code>\(entry.payload)</code></td></tr>"
        }
        var body: HTML = ""
        if let report {
            let verdict: HTML = report.exitCode == 0
                ? "<p class=\"state-approved\">Verified: \(Int(report.size)) entries, \(report.checkpointsChecked) signed checkpoints.</p>"
                : "<p class=\"error\">Verification failed\(report.firstViolation?.seq.map { " at entry \($0)" } ?? ""): \(report.firstViolation?.reason ?? report.blockers.joined(separator: "; "))</p>"
            body = "<div class=\"card\">\(verdict)<p class=\"muted\">Root <code>\(report.root.hexString)</code></p></div>"
        }
        let latest = snapshot.checkpoints.last?.note ?? ""
        body = """
        \(body)<form class="card" method="post" action="/audit/verify">\(Page.csrf(input.identity))<p>\(Int(size)) entries. Recompute every leaf and signed checkpoint.</p><button>Verify the audit trail</button></form>
        <h2>Latest checkpoint</h2><pre class="card"><code>\(latest)</code></pre>
        <h2>Entries (newest first)</h2>
        <table><thead><tr><th>#</th><th>Time (UTC)</th><th>Actor</th><th>Role</th><th>Action</th><th>Object</th><th>Result</th><th>Details</th></tr></thead><tbody>\(rows)</tbody></table>
        """
        return Page.response("Audit trail", identity: input.identity, body)
    }
}
