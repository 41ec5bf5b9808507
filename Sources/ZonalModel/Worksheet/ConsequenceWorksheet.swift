import CSV
import IEC62443

/// Reads a cyber-PHA / HAZOP-style consequence worksheet (CSV, one row per node and deviation) into threat scenarios,
/// so the plant's process hazard analysis is reused rather than retyped. The format is documented in docs/risk.md.
public enum ConsequenceWorksheet {
    /// The columns the worksheet may have besides one column per consequence category.
    public static let columns = ["id", "node", "deviation", "cause", "consequence", "zone", "entry", "threat-source", "attacker",
                                 "likelihood", "frs", "vulnerabilities"]
    static let required = ["node", "deviation", "cause", "zone", "attacker", "likelihood"]

    /// Parses `text`; every problem is reported with its row (the header is row 1, as a spreadsheet numbers them) and column.
    /// `zones`, when given, are the zone and conduit ids of the model the scenarios are for.
    public static func parse(_ text: String, file: String, criteria: RiskCriteria = .default, zones: Set<String>? = nil,
                             conduits: Set<String> = []) throws(WorksheetImportError) -> [ThreatScenario] {
        var problems: [WorksheetDiagnostic] = []
        let reader: CSVReader
        do {
            // A byte order mark from a spreadsheet export would otherwise stick to the first header.
            reader = try CSVReader(string: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, hasHeaderRow: true, trimFields: true)
        } catch {
            throw WorksheetImportError(file: file, diagnostics: [WorksheetDiagnostic(row: 1, column: nil, "the worksheet has no header row",
                                                                                     hint: "start with a header such as: " + (required + ["health-and-safety"]).joined(separator: ","))])
        }
        let header = (reader.headerRow ?? []).map { $0.lowercased() }
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            if index[name] != nil {
                problems.append(WorksheetDiagnostic(row: 1, column: i, "column '\(name)' appears twice", hint: "keep one of them"))
            } else if !columns.contains(name) && !criteria.categories.contains(name) && !name.isEmpty {
                let known = columns + criteria.categories
                problems.append(WorksheetDiagnostic(row: 1, column: i, "'\(name)' is neither a worksheet column nor a consequence category",
                                                    hint: Suggestion.hint(for: name, in: known) ?? "columns: \(known.joined(separator: ", "))"))
            }
            index[name] = index[name] ?? i
        }
        for name in required where index[name] == nil {
            problems.append(WorksheetDiagnostic(row: 1, column: nil, "the worksheet has no '\(name)' column", hint: "add it to the header row"))
        }
        let categoryColumns = criteria.categories.compactMap { c in index[c].map { (category: c, column: $0) } }
        if categoryColumns.isEmpty {
            problems.append(WorksheetDiagnostic(row: 1, column: nil, "the worksheet has no consequence category column",
                                                hint: "add a severity column per category, named: \(criteria.categories.joined(separator: ", "))"))
        }
        guard problems.isEmpty else { throw WorksheetImportError(file: file, diagnostics: problems) }

        var scenarios: [ThreatScenario] = []
        var ids: [String: Int] = [:]
        var row = 1
        while let fields = reader.next() {
            row += 1
            if fields.allSatisfy(\.isEmpty) { continue }
            if fields.count != header.count {
                problems.append(WorksheetDiagnostic(row: row, column: nil, "row \(row) has \(fields.count) field(s), the header has \(header.count)",
                                                    hint: "check for a missing comma or an unclosed quote in this row or the one before"))
                continue
            }
            func value(_ name: String) -> String { index[name].map { fields[$0] } ?? "" }
            var rowProblems: [WorksheetDiagnostic] = []
            func problem(_ name: String, _ message: String, hint: String? = nil) {
                rowProblems.append(WorksheetDiagnostic(row: row, column: index[name], message, hint: hint))
            }
            for name in required where value(name).isEmpty { problem(name, "'\(name)' is empty") }
            let attackerText = value("attacker").lowercased()
            var attacker = AttackerProfile(rawValue: attackerText)
            if attacker == nil, let n = Int(attackerText) { attacker = AttackerProfile.allCases.first { $0.securityLevel.rawValue == n } }
            if attacker == nil, !attackerText.isEmpty {
                let names = AttackerProfile.allCases.map(\.rawValue)
                problem("attacker", "'\(value("attacker"))' is not an attacker profile",
                        hint: Suggestion.hint(for: attackerText, in: names) ?? "use 1-4 or one of: \(names.joined(separator: ", "))")
            }
            let likelihood = level(value("likelihood"), in: criteria.likelihood, scale: "likelihood", onError: { problem("likelihood", $0, hint: $1) })
            var consequences: [String: Int] = [:]
            for (category, column) in categoryColumns where !fields[column].isEmpty {
                consequences[category] = level(fields[column], in: criteria.consequence, scale: "consequence", onError: { problem(category, $0, hint: $1) })
            }
            if categoryColumns.allSatisfy({ fields[$0.column].isEmpty }) {
                rowProblems.append(WorksheetDiagnostic(row: row, column: categoryColumns[0].column, "row \(row) states no consequence in any category",
                                                       hint: "give the severity in at least one of: \(categoryColumns.map(\.category).joined(separator: ", "))"))
            }
            let zone = value("zone"), entry = value("entry").isEmpty ? zone : value("entry")
            if let zones, !zone.isEmpty, !zones.contains(zone) {
                problem("zone", "'\(zone)' is no zone of the model", hint: Suggestion.hint(for: zone, in: zones) ?? "zones: \(zones.sorted().joined(separator: ", "))")
            }
            if let zones, !value("entry").isEmpty, !zones.contains(entry), !conduits.contains(entry) {
                problem("entry", "'\(entry)' is no zone or conduit of the model", hint: Suggestion.hint(for: entry, in: zones.union(conduits)) ?? "name a zone or conduit")
            }
            var frs: [FoundationalRequirement] = []
            for part in value("frs").split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "," }) {
                if let fr = FoundationalRequirement(parsing: String(part)) { if !frs.contains(fr) { frs.append(fr) } } else {
                    problem("frs", "'\(part)' is not a foundational requirement", hint: "use IAC, UC, SI, DC, RDF, TRE or RA, separated by spaces")
                }
            }
            let id = value("id").isEmpty ? slug(value("node")) + "-\(row)" : value("id")
            if let first = ids[id] {
                problem("id", "scenario id '\(id)' is used again (first on row \(first))", hint: "give each row its own id")
            }
            ids[id] = ids[id] ?? row
            guard rowProblems.isEmpty, let attacker, let likelihood else {
                problems += rowProblems
                continue
            }
            let cause = value("cause"), consequence = value("consequence")
            scenarios.append(ThreatScenario(
                id: id, name: "\(value("node")): \(value("deviation"))",
                source: value("threat-source").isEmpty ? "unspecified" : value("threat-source"), attacker: attacker, entry: entry,
                targets: [zone], vulnerabilities: value("vulnerabilities").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
                consequences: consequences, likelihood: likelihood, frs: frs.isEmpty ? FoundationalRequirement.allCases : frs.sorted(),
                description: consequence.isEmpty ? "Cause: \(cause)." : "Cause: \(cause). Consequence: \(consequence).",
                location: SourceLocation(file: file, line: row, column: 1)))
        }
        if let error = reader.error {
            problems.append(WorksheetDiagnostic(row: row, column: nil, "the worksheet could not be read past row \(row): \(error)", hint: "save it as UTF-8 CSV"))
        }
        guard problems.isEmpty else {
            throw WorksheetImportError(file: file, diagnostics: problems.sorted { ($0.row, $0.column ?? -1) < ($1.row, $1.column ?? -1) })
        }
        if scenarios.isEmpty {
            throw WorksheetImportError(file: file, diagnostics: [WorksheetDiagnostic(row: 2, column: nil, "the worksheet has a header but no rows", hint: "add one row per node and deviation")])
        }
        return scenarios
    }

    /// A level by 1-based number or name; `onError` gets the message and hint. Empty text is no level and no error.
    private static func level(_ text: String, in scale: [ScaleLevel], scale name: String, onError: (String, String?) -> Void) -> Int? {
        if text.isEmpty { return nil }
        switch ScaleLookup.level(text, in: scale, scaleName: name) {
        case .success(let level): return level
        case .failure(let problem):
            onError(problem.message, problem.hint)
            return nil
        }
    }

    /// "Crude Heater H-101" -> "crude-heater-h-101": a usable id from a node name.
    static func slug(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber { out.append(ch) } else if !out.hasSuffix("-") && !out.isEmpty { out.append("-") }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "row" : out
    }
}

/// One problem in a worksheet: the row (header = 1), the column (0-based index, nil for the whole row or file), what is wrong and what to do.
public struct WorksheetDiagnostic: Hashable, Sendable, CustomStringConvertible {
    public let row: Int
    public let column: Int?
    public let message: String
    public let hint: String?

    public init(row: Int, column: Int?, _ message: String, hint: String? = nil) {
        self.row = row
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// The spreadsheet letter of the column: A, B, ..., Z, AA.
    public var columnLetter: String? {
        guard var n = column.map({ $0 + 1 }) else { return nil }
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    public var description: String {
        let place = "row \(row)" + (columnLetter.map { ", column \($0)" } ?? "")
        return "\(place): \(message)" + (hint.map { "\n    hint: \($0)" } ?? "")
    }
}

/// A worksheet that could not be imported: every problem found, in row order.
public struct WorksheetImportError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let diagnostics: [WorksheetDiagnostic]

    public var description: String { diagnostics.map { "\(file): \($0)" }.joined(separator: "\n") }
}
