import Crypto
import Foundation

/// What a report states about its own making: the date it is issued for and the SHA-256 of the model file it was made from.
/// The date is an input, never read from the clock here, so the same model and date give byte-identical reports.
public struct ReportHeader: Sendable {
    /// ISO 8601 date, e.g. 2026-11-26.
    public let date: String
    /// Lowercase hexadecimal SHA-256 of the model file's bytes.
    public let modelDigest: String
    /// The model's approval state (IEC 62443-3-2 ZCR 7) when the report is made from a reviewed version, e.g.
    /// "approved by otto on 2026-11-26"; nil for a model file outside any review.
    public let approval: String?

    public init(date: String, modelDigest: String, approval: String? = nil) {
        self.date = date
        self.modelDigest = modelDigest
        self.approval = approval
    }

    /// The header for a model file's bytes.
    public init(date: String, modelBytes: some DataProtocol) {
        self.init(date: date, modelDigest: SHA256.hash(data: modelBytes).map { String(format: "%02x", $0) }.joined())
    }
}
