/// What every check says about itself: a stable id, the clause it enforces, why it matters, how to fix it.
public protocol CheckDescription: Sendable {
    /// Stable id, e.g. `ZC-3.3-01`; never reused for another meaning.
    var id: String { get }
    var title: String { get }
    /// The clause of IEC 62443 the check enforces.
    var clause: String { get }
    /// Why the check matters, for the rule reference and reports.
    var rationale: String { get }
    /// The general fix; findings add the specifics.
    var remediation: String { get }
    /// The severity of the findings unless a finding says otherwise.
    var severity: Severity { get }
}

/// A check of the model: its description and one pure function from the analysis context to findings.
///
/// Adding a check means adding one file under `Checks/`, listing it in `CheckRegistry.all`, and adding its test.
public protocol Check: CheckDescription {
    func evaluate(_ context: AnalysisContext) -> [Finding]
}

extension Check {
    /// A finding of this check with its metadata filled in.
    public func finding(_ message: String, at location: ZonalModel.SourceLocation, subject: String, severity: Severity? = nil,
                        remediation: String? = nil, evidence: [String] = []) -> Finding {
        Finding(check: id, severity: severity ?? self.severity, message: message, clause: clause, location: location, subject: subject,
                remediation: remediation ?? self.remediation, evidence: evidence)
    }
}

import ZonalModel
