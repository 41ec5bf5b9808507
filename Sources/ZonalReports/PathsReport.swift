import ZonalAnalysis

/// `zonal paths`: the least protected path from every enterprise or external zone to every control and safety zone.
public enum PathsReport {
    struct Document: Encodable {
        let paths: [Path]
    }

    struct Path: Encodable {
        let entry: String
        let target: String
        let protection: Int
        let barrier: String?
        let weakLink: String?
        let hops: [Hop]
    }

    struct Hop: Encodable {
        let from: String
        let conduit: String
        let to: String
        let enforcement: String
    }

    public static func json(_ paths: [AttackPath]) -> String {
        JSONOutput.encode(Document(paths: paths.map { path in
            Path(entry: path.entry, target: path.target, protection: path.protection, barrier: path.barrier?.conduit, weakLink: path.weakLink?.conduit,
                 hops: path.hops.map { Hop(from: $0.from, conduit: $0.conduit, to: $0.to, enforcement: $0.enforcement.rawValue) })
        }))
    }

    public static func text(_ paths: [AttackPath], style: TextStyle) -> String {
        guard !paths.isEmpty else { return "No path leads from an enterprise or external zone to a control or safety zone.\n" }
        var out = ""
        for path in paths {
            out += style.bold("\(path.entry) → \(path.target)") + "  (\(path.hops.count) hops, strongest barrier: \(path.barrier.map { "\($0.conduit) \($0.enforcement.rawValue)" } ?? "none"))\n"
            var table = TextTable()
            for (i, hop) in path.hops.enumerated() {
                let weak = hop == path.weakLink ? style.severity(.high, "weak link") : ""
                table.add(["\(i + 1).", hop.from, "→", hop.to, "via \(hop.conduit)", hop.enforcement.rawValue, weak])
            }
            out += table.render(indent: "  ") + "\n\n"
        }
        return out
    }
}
