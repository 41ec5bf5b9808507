import IEC62443

/// Decoding of the risk assessment sections: `risk-criteria`, `threat-scenarios` and countermeasures' `mitigates`.
extension ModelDecoder {
    mutating func decodeRiskCriteria(_ node: ModelNode) -> RiskCriteria? {
        guard let m = MappingReader(node, subject: "risk-criteria", keys: ModelKeys.riskCriteria, log: &log) else { return nil }
        let defaults = RiskCriteria.default
        var criteria = defaults
        var valid = true
        if let likelihood = decodeScale(m, "likelihood") { criteria.likelihood = likelihood } else if m.has("likelihood") { valid = false }
        if let consequence = decodeScale(m, "consequence") { criteria.consequence = consequence } else if m.has("consequence") { valid = false }
        if let items = m.stringList("categories", log: &log) {
            if items.isEmpty, let value = m.value("categories") {
                log.error(value, "'categories' of risk-criteria is empty", hint: "list the categories consequences are judged in, e.g. [health-and-safety, environment, production]")
                valid = false
            } else {
                criteria.categories = uniqueNames(items, what: "category")
            }
        }
        if let items = m.stringList("risk-levels", log: &log) {
            if items.count < 2, let value = m.value("risk-levels") {
                log.error(value, "'risk-levels' of risk-criteria needs at least two levels, lowest first", hint: "e.g. [low, medium, high, very-high]")
                valid = false
            } else {
                criteria.riskLevels = uniqueNames(items, what: "risk level")
            }
        }
        if let rows = m.list("matrix", log: &log), let matrixNode = m.value("matrix") {
            if let matrix = decodeMatrix(rows, at: matrixNode, criteria: criteria) { criteria.matrix = matrix } else { valid = false }
        } else if criteria.likelihood.count != defaults.likelihood.count || criteria.consequence.count != defaults.consequence.count
                    || criteria.riskLevels != defaults.riskLevels {
            log.error(node, "risk-criteria changes the scales or risk levels but gives no 'matrix'",
                      hint: "add 'matrix:' with one row per likelihood level (lowest first), each naming a risk level per consequence level")
            valid = false
        }
        if let text = m.string("tolerable", log: &log), let value = m.value("tolerable") {
            if let index = criteria.riskLevels.firstIndex(where: { $0.lowercased() == text.lowercased() }) {
                criteria.tolerable = index
            } else {
                log.error(value, "tolerable risk '\(text)' is not one of the risk levels \(criteria.riskLevels.joined(separator: ", "))",
                          hint: Suggestion.hint(for: text, in: criteria.riskLevels) ?? "name the highest risk level the owner accepts")
                valid = false
            }
        } else if criteria.riskLevels != defaults.riskLevels {
            log.error(node, "risk-criteria defines its own risk levels but no 'tolerable' level", hint: "add 'tolerable: LEVEL', the highest risk level the owner accepts")
            valid = false
        }
        if let credit = m.int("sl-credit", in: 0...(criteria.likelihood.count - 1), log: &log) { criteria.slCredit = credit }
        if valid { warnIfNotMonotonic(criteria, at: m.value("matrix") ?? node) }
        return valid ? criteria : nil
    }

    /// A scale: a list of level names, or of `{name, description}` mappings, lowest first.
    private mutating func decodeScale(_ m: MappingReader, _ key: String) -> [ScaleLevel]? {
        guard let items = m.list(key, log: &log), let value = m.value(key) else { return nil }
        var levels: [ScaleLevel] = []
        for item in items {
            if case .mapping = item.value {
                guard let l = MappingReader(item, subject: "a level of the \(key) scale", keys: ModelKeys.scaleLevel, log: &log),
                      let name = l.string("name", required: true, log: &log) else { return nil }
                levels.append(ScaleLevel(name: name, description: l.string("description", log: &log)))
            } else if let name = item.scalarText, !item.isNull {
                levels.append(ScaleLevel(name: name))
            } else {
                log.error(item, "each level of the \(key) scale is a name or a mapping with 'name' and 'description', found \(item.typeName)")
                return nil
            }
        }
        guard levels.count >= 2 else {
            log.error(value, "the \(key) scale needs at least two levels, lowest first", hint: "e.g. [rare, unlikely, possible, likely, almost-certain]")
            return nil
        }
        let names = levels.map { $0.name.lowercased() }
        if Set(names).count != names.count {
            log.error(value, "the \(key) scale names a level twice", hint: "give each level its own name")
            return nil
        }
        return levels
    }

    private mutating func uniqueNames(_ items: [(String, ModelNode)], what: String) -> [String] {
        var names: [String] = []
        for (name, item) in items {
            if names.contains(where: { $0.lowercased() == name.lowercased() }) {
                log.error(item, "\(what) '\(name)' is listed twice", hint: "keep one of them")
            } else {
                names.append(name)
            }
        }
        return names
    }

    private mutating func decodeMatrix(_ rows: [ModelNode], at node: ModelNode, criteria: RiskCriteria) -> [[Int]]? {
        guard rows.count == criteria.likelihood.count else {
            log.error(node, "the matrix has \(rows.count) row(s) but the likelihood scale has \(criteria.likelihood.count) levels",
                      hint: "write one row per likelihood level, lowest ('\(criteria.likelihood[0].name)') first")
            return nil
        }
        var matrix: [[Int]] = []
        var valid = true
        for (r, row) in rows.enumerated() {
            guard case .sequence(let cells) = row.value else {
                log.error(row, "row \(r + 1) of the matrix (likelihood '\(criteria.likelihood[r].name)') must be a list of risk levels, found \(row.typeName)")
                valid = false
                continue
            }
            guard cells.count == criteria.consequence.count else {
                log.error(row, "row \(r + 1) of the matrix (likelihood '\(criteria.likelihood[r].name)') has \(cells.count) cell(s) but the consequence scale has \(criteria.consequence.count) levels",
                          hint: "write one risk level per consequence level, lowest ('\(criteria.consequence[0].name)') first")
                valid = false
                continue
            }
            var values: [Int] = []
            for cell in cells {
                let text = cell.scalarText ?? ""
                if let index = criteria.riskLevels.firstIndex(where: { $0.lowercased() == text.lowercased() }) {
                    values.append(index)
                } else {
                    log.error(cell, "'\(text)' in the matrix is not a risk level (\(criteria.riskLevels.joined(separator: ", ")))",
                              hint: Suggestion.hint(for: text, in: criteria.riskLevels) ?? "declare it in 'risk-levels' or use one of those")
                    valid = false
                }
            }
            matrix.append(values)
        }
        return valid ? matrix : nil
    }

    /// A matrix whose risk falls as likelihood or consequence rises is almost always a typing error.
    private mutating func warnIfNotMonotonic(_ c: RiskCriteria, at node: ModelNode) {
        for l in 0..<c.matrix.count {
            for k in 0..<c.matrix[l].count {
                let lowerRow = l > 0 && c.matrix[l][k] < c.matrix[l - 1][k]
                let lowerColumn = k > 0 && c.matrix[l][k] < c.matrix[l][k - 1]
                if lowerRow || lowerColumn {
                    log.warning(at: log.location(of: node),
                                "the matrix cell (likelihood '\(c.likelihood[l].name)', consequence '\(c.consequence[k].name)') is '\(c.riskLevels[c.matrix[l][k]])', lower than a cell with less \(lowerRow ? "likelihood" : "consequence")",
                                hint: "risk should not fall as likelihood or consequence rises; check the row order (lowest likelihood first)")
                    return
                }
            }
        }
    }

    /// A level of a scale, by 1-based number or by name.
    private mutating func scaleLevel(_ node: ModelNode, in scale: [ScaleLevel], scaleName: String, owner: String) -> Int? {
        switch ScaleLookup.level(node.scalarText ?? "", in: scale, scaleName: scaleName) {
        case .success(let level): return level
        case .failure(let problem):
            log.error(node, "\(problem.message) for \(owner)", hint: problem.hint)
            return nil
        }
    }

    mutating func decodeThreatScenario(_ node: ModelNode) -> ThreatScenario? {
        guard let m = MappingReader(node, subject: subject("threat scenario", node), keys: ModelKeys.threatScenario, log: &log) else { return nil }
        let id = m.string("id", required: true, log: &log)
        let source = m.string("source", required: true, log: &log)
        let attacker = m.choice("attacker", AttackerProfile.self, required: true, log: &log)
        let entry = m.string("entry", required: true, log: &log)
        refer(entry, .zoneOrConduit, at: m.value("entry"), "entry of threat scenario '\(id ?? "?")'")
        let targetItems = m.stringList("targets", log: &log) ?? []
        for (zone, item) in targetItems { refer(zone, .zone, at: item, "target of threat scenario '\(id ?? "?")'") }
        if targetItems.isEmpty {
            log.error(m.value("targets") ?? node, "\(m.subject) needs 'targets', the zones whose compromise brings the consequences")
        }
        var likelihood: Int?
        if let value = m.value("likelihood") {
            likelihood = scaleLevel(value, in: criteria.likelihood, scaleName: "likelihood", owner: m.subject)
        } else {
            log.error(node, "\(m.subject) needs 'likelihood', its unmitigated likelihood", hint: "a level of the likelihood scale: \(criteria.likelihood.map(\.name).joined(separator: ", "))")
        }
        var consequences: [String: Int] = [:]
        if let value = m.value("consequences") {
            if case .mapping(let pairs) = value.value, !pairs.isEmpty {
                for (key, level) in pairs {
                    let category = key.scalarText ?? ""
                    guard let known = criteria.categories.first(where: { $0.lowercased() == category.lowercased() }) else {
                        log.error(key, "'\(category)' is not a consequence category of this model",
                                  hint: Suggestion.hint(for: category, in: criteria.categories) ?? "categories: \(criteria.categories.joined(separator: ", "))")
                        continue
                    }
                    if let n = scaleLevel(level, in: criteria.consequence, scaleName: "consequence", owner: "\(m.subject) in '\(known)'") {
                        consequences[known] = n
                    }
                }
            } else {
                log.error(value, "'consequences' of \(m.subject) maps consequence categories to levels, found \(value.typeName)",
                          hint: "e.g. 'consequences: {health-and-safety: catastrophic, production: major}'")
            }
        } else {
            log.error(node, "\(m.subject) needs 'consequences', its worst-case consequence per category",
                      hint: "e.g. 'consequences: {health-and-safety: catastrophic, production: major}'")
        }
        var frs = FoundationalRequirement.allCases
        if let items = m.stringList("frs", log: &log) {
            frs = []
            for (text, item) in items {
                if let fr = FoundationalRequirement(parsing: text) {
                    if !frs.contains(fr) { frs.append(fr) }
                } else {
                    log.error(item, "'\(text)' is not a foundational requirement", hint: "use IAC, UC, SI, DC, RDF, TRE or RA")
                }
            }
            frs.sort()
        }
        guard let id, let attacker, let entry, let likelihood, !consequences.isEmpty else { return nil }
        return ThreatScenario(id: id, name: m.string("name", log: &log), source: source ?? "", attacker: attacker, entry: entry,
                              targets: targetItems.map(\.0), vulnerabilities: (m.stringList("vulnerabilities", log: &log) ?? []).map(\.0),
                              consequences: consequences, likelihood: likelihood, frs: frs, description: m.string("description", log: &log),
                              location: log.location(of: node))
    }

    /// `mitigates`: scenario ids (lowering likelihood one level) or `{scenario, lowers, by, categories}` mappings.
    mutating func decodeMitigations(_ items: [ModelNode], owner: String) -> [ScenarioMitigation] {
        var result: [ScenarioMitigation] = []
        for item in items {
            if case .mapping = item.value {
                guard let m = MappingReader(item, subject: "a mitigation of \(owner)", keys: ModelKeys.mitigation, log: &log),
                      let scenario = m.string("scenario", required: true, log: &log) else { continue }
                refer(scenario, .scenario, at: m.value("scenario"), "scenario mitigated by \(owner)")
                let lowers = m.choice("lowers", ScenarioMitigation.Effect.self, log: &log) ?? .likelihood
                let scale = lowers == .likelihood ? criteria.likelihood : criteria.consequence
                let by = m.int("by", in: 1...(scale.count - 1), log: &log) ?? 1
                var categories: [String] = []
                for (text, node) in m.stringList("categories", log: &log) ?? [] {
                    if let known = criteria.categories.first(where: { $0.lowercased() == text.lowercased() }) {
                        categories.append(known)
                    } else {
                        log.error(node, "'\(text)' is not a consequence category of this model",
                                  hint: Suggestion.hint(for: text, in: criteria.categories) ?? "categories: \(criteria.categories.joined(separator: ", "))")
                    }
                }
                if !categories.isEmpty, lowers == .likelihood, let value = m.value("categories") {
                    log.error(value, "a mitigation that lowers likelihood lowers it for the whole scenario; 'categories' apply to consequence only",
                              hint: "write 'lowers: consequence' or remove 'categories'")
                }
                result.append(ScenarioMitigation(scenario: scenario, lowers: lowers, by: by, categories: categories, location: log.location(of: item)))
            } else if let scenario = item.scalarText, !item.isNull {
                refer(scenario, .scenario, at: item, "scenario mitigated by \(owner)")
                result.append(ScenarioMitigation(scenario: scenario, location: log.location(of: item)))
            } else {
                log.error(item, "each item of 'mitigates' of \(owner) is a scenario id or a mapping with 'scenario', 'lowers' and 'by'")
            }
        }
        return result
    }
}
