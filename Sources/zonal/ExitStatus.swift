import ArgumentParser

/// The exit codes of `zonal`, one meaning each, so CI scripts can tell "the design has findings" from "the input is broken".
enum ExitStatus {
    /// Findings at or above the --fail-on severity.
    static let findings = ExitCode(1)
    /// The model (or another input) is invalid: syntax, types, references.
    static let invalidInput = ExitCode(2)
    /// A file could not be read or written.
    static let fileError = ExitCode(3)
    /// A capture or flow log is damaged part-way; the results up to the damage were still reported.
    static let damagedInput = ExitCode(4)
    /// An external program a requested output needs (headless Chromium for PDF) is not installed or failed.
    static let toolUnavailable = ExitCode(5)
    /// `zonal audit`: the audit log or a proof fails verification.
    static let integrityViolation = ExitCode(1)
    /// `zonal audit`: verification could not be carried out (missing database, key, or unreadable input).
    static let cannotVerify = ExitCode(2)
}
