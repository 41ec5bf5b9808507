import ZonalAnalysis
import ZonalFirewall
import ZonalModel

/// `zonal firewall`: each firewall's zone-to-zone matrix and the conformance findings, as text, JSON, CSV or Markdown.
public enum FirewallReport {
    struct Document: Encodable {
        let model: String
        let summary: Summary
        let firewalls: [Firewall]
        let findings: [ReportValues.FindingValue]
    }

    struct Summary: Encodable {
        let findings: Int
        let bySeverity: [String: Int]
    }

    struct Firewall: Encodable {
        let id: String
        let file: String
        let format: String
        let rules: Int
        let zones: [String]
        let notes: [String]
        let unsupported: [Unsupported]
        let matrix: [Cell]
    }

    struct Unsupported: Encodable {
        let location: ReportValues.Location
        let construct: String
        let assumption: String
    }

    struct Cell: Encodable {
        let from: String
        let to: String
        let permitted: [Permission]
    }

    /// One permitted region and the rule that permits it.
    struct Permission: Encodable {
        let `protocol`: String
        let source: String
        let destination: String
        let destinationPorts: String
        let sourcePorts: String
        let rule: String
        let location: ReportValues.Location
    }

    public static func json(_ assessment: FirewallAssessment) -> String {
        var bySeverity: [String: Int] = [:]
        for severity in Severity.allCases { bySeverity[severity.rawValue] = assessment.counts[severity] ?? 0 }
        return JSONOutput.encode(Document(
            model: assessment.model.file,
            summary: Summary(findings: assessment.findings.count, bySeverity: bySeverity),
            firewalls: assessment.firewalls.map { result in
                let context = result.context
                return Firewall(
                    id: result.binding.id, file: context.ruleset.file, format: context.ruleset.format.rawValue, rules: context.ruleset.rules.count,
                    zones: context.zones.map(\.name), notes: context.ruleset.notes,
                    unsupported: context.ruleset.unsupported.map { Unsupported(location: .init($0.location), construct: $0.construct, assumption: $0.assumption) },
                    matrix: context.matrix.map { cell in
                        Cell(from: cell.from, to: cell.to, permitted: cell.permitted.map { permission($0, context) })
                    })
            },
            findings: assessment.findings.map(ReportValues.FindingValue.init)))
    }

    static func permission(_ d: Decision, _ context: FirewallContext) -> Permission {
        Permission(protocol: d.box.protocolSummary, source: d.box.addressSummary(.source), destination: d.box.addressSummary(.destination),
                   destinationPorts: d.box.portSummary(.destinationPort), sourcePorts: d.box.portSummary(.sourcePort),
                   rule: context.name(of: d), location: .init(context.location(of: d)))
    }

    public static func text(_ assessment: FirewallAssessment, style: TextStyle) -> String {
        var out = ""
        for result in assessment.firewalls {
            let context = result.context
            out += style.bold("firewall \(result.binding.id)") + "  \(context.ruleset.file) (\(context.ruleset.format.rawValue), \(context.ruleset.rules.count) rules)\n"
            for note in context.ruleset.notes { out += style.dim("  note: \(note)") + "\n" }
            out += "\n  Permitted new connections between zones:\n"
            if context.matrix.isEmpty { out += "    none\n" }
            var table = TextTable()
            for cell in context.matrix {
                for (i, d) in cell.permitted.prefix(20).enumerated() {
                    table.add([i == 0 ? "\(cell.from) → \(cell.to)" : "", d.box.summary, style.dim("\(context.name(of: d)) line \(context.location(of: d).line)")])
                }
                if cell.permitted.count > 20 { table.add(["", style.dim("… \(cell.permitted.count - 20) more ranges"), ""]) }
            }
            if !table.rows.isEmpty { out += table.render(indent: "    ") + "\n" }
            out += "\n"
        }
        for finding in assessment.findings { out += FindingText.block(finding, style: style, evidence: 8) }
        let counts = Severity.allCases.reversed().map { "\(assessment.counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        out += assessment.findings.isEmpty ? style.green("No findings.") + "\n" : "\(assessment.findings.count) findings: \(counts)\n"
        return out
    }

    /// One row per finding.
    public static func csv(_ assessment: FirewallAssessment) -> String {
        var out = "severity,check,file,line,column,subject,message,remediation\r\n"
        for f in assessment.findings {
            let fields = [f.severity.rawValue, f.check, f.location.file, String(f.location.line), String(f.location.column), f.subject, f.message, f.remediation]
            out += fields.map(CSVField.escape).joined(separator: ",") + "\r\n"
        }
        return out
    }

    public static func markdown(_ assessment: FirewallAssessment) -> String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var out = "# Firewall conformance — \(cell(assessment.model.system.name))\n\n"
        for result in assessment.firewalls {
            let context = result.context
            out += "## Firewall `\(result.binding.id)`\n\n`\(context.ruleset.file)` (\(context.ruleset.format.rawValue), \(context.ruleset.rules.count) rules)\n\n"
            for note in context.ruleset.notes { out += "- note: \(cell(note))\n" }
            out += "\n| from | to | permitted | by |\n| --- | --- | --- | --- |\n"
            for c in context.matrix {
                for d in c.permitted { out += "| \(c.from) | \(c.to) | \(cell(d.box.summary)) | \(cell(context.name(of: d))) (line \(context.location(of: d).line)) |\n" }
            }
            out += "\n"
        }
        out += "## Findings (worst first)\n\n| severity | check | where | finding |\n| --- | --- | --- | --- |\n"
        for f in assessment.findings {
            out += "| \(f.severity.rawValue) | \(f.check) | `\(f.location.file):\(f.location.line)` | \(cell(f.message)) |\n"
        }
        return out
    }
}
