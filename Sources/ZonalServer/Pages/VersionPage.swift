import Hummingbird
import ZonalAnalysis
import ZonalModel
import ZonalReports
import ZonalStore

/// A model version: its approval, its analysis (the same `Analyzer.assess` as `zonal check`: diagram, SL-T against
/// SL-A, findings, requirement gaps, attack paths), its evidence and its history.
enum VersionPage {
    /// The page from the page cache when this caller saw this version, snapshot and order before; rendered otherwise.
    static func render(_ input: EndpointInput) async throws -> Response {
        let (version, snapshot) = try await EvidenceRoutes.list(input)
        let order = SortableTable.Order(input.request)
        let key = PageCache.Key(version: version, snapshot: snapshot, order: order, identity: input.identity)
        return Page.response(try await input.server.pages.page(key) { try await render(input, version: version, snapshot: snapshot, order: order) })
    }

    static func render(_ input: EndpointInput, version: ModelVersion, snapshot: VersionSnapshot, order: SortableTable.Order?) async throws -> ByteBuffer {
        let (evidence, history, approval) = (snapshot.evidence, snapshot.history, snapshot.approval)
        let identity = input.identity
        let state = approval?.state.rawValue ?? "draft"
        let outcome = await input.server.analyses.outcome(of: version)
        var body: HTML = """
        <p><a href="/projects/\(version.projectID)">← project</a> · version \(version.number) by \(version.author), \(version.createdAt)</p>
        <div class="card"><p>Approval: <span class="state-\(state)">\(state)</span>\(approvalLine(approval))</p>
        <p class="muted">Content SHA-256 <code>\(version.contentHash)</code></p><p>\(version.comment)</p>
        <p><a href="/versions/\(version.id)/report" download>Download the assessment report (HTML, with this approval state)</a></p></div>
        """
        // Pure in the version's content, its evidence (immutable, only ever added) and the order asked for, so rendered
        // once per combination rather than on every view.
        let analysisKind = "analysis.html \(evidence.map { String($0.id) }.joined(separator: ",")) \(order.map { "\($0.table).\($0.column).\($0.ascending)" } ?? "")"
        body.append(HTML(trusted: await input.server.analyses.rendered(version, as: analysisKind) { analysis($0, evidence: evidence, order: order).description }))
        body.append(EvidenceSection.render(evidence, history: history, order: order))
        if identity.user.role == .assessor, case let .assessed(assessment) = outcome {
            body.append(EvidenceSection.uploadForm(version: version, targets: EvidenceTargets(assessment), limit: input.server.configuration.maximumEvidenceBytes, identity: identity))
        }
        let rows: [HTML] = history.reversed().map { other in
            let compare: HTML = other.id == version.id ? "" : "<a href=\"/versions/\(version.id)/diff?against=\(other.id)\">compare with this</a>"
            return "<tr><td class=\"num\"><a href=\"/versions/\(other.id)\">\(other.number)</a></td><td>\(other.author)</td><td>\(other.createdAt)</td><td>\(other.comment)</td><td>\(compare)</td></tr>"
        }
        body.append("<h2>Versions</h2><table><thead><tr><th>#</th><th>Author</th><th>Saved</th><th>Comment</th><th>Diff</th></tr></thead><tbody>\(rows)</tbody></table>")
        if identity.user.role == .assessor, approval == nil {
            body.append("<form class=\"card\" method=\"post\" action=\"/versions/\(version.id)/submit\">\(Page.csrf(identity))<p>Submit version \(version.number) to an approver (IEC 62443-3-2 ZCR 7).</p><button>Submit for approval</button></form>")
        }
        if identity.user.role == .approver, approval?.state == .submitted {
            body.append("""
            <form class="card" method="post" action="/versions/\(version.id)/decision">\(Page.csrf(identity))
            <input type="hidden" name="contentHash" value="\(version.contentHash)">
            <label for="decision">Decision</label><select id="decision" name="decision"><option value="approve">Approve</option><option value="reject">Reject</option></select>
            <label for="comment">Comment</label><input id="comment" name="comment" required><button>Record decision</button></form>
            """)
        }
        // Only the latest version's text is needed (the form edits it); versions are immutable, so the cache serves it.
        if identity.user.role == .engineer, let latestID = history.last?.id,
           let latest = try await latestID == version.id ? version : input.server.versions.version(id: latestID, store: input.store) {
            let content = HTML(trusted: await input.server.analyses.text(latest, as: "escaped") { HTML.escape($0.content) })
            body.append(saveForm(projectID: version.projectID, modelName: version.modelName, content: content, baseVersionID: latest.id, identity: identity, title: "Save a new version"))
        }
        return Page.buffer("\(version.modelName) v\(version.number)", identity: identity, body)
    }

    static func approvalLine(_ approval: Approval?) -> HTML {
        guard let approval else { return "" }
        var line: HTML = " — submitted by \(approval.submittedBy) at \(approval.submittedAt)"
        if let decidedBy = approval.decidedBy { line = "\(line); \(approval.state.rawValue) by \(decidedBy) at \(approval.decidedAt ?? ""): “\(approval.comment ?? "")”" }
        return line
    }

    /// The analysis section: the zone & conduit diagram (ZonalReports' renderer, as `zonal diagram` draws it, with its
    /// CSS served from /static/zonal.css because the CSP allows no inline style), then sortable tables.
    static func analysis(_ outcome: VersionAnalysis.Outcome, evidence: [Evidence], order: SortableTable.Order?) -> HTML {
        switch outcome {
        case let .invalid(errors):
            let items: [HTML] = errors.map { "<li>\($0)</li>" }
            return "<h2>The model is invalid</h2><ul class=\"error\">\(items)</ul>"
        case let .assessed(assessment):
            func count(_ target: EvidenceTarget) -> Int { evidence.filter { $0.target == target }.count }
            // A count links to the evidence list ordered by what each file is for.
            func link(_ files: Int) -> HTML { files == 0 ? "0" : "<a href=\"?sort=evidence.for&amp;dir=asc#evidence\">\(files)</a>" }
            let diagram = HTML(trusted: ZoneDiagram.svg(assessment, embeddingStyle: false))
            let zones = SortableTable(id: "zones", [.init(key: "zone", title: "Zone"), .init(key: "name", title: "Name"), .init(key: "slt", title: "SL-T"),
                                                    .init(key: "sla", title: "SL-A"), .init(key: "gap", title: "Gap"), .init(key: "evidence", title: "Evidence", numeric: true)])
            let zoneRows = assessment.zones.map { zone -> SortableTable.Row in
                let gap = zone.gap.keys.sorted().map { "\($0.abbreviation) −\(zone.gap[$0]!)" }.joined(separator: " ")
                let files = count(EvidenceTarget(kind: .zone, id: zone.id))
                return .init(cells: ["\(zone.id)", "\(zone.name)", "\(zone.slTarget.description)", "\(zone.slAchieved.description)",
                                     gap.isEmpty ? "<span class=\"ok\">none</span>" : "<span class=\"error\">\(gap)</span>", link(files)],
                             keys: [.text(zone.id), .text(zone.name), .text(zone.slTarget.description), .text(zone.slAchieved.description), .number(Int64(zone.gap.count)), .number(Int64(files))])
            }
            let findings = SortableTable(id: "findings", [.init(key: "severity", title: "Severity"), .init(key: "check", title: "Check"), .init(key: "subject", title: "Subject"),
                                                          .init(key: "finding", title: "Finding"), .init(key: "where", title: "Where"), .init(key: "evidence", title: "Evidence", numeric: true)])
            let findingRows = assessment.findings.map { finding -> SortableTable.Row in
                let files = count(EvidenceTarget(kind: .finding, id: finding.check, subject: finding.subject))
                return .init(cells: ["<span class=\"sev-\(finding.severity.rawValue)\">\(finding.severity.rawValue)</span>", "\(finding.check)", "\(finding.subject)",
                                     "\(finding.message)<br><span class=\"muted\">fix: \(finding.remediation)</span>", "<code>\(finding.location.description)</code>", link(files)],
                             keys: [.number(Int64(Severity.allCases.firstIndex(of: finding.severity) ?? 0)), .text(finding.check), .text(finding.subject), .text(finding.message),
                                    .text(finding.location.description), .number(Int64(files))])
            }
            let gaps = SortableTable(id: "gaps", [.init(key: "target", title: "Zone or conduit"), .init(key: "requirement", title: "Requirement"), .init(key: "fr", title: "FR"),
                                                  .init(key: "title", title: "Title"), .init(key: "remedy", title: "What would meet it"), .init(key: "evidence", title: "Evidence", numeric: true)])
            let gapRows = (assessment.zones + assessment.conduits).flatMap { target in
                target.unmet.map { status -> SortableTable.Row in
                    let files = count(EvidenceTarget(kind: .requirement, id: status.requirement.id))
                    let fr = status.requirement.fr?.abbreviation ?? ""
                    return .init(cells: ["\(target.kind.rawValue) \(target.id)", "\(status.requirement.id)", "\(fr)", "\(status.requirement.title)", "\(status.remedy ?? "")", link(files)],
                                 keys: [.text("\(target.kind.rawValue) \(target.id)"), .text(status.requirement.id), .text(fr), .text(status.requirement.title),
                                        .text(status.remedy ?? ""), .number(Int64(files))])
                }
            }
            let paths = SortableTable(id: "paths", [.init(key: "entry", title: "Entry"), .init(key: "target", title: "Target"), .init(key: "path", title: "Path"),
                                                    .init(key: "barrier", title: "Strongest barrier"), .init(key: "protection", title: "Protection", numeric: true)])
            let pathRows = assessment.attackPaths.map { path -> SortableTable.Row in
                let barrier = path.barrier.map { "\($0.conduit) (\($0.enforcement.rawValue))" } ?? "none"
                return .init(cells: ["\(path.entry)", "\(path.target)", "\(path.description)", "\(barrier)", "\(path.protection)"],
                             keys: [.text(path.entry), .text(path.target), .text(path.description), .text(barrier), .number(Int64(path.protection))])
            }
            let findingsTable: HTML = findingRows.isEmpty ? "<p>No findings.</p>" : findings.render(findingRows, order: order)
            let gapsTable: HTML = gapRows.isEmpty ? "<p class=\"ok\">Every requirement the SL-Ts call for is met.</p>" : gaps.render(gapRows, order: order)
            let pathsTable: HTML = pathRows.isEmpty
                ? "<p class=\"ok\">No path leads from an enterprise or external zone to a control or safety zone.</p>"
                : paths.render(pathRows, order: order)
            // A long gap list stays folded (no script needed) unless it is short or being sorted.
            let gapsOpen: HTML = gapRows.count <= 12 || order?.table == "gaps" ? " open" : ""
            return """
            <h2 id="diagram-heading">Zones and conduits</h2>
            <figure class="diagram" aria-labelledby="diagram-heading">\(diagram)</figure>
            <h2>Security levels per zone</h2>
            <p class="muted">Vectors list the seven foundational requirements in order: IAC, UC, SI, DC, RDF, TRE, RA.</p>
            \(zones.render(zoneRows, order: order))
            <h2>Findings (\(assessment.findings.count))</h2>
            \(findingsTable)
            <details id="requirement-gaps"\(gapsOpen)><summary><h2>Requirement gaps (\(gapRows.count))</h2></summary>
            \(gapsTable)</details>
            <h2>Attack paths (\(pathRows.count))</h2>
            \(pathsTable)
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
