import Foundation
import HTTPTypes
import Hummingbird
import ZonalReports
import ZonalStore

/// The assessment report of a stored version, the same document `zonal report` writes, with the version's approval
/// state (ZCR 7) in its header. A download, never rendered by the server's pages, and audited as an export.
enum ReportExport {
    static let endpoints: [Endpoint] = [
        Endpoint(.get, "/versions/:version/report", .page, policy: .readProject, project: .versionParameter) { input in try await download(input) },
    ]

    static func download(_ input: EndpointInput) async throws -> Response {
        let version = try await APIRoutes.requireVersion(input)
        guard case let .assessed(assessment) = await input.server.analyses.outcome(of: version) else {
            throw APIError(status: .unprocessableContent, code: "invalid-model", message: "version \(version.number) is not a valid model, so it has no assessment report")
        }
        let approval = try await input.store.approval(versionID: version.id)
        let date = Date().formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!).year().month().day())
        let html = AssessmentReportPage.html(assessment, header: ReportHeader(date: date, modelDigest: version.contentHash, approval: status(approval)))
        _ = try await input.store.record(AuditEvent(action: "report.export", objectType: "model-version", objectID: String(version.id), objectHash: version.contentHash,
                                                    payload: ["format": "html", "approval": approval?.state.rawValue ?? "draft"]), by: input.context.actor)
        let headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .contentDisposition: EvidenceRoutes.contentDisposition("\(version.modelName)-v\(version.number)-report.html"),
            // The report carries its own inline CSS; should a browser ever show it in place, it runs sandboxed and scriptless.
            .contentSecurityPolicy: "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        ]
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// "approved by otto at …: “comment” (submitted by sam at …)", or what stage the review is at.
    static func status(_ approval: Approval?) -> String {
        guard let approval else { return "draft: not submitted for approval" }
        let submitted = "submitted by \(approval.submittedBy) at \(approval.submittedAt)"
        guard let decidedBy = approval.decidedBy else { return "\(submitted); awaiting an approver's decision" }
        return "\(approval.state.rawValue) by \(decidedBy) at \(approval.decidedAt ?? ""): “\(approval.comment ?? "")” (\(submitted))"
    }
}
