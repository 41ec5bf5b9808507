import ZonalModel

/// Reads `nft -j list ruleset` (libnftables-json(5)): tables, chains with hooks, priorities and policies, named sets, and rules
/// with their matches and verdicts. Each rule is located by the line and column of its object in the file.
public struct NftJSONReader {
    public let file: String

    public init(file: String) {
        self.file = file
    }

    public func read(_ bytes: [UInt8]) throws(FirewallReadError) -> Ruleset {
        let root: ModelNode
        do {
            root = try JSONDocumentParser.parse(bytes)
        } catch {
            throw FirewallReadError(SourceLocation(file: file, line: error.line, column: error.column), "not valid JSON: \(error.message)",
                                    hint: "write the file with 'nft -j list ruleset > FILE'")
        }
        guard let items = member(root, "nftables"), case .sequence(let objects) = items.value else {
            throw FirewallReadError(at(root), "the JSON has no 'nftables' list", hint: "this does not look like 'nft -j list ruleset' output")
        }
        var families: [String: IPAddress.Family?] = [:]
        var sets: [String: [String: [NftValue]]] = [:]
        var chains: [Chain] = []
        var chainIndex: [String: Int] = [:]
        var unsupported: [UnsupportedConstruct] = []
        var notes: [String] = []
        var skippedTables: Set<String> = []
        // Sets first: rules may name a set listed after them.
        for object in objects {
            for kind in ["set", "map"] {
                guard let set = member(object, kind) else { continue }
                let table = try tableKey(set)
                let name = string(set, "name") ?? ""
                var elements: [NftValue] = []
                if let elem = member(set, "elem"), case .sequence(let list) = elem.value {
                    for item in list { elements.append(try value(item)) }
                }
                sets[table, default: [:]][name] = elements
            }
        }
        for object in objects {
            if let table = member(object, "table") {
                let family = string(table, "family") ?? ""
                let key = "\(family) \(string(table, "name") ?? "")"
                switch family {
                case "ip": families[key] = .v4
                case "ip6": families[key] = .v6
                case "inet": families[key] = .some(nil)
                default: skippedTables.insert(key)
                }
            } else if let chain = member(object, "chain") {
                let table = try tableKey(chain)
                guard let family = families[table] else { continue }
                let name = string(chain, "name") ?? ""
                let key = "\(table) \(name)"
                let policy: RuleAction = string(chain, "policy") == "drop" ? .drop : .accept
                let prio = member(chain, "prio")?.scalarText.flatMap { Int($0) } ?? 0
                chainIndex[key] = chains.count
                chains.append(Chain(key: key, name: name, family: family, hook: string(chain, "hook"), priority: prio, policy: policy, location: at(chain)))
            } else if let rule = member(object, "rule") {
                let table = try tableKey(rule)
                guard families[table] != nil else { continue }
                let chainName = string(rule, "chain") ?? ""
                guard let c = chainIndex["\(table) \(chainName)"] else {
                    throw FirewallReadError(at(rule), "rule for chain '\(chainName)' of table '\(table)', which is not listed before it")
                }
                let number = (chains[c].rules.last?.number ?? 0) + 1
                let read = try readRule(rule, chainKey: chains[c].key, table: table, number: number, sets: sets[table] ?? [:])
                for r in read where !r.unmodeled.isEmpty && r.action != .none {
                    unsupported.append(UnsupportedConstruct(location: r.location, construct: r.unmodeled.joined(separator: "; "),
                                                            assumption: CompiledRule.assumption(for: r.action)))
                }
                chains[c].rules += read
            }
        }
        for table in skippedTables.sorted() { notes.append("table '\(table)' is not an ip, ip6 or inet table and is not evaluated") }
        for chain in chains where chain.hook != nil && chain.hook != "forward" {
            notes.append("base chain '\(chain.key)' (hook \(chain.hook!)) does not see forwarded traffic and is not evaluated")
        }
        return Ruleset(file: file, format: .nftablesJSON, chains: chains, unsupported: unsupported, notes: notes)
    }

    private func readRule(_ rule: ModelNode, chainKey: String, table: String, number: Int, sets: [String: [NftValue]]) throws(FirewallReadError) -> [FirewallRule] {
        var conditions: [RuleCondition] = []
        var unmodeled: [String] = []
        var words: [String] = []
        var action = RuleAction.none
        var vmap: (selector: NftSelector, entries: [(NftValue, RuleAction)])?
        guard let expr = member(rule, "expr"), case .sequence(let statements) = expr.value else {
            throw FirewallReadError(at(rule), "a rule without 'expr'")
        }
        for statement in statements {
            guard case .mapping(let pairs) = statement.value, let (keyNode, body) = pairs.first, let key = keyNode.scalarText else {
                throw FirewallReadError(at(statement), "a rule statement must be an object with one key")
            }
            switch key {
            case "match":
                guard let left = member(body, "left"), let right = member(body, "right") else {
                    throw FirewallReadError(at(body), "a match needs 'left' and 'right'")
                }
                let op = string(body, "op") ?? "=="
                let selector = selector(left)
                let v = try value(right)
                words.append("\(selector)\(op == "==" || op == "in" ? "" : " \(op)") \(v)")
                let (c, u) = try NftMatch.read(selector, op: op, v, sets: sets, at: at(right))
                conditions += c
                unmodeled += u
            case "accept": action = .accept; words.append("accept")
            case "drop": action = .drop; words.append("drop")
            case "reject": action = .reject; words.append("reject")
            case "return": action = .return; words.append("return")
            case "continue": words.append("continue")
            case "jump", "goto":
                guard let target = string(body, "target") else { throw FirewallReadError(at(body), "\(key) needs a 'target'") }
                action = key == "jump" ? .jump("\(table) \(target)") : .goto("\(table) \(target)")
                words.append("\(key) \(target)")
            case "counter", "log", "comment", "meta", "mangle", "ct", "notrack":
                // Statements that count, log or set metadata and let the packet go on.
                if key == "log" { words.append("log") }
            case "vmap":
                guard let keyExpr = member(body, "key"), let data = member(body, "data"), case .sequence(let entries)? = member(data, "set")?.value else {
                    unmodeled.append("verdict map")
                    continue
                }
                var parsed: [(NftValue, RuleAction)] = []
                for entry in entries {
                    guard case .sequence(let pair) = entry.value, pair.count == 2, case .mapping(let vp) = pair[1].value,
                          let verdictName = vp.first?.key.scalarText else { throw FirewallReadError(at(entry), "a verdict map entry is [key, verdict]") }
                    let verdict: RuleAction
                    switch verdictName {
                    case "accept": verdict = .accept
                    case "drop": verdict = .drop
                    case "reject": verdict = .reject
                    case "return": verdict = .return
                    case "jump", "goto":
                        let target = "\(table) \(string(vp.first!.value, "target") ?? "")"
                        verdict = verdictName == "jump" ? .jump(target) : .goto(target)
                    default: verdict = .none
                    }
                    parsed.append((try value(pair[0]), verdict))
                }
                let sel = selector(keyExpr)
                vmap = (sel, parsed)
                words.append("\(sel) vmap { \(parsed.map { "\($0.0) : \($0.1)" }.joined(separator: ", ")) }")
            default:
                unmodeled.append("statement '\(key)'")
                words.append(key)
            }
        }
        let location = at(rule)
        let comment = string(rule, "comment")
        let text = words.joined(separator: " ") + (comment.map { " comment \"\($0)\"" } ?? "")
        guard let vmap else {
            return [FirewallRule(chain: chainKey, number: number, location: location, text: text, conditions: conditions, action: action,
                                 comment: comment, unmodeled: unmodeled)]
        }
        // A verdict map is one rule per key; its keys are disjoint, so their order does not matter.
        return try vmap.entries.map { entry throws(FirewallReadError) in
            let (extra, u) = try NftMatch.read(vmap.selector, op: "==", entry.0, sets: sets, at: location)
            return FirewallRule(chain: chainKey, number: number, location: location, text: text, conditions: conditions + extra,
                                action: entry.1, comment: comment, unmodeled: unmodeled + u)
        }
    }

    private func selector(_ node: ModelNode) -> NftSelector {
        if let payload = member(node, "payload") {
            return .payload(string(payload, "protocol") ?? "?", string(payload, "field") ?? "?")
        }
        if let meta = member(node, "meta") { return .meta(string(meta, "key") ?? "?") }
        if let ct = member(node, "ct") {
            let key = string(ct, "key") ?? "?"
            return key == "state" ? .ctState : .unmodeled("ct \(key)")
        }
        if case .mapping(let pairs) = node.value, let first = pairs.first?.key.scalarText { return .unmodeled(first) }
        return .unmodeled(node.scalarText ?? "expression")
    }

    private func value(_ node: ModelNode) throws(FirewallReadError) -> NftValue {
        switch node.value {
        case .scalar(let text, .number):
            return Int(text).map(NftValue.number) ?? .text(text)
        case .scalar(let text, _):
            return text.hasPrefix("@") ? .named(String(text.dropFirst())) : .text(text)
        case .sequence(let items):
            var values: [NftValue] = []
            for item in items { values.append(try value(item)) }
            return .set(values)
        case .mapping(let pairs):
            guard let (keyNode, body) = pairs.first, let key = keyNode.scalarText else { throw FirewallReadError(at(node), "an empty object as a value") }
            switch key {
            case "prefix":
                guard let addr = string(body, "addr"), let len = member(body, "len")?.scalarText.flatMap({ Int($0) }) else {
                    throw FirewallReadError(at(body), "a prefix needs 'addr' and 'len'")
                }
                return .prefix(addr, len)
            case "range":
                guard case .sequence(let ends) = body.value, ends.count == 2 else { throw FirewallReadError(at(body), "a range has two ends") }
                return .range(try value(ends[0]), try value(ends[1]))
            case "set":
                return try value(body).asSet
            case "elem":
                guard let val = member(body, "val") else { throw FirewallReadError(at(body), "a set element needs 'val'") }
                return try value(val)
            default:
                return .text("\(key)(…)")
            }
        }
    }

    private func tableKey(_ node: ModelNode) throws(FirewallReadError) -> String {
        guard let family = string(node, "family"), let table = string(node, "table") ?? string(node, "name") else {
            throw FirewallReadError(at(node), "an object without 'family' and 'table'")
        }
        return "\(family) \(table)"
    }

    private func at(_ node: ModelNode) -> SourceLocation { SourceLocation(file: file, line: node.line, column: node.column) }
}

private func member(_ node: ModelNode, _ key: String) -> ModelNode? {
    guard case .mapping(let pairs) = node.value else { return nil }
    return pairs.first { $0.key.scalarText == key }?.value
}

private func string(_ node: ModelNode, _ key: String) -> String? {
    member(node, key)?.scalarText
}

extension NftValue {
    /// A lone value as a one-element set.
    var asSet: NftValue {
        if case .set = self { return self }
        return .set([self])
    }
}
