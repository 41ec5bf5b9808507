import ZonalModel

/// Reads the text form printed by `nft list ruleset` (nft(8)): tables, sets, chains with hooks, priorities and policies,
/// and one rule per line. Matches and values share their meaning with the JSON reader through `NftMatch`.
public struct NftTextReader {
    public let file: String

    public init(file: String) { self.file = file }

    /// Standard priority names of nft(8) for the ip, ip6 and inet families.
    static let priorities = ["raw": -300, "mangle": -150, "dstnat": -100, "filter": 0, "security": 50, "srcnat": 100]

    public func read(_ text: String) throws(FirewallReadError) -> Ruleset {
        var lexer = NftLexer(text: text, file: file)
        let statements = try lexer.statements()
        var chains: [Chain] = []
        var unsupported: [UnsupportedConstruct] = []
        var notes: [String] = []
        var sets: [String: [String: [NftValue]]] = [:]
        var i = 0
        // First the sets (rules may name a set declared after them), then everything.
        var stack: [(kind: String, name: String)] = []
        var tables: [String: IPAddress.Family?] = [:]
        var pending: [(table: String, chain: Int, statement: NftLexer.Statement)] = []
        while i < statements.count {
            let s = statements[i]
            i += 1
            let words = s.tokens.map(\.text)
            if words == ["}"] {
                guard stack.popLast() != nil else { throw FirewallReadError(s.location, "'}' closes nothing") }
                continue
            }
            let tableKey = stack.first.map { $0.name } ?? ""
            switch (stack.count, words.first) {
            case (0, "table"?):
                guard words.count >= 3, words.last == "{" else { throw FirewallReadError(s.location, "expected 'table FAMILY NAME {'") }
                let family = words.count >= 4 ? words[1] : "ip"
                let name = words.count >= 4 ? words[2] : words[1]
                let key = "\(family) \(name)"
                switch family {
                case "ip": tables[key] = .v4
                case "ip6": tables[key] = .v6
                case "inet": tables[key] = .some(nil)
                default: notes.append("table '\(key)' is not an ip, ip6 or inet table and is not evaluated")
                }
                stack.append(("table", key))
            case (0, "flush"?), (0, "define"?), (0, "add"?), (0, "include"?):
                throw FirewallReadError(s.location, "'\(words[0])' is a command of an nft script, not of 'nft list ruleset' output",
                                        hint: "load the script and give Zonal the output of 'nft list ruleset' (or 'nft -j list ruleset')")
            case (1, "chain"?):
                guard words.count == 3, words[2] == "{" else { throw FirewallReadError(s.location, "expected 'chain NAME {'") }
                stack.append(("chain", words[1]))
                if tables[tableKey] != nil {
                    chains.append(Chain(key: "\(tableKey) \(words[1])", name: words[1], family: tables[tableKey]!, location: s.location))
                }
            case (1, "set"?), (1, "map"?):
                guard words.count == 3, words[2] == "{" else { throw FirewallReadError(s.location, "expected '\(words[0]) NAME {'") }
                stack.append((words[0], words[1]))
            case (1, _):
                // Other table objects (counters, quotas, flowtables …) carry no filtering.
                if words.last == "{" { stack.append(("other", words.first ?? "")) }
            case (2, _) where stack.last?.kind == "set":
                if words.first == "elements", let open = s.tokens.firstIndex(where: { $0.text == "{" }) {
                    var cursor = NftLexer.Cursor(tokens: Array(s.tokens[open...]))
                    let value = try cursor.value(at: s.location)
                    if case .set(let items) = value { sets[tableKey, default: [:]][stack.last!.name] = items }
                }
            case (2, _) where stack.last?.kind == "chain":
                guard tables[tableKey] != nil, let c = chains.lastIndex(where: { $0.key == "\(tableKey) \(stack.last!.name)" }) else { continue }
                if words.first == "type" {
                    try header(s, into: &chains[c])
                } else if words.first == "policy" {
                    chains[c].policy = words.dropFirst().first == "drop" ? .drop : .accept
                } else {
                    pending.append((tableKey, c, s))
                }
            default:
                if words.last == "{" { stack.append(("other", words.first ?? "")) }
            }
        }
        if let open = stack.last { throw FirewallReadError(SourceLocation(file: file, line: text.split(separator: "\n", omittingEmptySubsequences: false).count, column: 1), "'\(open.kind) \(open.name)' is never closed with '}'", hint: "the file looks truncated") }
        for (table, c, statement) in pending {
            var parser = NftRuleParser(table: table, sets: sets[table] ?? [:])
            let rules = try parser.parse(statement, chain: chains[c].key, number: (chains[c].rules.last?.number ?? 0) + 1)
            for rule in rules where !rule.unmodeled.isEmpty && rule.action != .none {
                unsupported.append(UnsupportedConstruct(location: rule.location, construct: rule.unmodeled.joined(separator: "; "),
                                                        assumption: CompiledRule.assumption(for: rule.action)))
            }
            chains[c].rules += rules
        }
        for chain in chains where chain.hook != nil && chain.hook != "forward" {
            notes.append("base chain '\(chain.key)' (hook \(chain.hook!)) does not see forwarded traffic and is not evaluated")
        }
        return Ruleset(file: file, format: .nftablesText, chains: chains, unsupported: unsupported, notes: notes)
    }

    /// `type filter hook forward priority filter; policy drop;` (the lexer has split it at the semicolons).
    private func header(_ s: NftLexer.Statement, into chain: inout Chain) throws(FirewallReadError) {
        let words = s.tokens.map(\.text)
        if let h = words.firstIndex(of: "hook"), h + 1 < words.count { chain.hook = words[h + 1] }
        if let p = words.firstIndex(of: "priority"), p + 1 < words.count {
            let rest = words[(p + 1)...].joined(separator: " ").replacingOccurrences(of: " ", with: "")
            var value: Int?
            for (name, base) in NftTextReader.priorities where rest.hasPrefix(name) {
                let tail = rest.dropFirst(name.count)
                value = tail.isEmpty ? base : Int(tail).map { base + $0 }
            }
            guard let priority = value ?? Int(rest) else { throw FirewallReadError(s.location, "'\(rest)' is not a chain priority") }
            chain.priority = priority
        }
    }
}

/// The rule statements of one line of a chain.
private struct NftRuleParser {
    let table: String
    let sets: [String: [NftValue]]

    init(table: String, sets: [String: [NftValue]]) {
        self.table = table
        self.sets = sets
    }

    static let payloadProtocols: Set<String> = ["ip", "ip6", "tcp", "udp", "sctp", "udplite", "dccp", "th"]
    static let operators: Set<String> = ["==", "!=", "<", ">", "<=", ">="]

    mutating func parse(_ s: NftLexer.Statement, chain: String, number: Int) throws(FirewallReadError) -> [FirewallRule] {
        var cursor = NftLexer.Cursor(tokens: s.tokens)
        var conditions: [RuleCondition] = []
        var unmodeled: [String] = []
        var action = RuleAction.none
        var comment: String?
        var vmap: (NftSelector, [(NftValue, RuleAction)])?
        while let word = cursor.peek?.text {
            let selector: NftSelector?
            if NftRuleParser.payloadProtocols.contains(word), let field = cursor.peek(1)?.text, !["accept", "drop"].contains(field) {
                cursor.advance(2)
                selector = .payload(word, field)
            } else if word == "meta", let key = cursor.peek(1)?.text {
                cursor.advance(2)
                selector = .meta(key)
            } else if ["iifname", "oifname", "l4proto", "nfproto"].contains(word) {
                cursor.advance(1)
                selector = .meta(word)
            } else if word == "ct", let key = cursor.peek(1)?.text {
                cursor.advance(2)
                selector = key == "state" ? .ctState : .unmodeled("ct \(key)")
            } else {
                selector = nil
            }
            if let selector {
                if cursor.peek?.text == "vmap" {
                    cursor.advance(1)
                    vmap = (selector, try verdictMap(&cursor, s.location))
                    continue
                }
                var op = "=="
                if let o = cursor.peek?.text, NftRuleParser.operators.contains(o) { op = o; cursor.advance(1) }
                let value = try cursor.value(at: s.location)
                let (c, u) = try NftMatch.read(selector, op: op, value, sets: sets, at: s.location)
                conditions += c
                unmodeled += u
                continue
            }
            cursor.advance(1)
            switch word {
            case "accept": action = .accept
            case "drop": action = .drop
            case "reject":
                action = .reject
                if cursor.peek?.text == "with" { cursor.advance(3) } // reject with icmp type X / tcp reset
            case "return": action = .return
            case "continue": break
            case "jump", "goto":
                guard let target = cursor.next()?.text else { throw FirewallReadError(s.location, "'\(word)' needs a chain name") }
                action = word == "jump" ? .jump("\(table) \(target)") : .goto("\(table) \(target)")
            case "counter":
                while let w = cursor.peek?.text, ["packets", "bytes"].contains(w) { cursor.advance(2) }
            case "log":
                while let w = cursor.peek?.text, ["prefix", "level", "group", "snaplen", "queue-threshold", "flags"].contains(w) { cursor.advance(2) }
            case "comment":
                comment = cursor.next()?.text
            default:
                unmodeled.append("'\(word)'")
                // Skip the statement's arguments: everything up to the next word Zonal knows.
                while let w = cursor.peek?.text, !NftRuleParser.known(w) { cursor.advance(1) }
            }
        }
        let text = s.tokens.map { $0.quoted ? "\"\($0.text)\"" : $0.text }.joined(separator: " ")
        let base = FirewallRule(chain: chain, number: number, location: s.location, text: text, conditions: conditions, action: action,
                                comment: comment, unmodeled: unmodeled)
        guard let (selector, entries) = vmap else { return [base] }
        return try entries.map { entry throws(FirewallReadError) in
            var rule = base
            let (c, u) = try NftMatch.read(selector, op: "==", entry.0, sets: sets, at: s.location)
            rule.conditions += c
            rule.unmodeled += u
            rule.action = entry.1
            return rule
        }
    }

    static func known(_ word: String) -> Bool {
        payloadProtocols.contains(word) || ["meta", "ct", "iifname", "oifname", "l4proto", "accept", "drop", "reject", "return", "jump", "goto",
                                            "counter", "log", "comment", "continue"].contains(word)
    }

    func verdictMap(_ cursor: inout NftLexer.Cursor, _ location: SourceLocation) throws(FirewallReadError) -> [(NftValue, RuleAction)] {
        guard cursor.next()?.text == "{" else { throw FirewallReadError(location, "a verdict map is written '{ KEY : VERDICT, … }'") }
        var entries: [(NftValue, RuleAction)] = []
        while let t = cursor.peek?.text, t != "}" {
            if t == "," { cursor.advance(1); continue }
            let key = try cursor.element(at: location)
            guard cursor.next()?.text == ":" , let verdict = cursor.next()?.text else { throw FirewallReadError(location, "a verdict map entry is 'KEY : VERDICT'") }
            switch verdict {
            case "accept": entries.append((key, .accept))
            case "drop": entries.append((key, .drop))
            case "reject": entries.append((key, .reject))
            case "return": entries.append((key, .return))
            case "jump", "goto":
                let target = "\(table) \(cursor.next()?.text ?? "")"
                entries.append((key, verdict == "jump" ? .jump(target) : .goto(target)))
            default: entries.append((key, .none))
            }
        }
        cursor.advance(1)
        return entries
    }
}

/// Splits nft text into statements (lines, or parts of a line separated by ';'), joining lines while a '{ … }' value is open.
struct NftLexer {
    struct Token {
        let text: String
        let quoted: Bool
    }

    struct Statement {
        let tokens: [Token]
        let location: SourceLocation
    }

    let text: String
    let file: String

    mutating func statements() throws(FirewallReadError) -> [Statement] {
        var result: [Statement] = []
        var current: [Token] = []
        var start = 0
        // Braces of values ('{ 22, 80 }', possibly over several lines); a '{' ending a line opens a block instead.
        var valueDepth = 0
        for (i, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let tokens = try NftLexer.tokens(rawLine, line: i + 1, file: file)
            if current.isEmpty { start = i + 1 }
            for (j, token) in tokens.enumerated() where !token.quoted {
                if token.text == "{" && j < tokens.count - 1 { valueDepth += 1 }
                if token.text == "}" && valueDepth > 0 { valueDepth -= 1 }
            }
            current += tokens
            if valueDepth > 0 { continue }
            var part: [Token] = []
            for token in current + [Token(text: ";", quoted: false)] {
                if token.text == ";" && !token.quoted {
                    if !part.isEmpty { result.append(Statement(tokens: part, location: SourceLocation(file: file, line: start, column: 1))) }
                    part = []
                } else {
                    part.append(token)
                }
            }
            current = []
        }
        return result
    }

    /// The words of one line: quoted strings whole, braces, commas, semicolons and verdict-map colons apart, comments dropped.
    static func tokens(_ line: Substring, line number: Int, file: String) throws(FirewallReadError) -> [Token] {
        var tokens: [Token] = []
        var word = ""
        var quoted = false
        var inQuote = false
        var column = 0
        func flush() {
            if !word.isEmpty || quoted { tokens.append(Token(text: word, quoted: quoted)) }
            word = ""
            quoted = false
        }
        for ch in line {
            column += 1
            if inQuote {
                if ch == "\"" { inQuote = false } else { word.append(ch) }
                continue
            }
            if ch == "#" { break }
            switch ch {
            case "\"": inQuote = true; quoted = true
            case " ", "\t", "\r": flush()
            case ":" where !word.isEmpty: word.append(ch) // inside an IPv6 address
            case "{", "}", ",", ";", ":":
                flush()
                tokens.append(Token(text: String(ch), quoted: false))
            default: word.append(ch)
            }
        }
        if inQuote { throw FirewallReadError(SourceLocation(file: file, line: number, column: column), "a quote opened on this line is never closed") }
        flush()
        return tokens
    }

    /// Walks the tokens of one statement.
    struct Cursor {
        let tokens: [Token]
        var index = 0

        var peek: Token? { index < tokens.count ? tokens[index] : nil }
        func peek(_ n: Int) -> Token? { index + n < tokens.count ? tokens[index + n] : nil }
        mutating func advance(_ n: Int) { index = min(tokens.count, index + n) }
        mutating func next() -> Token? { defer { index += 1 }; return peek }

        /// A value: `{ a, b-c }`, `@set`, or one element; ct states may be a comma list without braces.
        mutating func value(at location: SourceLocation) throws(FirewallReadError) -> NftValue {
            guard let t = peek else { throw FirewallReadError(location, "a match without a value") }
            if t.text == "{" && !t.quoted {
                advance(1)
                var items: [NftValue] = []
                while let u = peek, u.text != "}" {
                    if u.text == "," { advance(1); continue }
                    items.append(try element(at: location))
                }
                advance(1)
                return .set(items)
            }
            let first = try element(at: location)
            var items = [first]
            while peek?.text == ",", let after = peek(1), after.text != "{" {
                advance(1)
                items.append(try element(at: location))
            }
            return items.count == 1 ? first : .set(items)
        }

        mutating func element(at location: SourceLocation) throws(FirewallReadError) -> NftValue {
            guard let t = next() else { throw FirewallReadError(location, "a value is missing") }
            if t.quoted { return .text(t.text) }
            if t.text.hasPrefix("@") { return .named(String(t.text.dropFirst())) }
            if let n = Int(t.text) { return .number(n) }
            if let dash = t.text.firstIndex(of: "-"), t.text.first != "-" {
                let a = String(t.text[..<dash]), b = String(t.text[t.text.index(after: dash)...])
                if let x = Int(a), let y = Int(b) { return .range(.number(x), .number(y)) }
                if IPAddress(a) != nil, IPAddress(b) != nil { return .range(.text(a), .text(b)) }
            }
            return .text(t.text)
        }
    }
}
