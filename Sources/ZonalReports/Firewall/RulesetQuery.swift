import ZonalFirewall
import ZonalModel

/// `zonal firewall query`: the decided regions of a question, each with its rule, the path of jumps, and whether replies pass.
public enum RulesetQuery {
    /// One decided part of the question.
    public struct Part: Encodable, Sendable {
        public let verdict: String
        public let traffic: String
        public let decidedBy: String
        public let location: ReportValues.Location
        public let rule: String?
        public let via: [String]
        /// False when the opening is accepted but the replies are not (a TCP connection would not complete).
        public let repliesPass: Bool
    }

    public static func answer(_ evaluator: RulesetEvaluator, region: [PacketBox]) -> [Part] {
        let ruleset = evaluator.ruleset
        let replies = ReplyFilter(evaluator)
        func describe(_ id: RuleID) -> String {
            guard let rule = ruleset.rule(id) else { return "?" }
            return "\(rule.chain) #\(rule.number) (line \(rule.location.line)): \(rule.text)"
        }
        return evaluator.decide(region).map { d in
            let rule = d.rule.flatMap(ruleset.rule)
            let location = rule?.location ?? ruleset.chains[d.chain]?.location ?? SourceLocation(file: ruleset.file, line: 1, column: 1)
            let by = rule.map { "rule \($0.chain) #\($0.number)" } ?? "policy of chain \(d.chain)"
            let repliesPass = d.verdict == .deny || PacketSet(replies.connections(d).map(\.box)).contains(d.box)
            return Part(verdict: d.verdict.rawValue, traffic: d.box.summary, decidedBy: by, location: .init(location), rule: rule?.text,
                        via: d.trail.map(describe), repliesPass: repliesPass)
        }
    }

    public static func json(_ parts: [Part]) -> String { JSONOutput.encode(["decisions": parts]) }

    public static func text(_ parts: [Part], style: TextStyle) -> String {
        var out = ""
        for part in parts {
            let verdict = part.verdict == "accept" ? style.green("ACCEPT") : style.severity(.high, "DENY  ")
            out += "\(verdict) \(part.traffic)\n"
            out += "       decided by \(part.decidedBy) at \(part.location.file):\(part.location.line)\n"
            if let rule = part.rule { out += style.dim("       \(rule)") + "\n" }
            for hop in part.via { out += style.dim("       via \(hop)") + "\n" }
            if !part.repliesPass { out += style.severity(.medium, "       replies are dropped: a TCP connection would not complete") + "\n" }
        }
        return out.isEmpty ? "The question covers no packet.\n" : out
    }
}
