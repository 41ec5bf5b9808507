import IEC62443

/// `zonal catalog`: catalog entries as text, JSON or CSV.
public enum CatalogReport {
    struct Entry: Encodable {
        let id: String
        let standard: String
        let kind: String
        let parent: String?
        let fr: String?
        let title: String
        let levels: [Int]
        let components: [String]?
        let practice: String?
    }

    static func entry(_ r: Requirement) -> Entry {
        Entry(id: r.id, standard: r.standard?.designation ?? "", kind: r.kind.rawValue, parent: r.parent, fr: r.fr?.abbreviation,
              title: r.title, levels: r.levels, components: r.components?.map(\.rawValue), practice: r.practice)
    }

    public static func json(_ entries: [Requirement]) -> String {
        JSONOutput.encode(entries.map(entry))
    }

    public static func csv(_ entries: [Requirement]) -> String {
        var out = "id,standard,kind,parent,fr,title,levels,components\r\n"
        for r in entries {
            let fields = [r.id, r.standard?.designation ?? "", r.kind.rawValue, r.parent ?? "", r.fr?.abbreviation ?? "", r.title,
                          r.levels.map(String.init).joined(separator: " "), (r.components ?? []).map(\.rawValue).joined(separator: " ")]
            out += fields.map(CSVField.escape).joined(separator: ",") + "\r\n"
        }
        return out
    }

    public static func text(_ entries: [Requirement], style: TextStyle) -> String {
        var table = TextTable()
        table.add(["id", "FR", "SL", "title", "applies to"].map(style.bold))
        for r in entries {
            let levels = r.minimumLevel.map { "\($0.rawValue)+" } ?? ""
            let who = r.components.map { $0.count == ComponentType.allCases.count ? "all" : $0.map(\.rawValue).joined(separator: ", ") } ?? (r.practice ?? "")
            table.add([r.isEnhancement ? "  " + r.id : r.id, r.fr?.abbreviation ?? "", levels, r.title, who])
        }
        return table.render() + "\n\(entries.count) entries\n"
    }
}

/// RFC 4180 field quoting.
public enum CSVField {
    /// A field of text taken from a model: quoted, and with a leading `'` when it would start a spreadsheet formula
    /// (`=`, `+`, `-`, `@`, tab, CR), so opening the CSV never runs what a model file says (OWASP "CSV injection").
    public static func text(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return escape(field) }
        return escape("'" + field)
    }

    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
