import ZonalModel

/// One problem the analysis found, with the check that found it, the clause it enforces, where it is in the model, and how to fix it.
public struct Finding: Hashable, Sendable {
    /// The id of the check, e.g. `ZC-3.3-01`.
    public let check: String
    public let severity: Severity
    public let message: String
    /// The clause of IEC 62443 the check enforces.
    public let clause: String
    public let location: SourceLocation
    /// What the finding is about: "zone:sis", "conduit:bpcs-dmz", "asset:plc-1", "flow:hist-repl".
    public let subject: String
    /// What would fix this instance.
    public let remediation: String
    /// Supporting facts (assets involved, path hops, unmet requirements), one per line.
    public let evidence: [String]

    public init(check: String, severity: Severity, message: String, clause: String, location: SourceLocation, subject: String,
                remediation: String, evidence: [String] = []) {
        self.check = check
        self.severity = severity
        self.message = message
        self.clause = clause
        self.location = location
        self.subject = subject
        self.remediation = remediation
        self.evidence = evidence
    }

    /// The order findings are reported in: by place in the file, then check id, then message.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        // Field by field, so the common case (different lines) compares two integers and copies nothing.
        if a.location.line != b.location.line || a.location.file != b.location.file { return a.location < b.location }
        if a.location.column != b.location.column { return a.location.column < b.location.column }
        if a.check != b.check { return a.check < b.check }
        return a.message < b.message
    }
}

extension Array where Element == Finding {
    /// Number of findings per severity, counted in place: grouping would copy every finding only to count it.
    public var severityCounts: [Severity: Int] {
        var counts: [Severity: Int] = [:]
        for i in indices { counts[self[i].severity, default: 0] += 1 }
        return counts
    }
}
