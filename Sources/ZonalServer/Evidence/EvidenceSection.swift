import ZonalStore

/// The evidence part of a model version's page: every file attached to this version or an earlier one, by what it is
/// for, and the assessor's upload form.
enum EvidenceSection {
    static func render(_ evidence: [Evidence], history: [ModelVersionListing], order: SortableTable.Order?) -> HTML {
        let numbers = Dictionary(history.map { ($0.id, $0.number) }, uniquingKeysWith: { first, _ in first })
        let table = SortableTable(id: "evidence", [
            .init(key: "for", title: "For"), .init(key: "file", title: "File"), .init(key: "size", title: "Size", numeric: true), .init(key: "sha256", title: "SHA-256"),
            .init(key: "by", title: "Uploaded by"), .init(key: "at", title: "Uploaded (UTC)"), .init(key: "version", title: "Version", numeric: true), .init(key: "comment", title: "Comment"),
        ])
        let rows = evidence.map { item -> SortableTable.Row in
            let number = numbers[item.versionID] ?? 0
            return .init(cells: ["\(item.target.description)",
                                 "<a href=\"/api/v1/evidence/\(item.id)/content\" download>\(item.originalName)</a><br><span class=\"muted\">\(item.mediaType)</span>",
                                 "\(EvidenceRoutes.size(item.size))", "<code class=\"hash\">\(item.sha256)</code>", "\(item.uploadedBy)", "\(item.uploadedAt)", "\(number)", "\(item.comment)"],
                         keys: [.text(item.target.description), .text(item.originalName), .number(item.size), .text(item.sha256), .text(item.uploadedBy), .text(item.uploadedAt),
                                .number(number), .text(item.comment)])
        }
        let content: HTML = rows.isEmpty ? "<p class=\"muted\">No evidence attached yet.</p>" : table.render(rows, order: order)
        return "<h2 id=\"evidence-heading\">Evidence (\(evidence.count))</h2>\(content)"
    }

    /// The upload form: a file, what it is evidence for (this version's zones, conduits, required SRs and findings),
    /// and a comment. Multipart, with the session's CSRF token as a field.
    static func uploadForm(version: ModelVersion, targets: EvidenceTargets, limit: Int, identity: Identity) -> HTML {
        func options(_ label: String, _ items: [EvidenceTarget]) -> HTML {
            guard !items.isEmpty else { return "" }
            let choices: [HTML] = items.map { "<option value=\"\($0.kind.rawValue)|\($0.id)|\($0.subject)\">\($0.description)</option>" }
            return "<optgroup label=\"\(label)\">\(choices)</optgroup>"
        }
        return """
        <form class="card" method="post" action="/versions/\(version.id)/evidence" enctype="multipart/form-data">\(Page.csrf(identity))
        <h2>Attach evidence</h2>
        <label for="evidence-target">Evidence for</label><select id="evidence-target" name="target" required>\(options("Zones", targets.zones))\(options("Conduits", targets.conduits))\(options("Findings", targets.findings))\(options("Required SRs", targets.requirements))</select>
        <label for="evidence-file">File (at most \(EvidenceRoutes.size(Int64(limit))))</label><input id="evidence-file" name="file" type="file" required>
        <label for="evidence-comment">Comment</label><input id="evidence-comment" name="comment" maxlength="2000">
        <button>Upload evidence</button></form>
        """
    }
}
