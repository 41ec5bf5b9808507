import ArgumentParser

/// The exit codes of `zonal`, one meaning each, so CI scripts can tell "the design has findings" from "the input is broken".
enum ExitStatus {
    /// Findings at or above the --fail-on severity.
    static let findings = ExitCode(1)
    /// The model (or another input) is invalid: syntax, types, references.
    static let invalidInput = ExitCode(2)
    /// A file could not be read or written.
    static let fileError = ExitCode(3)
    /// `zonal audit`: the audit log or a proof fails verification.
    static let integrityViolation = ExitCode(1)
    /// `zonal audit`: verification could not be carried out (missing database, key, or unreadable input).
    static let cannotVerify = ExitCode(2)
}
