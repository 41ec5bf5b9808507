import Yams

/// Writes threat scenarios as a `threat-scenarios:` YAML fragment for a model file, quoting through Yams so any text survives the round trip.
public enum ScenarioYAML {
    public static func fragment(_ scenarios: [ThreatScenario], criteria: RiskCriteria = .default, comment: String? = nil) throws -> String {
        // Text that would read back as a number, boolean or null ("null", "yes", "3") is quoted.
        func text(_ s: String) -> Node {
            Resolver.default.resolveTag(of: Node(s)) == .str ? Node(s, Tag(.str)) : Node(s, Tag(.str), .singleQuoted)
        }
        func list(_ items: [String]) -> Node { Node(items.map(text), Tag(.seq), .flow) }
        let items: [Node] = scenarios.map { s in
            var pairs: [(Node, Node)] = [(text("id"), text(s.id))]
            if let name = s.name { pairs.append((text("name"), text(name))) }
            pairs += [
                (text("source"), text(s.source)),
                (text("attacker"), text(s.attacker.rawValue)),
                (text("entry"), text(s.entry)),
                (text("targets"), list(s.targets)),
            ]
            if !s.vulnerabilities.isEmpty { pairs.append((text("vulnerabilities"), list(s.vulnerabilities))) }
            if s.frs.count != 7 { pairs.append((text("frs"), list(s.frs.map(\.abbreviation)))) }
            let consequences = criteria.categories.compactMap { c in s.consequences[c].map { (text(c), text(criteria.consequenceName($0))) } }
            pairs.append((text("consequences"), Node(consequences, Tag(.map), .flow)))
            pairs.append((text("likelihood"), text(criteria.likelihoodName(s.likelihood))))
            if let description = s.description { pairs.append((text("description"), text(description))) }
            return Node(pairs, Tag(.map), .block)
        }
        let root = Node([(text("threat-scenarios"), Node(items, Tag(.seq), .block))], Tag(.map), .block)
        let body = try Yams.serialize(node: root, width: 120, allowUnicode: true)
        return (comment.map { "# \($0)\n" } ?? "") + body
    }
}
