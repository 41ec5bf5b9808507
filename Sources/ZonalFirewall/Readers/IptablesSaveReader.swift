import ZonalModel

/// Reads the output of `iptables-save` / `ip6tables-save`: the filter table's chains, policies and rules, each rule with its line.
///
/// Options are those of iptables(8) and iptables-extensions(8) as `iptables-save` prints them. Matches Zonal cannot model
/// (rate limits, marks, ICMP types, TCP flags, ipsets) are kept as unmodelled conditions and reported with their line.
public struct IptablesSaveReader {
    public let file: String
    /// The family when the caller knows it; otherwise told from the header line or the addresses.
    public let family: IPAddress.Family?

    public init(file: String, family: IPAddress.Family? = nil) {
        self.file = file
        self.family = family
    }

    private static let builtInChains = ["INPUT", "FORWARD", "OUTPUT"]

    public func read(_ text: String) throws(FirewallReadError) -> Ruleset {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let family = self.family ?? IptablesSaveReader.detectFamily(text)
        var chains: [String: Chain] = [:]
        var order: [String] = []
        var unsupported: [UnsupportedConstruct] = []
        var notes: [String] = []
        var table: String?
        var otherTableRules: [String: Int] = [:]
        var sawFilter = false
        for (i, rawLine) in lines.enumerated() {
            let lineNumber = i + 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            let here = SourceLocation(file: file, line: lineNumber, column: 1)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("*") {
                guard table == nil else {
                    throw FirewallReadError(here, "table '\(trimmed.dropFirst())' starts before table '\(table!)' was committed", hint: "end each table with a COMMIT line")
                }
                table = String(trimmed.dropFirst())
                if table == "filter" { sawFilter = true }
                continue
            }
            guard let current = table else {
                throw FirewallReadError(here, "'\(trimmed.prefix(40))' is outside any table", hint: "this does not look like iptables-save output; a table starts with a line like '*filter'")
            }
            if trimmed == "COMMIT" { table = nil; continue }
            if trimmed.hasPrefix(":") {
                let parts = trimmed.dropFirst().split(separator: " ")
                guard parts.count >= 2 else { throw FirewallReadError(here, "a chain line needs a name and a policy, e.g. ':FORWARD DROP [0:0]'") }
                guard current == "filter" else { continue }
                let name = String(parts[0])
                let policyText = parts[1].uppercased()
                let builtIn = IptablesSaveReader.builtInChains.contains(name)
                var policy = RuleAction.accept
                if builtIn {
                    switch policyText {
                    case "ACCEPT": policy = .accept
                    case "DROP": policy = .drop
                    default:
                        throw FirewallReadError(SourceLocation(file: file, line: lineNumber, column: name.count + 3),
                                                "'\(policyText)' is not a chain policy", hint: "a built-in chain's policy is ACCEPT or DROP")
                    }
                }
                if chains[name] == nil { order.append(name) }
                chains[name] = Chain(key: name, name: name, family: family, hook: builtIn ? name.lowercased() : nil, policy: policy, location: here)
                continue
            }
            var body = trimmed
            // `iptables-save -c` puts the counters first: "[12:3456] -A FORWARD ...".
            if body.hasPrefix("["), let close = body.firstIndex(of: "]") { body = body[body.index(after: close)...].drop { $0 == " " } }
            guard body.hasPrefix("-A ") || body.hasPrefix("--append ") else {
                throw FirewallReadError(here, "unexpected line '\(trimmed.prefix(60))'", hint: "iptables-save output has table (*filter), chain (:NAME POLICY), rule (-A ...) and COMMIT lines")
            }
            if current != "filter" { otherTableRules[current, default: 0] += 1; continue }
            let columnOffset = line.count - body.count
            let tokens: [CommandLineTokens.Token]
            switch CommandLineTokens.split(body) {
            case .success(let t): tokens = t
            case .failure(let open):
                throw FirewallReadError(SourceLocation(file: file, line: lineNumber, column: open.column + columnOffset), "a quote opened here is never closed")
            }
            guard tokens.count >= 2 else { throw FirewallReadError(here, "'-A' needs a chain name") }
            let chainName = tokens[1].text
            guard var chain = chains[chainName] else {
                throw FirewallReadError(SourceLocation(file: file, line: lineNumber, column: tokens[1].column + columnOffset),
                                        "rule for chain '\(chainName)', which is not declared", hint: "declare it with ':\(chainName) - [0:0]' before its rules")
            }
            var parser = RuleParser(file: file, line: lineNumber, columnOffset: columnOffset, family: family)
            let rule = try parser.parse(Array(tokens.dropFirst(2)), chain: chainName, number: chain.rules.count + 1, text: String(body))
            if !rule.unmodeled.isEmpty, rule.action != .none {
                unsupported.append(UnsupportedConstruct(location: rule.location, construct: rule.unmodeled.joined(separator: "; "),
                                                        assumption: CompiledRule.assumption(for: rule.action)))
            }
            unsupported += parser.unsupported
            chain.rules.append(rule)
            chains[chainName] = chain
        }
        for key in order {
            guard var chain = chains[key] else { continue }
            for (r, rule) in chain.rules.enumerated() {
                guard case .jump(let target) = rule.action, chains[target] == nil else {
                    if case .goto(let target) = rule.action, chains[target] == nil {
                        throw FirewallReadError(rule.location, "rule \(rule.number) of \(key) goes to chain '\(target)', which is not declared")
                    }
                    continue
                }
                guard target == target.uppercased() else {
                    throw FirewallReadError(rule.location, "rule \(rule.number) of \(key) jumps to chain '\(target)', which is not declared",
                                            hint: "declare it with ':\(target) - [0:0]'")
                }
                // An extension target Zonal does not know (NFQUEUE, TARPIT …): its verdict is unknown.
                chain.rules[r].action = .none
                chain.rules[r].unmodeled.append("target \(target)")
                unsupported.append(UnsupportedConstruct(location: rule.location, construct: "target \(target)",
                                                        assumption: "the target's verdict is unknown; packets are assumed to continue to the next rule"))
            }
            chains[key] = chain
        }
        if let table {
            throw FirewallReadError(SourceLocation(file: file, line: lines.count, column: 1), "table '\(table)' is never committed",
                                    hint: "the file looks truncated; iptables-save ends each table with COMMIT")
        }
        if !sawFilter { notes.append("the file has no filter table, so it filters nothing") }
        for (name, count) in otherTableRules.sorted(by: { $0.key < $1.key }) {
            let what = name == "nat" ? " (address translation is not modelled: addresses are analysed as the filter table sees them)" : ""
            notes.append("table '\(name)' has \(count) rule(s) that the analysis does not evaluate\(what)")
        }
        return Ruleset(file: file, format: .iptablesSave, chains: order.compactMap { chains[$0] }, unsupported: unsupported, notes: notes)
    }

    /// IPv6 when the header says ip6tables-save or the rules use IPv6 addresses.
    static func detectFamily(_ text: String) -> IPAddress.Family {
        if text.contains("ip6tables-save") { return .v6 }
        for line in text.split(separator: "\n").prefix(2000) where line.hasPrefix("-A") {
            for word in line.split(separator: " ") where word.contains(":") && IPAddress(word.split(separator: "/")[0]) != nil { return .v6 }
        }
        return .v4
    }
}

/// Parses the options of one `-A` line into conditions and an action.
private struct RuleParser {
    let file: String
    let line: Int
    let columnOffset: Int
    let family: IPAddress.Family
    var unsupported: [UnsupportedConstruct] = []

    init(file: String, line: Int, columnOffset: Int, family: IPAddress.Family) {
        self.file = file
        self.line = line
        self.columnOffset = columnOffset
        self.family = family
    }

    func at(_ token: CommandLineTokens.Token) -> SourceLocation {
        SourceLocation(file: file, line: line, column: token.column + columnOffset)
    }

    mutating func parse(_ tokens: [CommandLineTokens.Token], chain: String, number: Int, text: String) throws(FirewallReadError) -> FirewallRule {
        var conditions: [RuleCondition] = []
        var unmodeled: [String] = []
        var action = RuleAction.none
        var comment: String?
        var negate = false
        var i = 0
        func value(_ option: CommandLineTokens.Token) throws(FirewallReadError) -> CommandLineTokens.Token {
            i += 1
            guard i < tokens.count else { throw FirewallReadError(at(option), "'\(option.text)' needs a value") }
            return tokens[i]
        }
        while i < tokens.count {
            let token = tokens[i]
            let negated = negate
            negate = false
            switch token.text {
            case "!":
                negate = true
            case "-s", "--source", "--src", "-d", "--destination", "--dst":
                let v = try value(token)
                let ranges = try addresses(v)
                conditions.append(.addresses(token.text.hasPrefix("-s") || token.text.hasPrefix("--s") ? .source : .destination, ranges, negated: negated))
            case "--src-range", "--dst-range":
                let v = try value(token)
                guard let range = AddressRange.parse(v.text), v.text.contains("-") else {
                    throw FirewallReadError(at(v), "'\(v.text)' is not an address range", hint: "write it as FIRST-LAST, e.g. 10.1.0.1-10.1.0.9")
                }
                conditions.append(.addresses(token.text == "--src-range" ? .source : .destination, [range], negated: negated))
            case "-p", "--protocol":
                let v = try value(token)
                if v.text.lowercased() == "all" || v.text == "0" {
                    if negated { conditions.append(.values(.proto, [], negated: false)) }
                } else if let n = ProtocolNumbers.number(v.text) {
                    conditions.append(.values(.proto, [n...n], negated: negated))
                } else {
                    throw FirewallReadError(at(v), "'\(v.text)' is not a protocol name or number", hint: "use a name from /etc/protocols (tcp, udp, icmp, …) or a number 0-255")
                }
            case "-i", "--in-interface", "-o", "--out-interface":
                let v = try value(token)
                conditions.append(.interfaces(token.text.hasPrefix("-i") || token.text.hasPrefix("--in") ? .inInterface : .outInterface, [v.text], negated: negated))
            case "-m", "--match":
                _ = try value(token)
            case "--sport", "--source-port", "--dport", "--destination-port":
                let v = try value(token)
                let d: Dimension = token.text.hasPrefix("--s") ? .sourcePort : .destinationPort
                conditions.append(.values(d, [try port(v)], negated: negated))
            case "--sports", "--source-ports", "--dports", "--destination-ports":
                let v = try value(token)
                let d: Dimension = token.text.hasPrefix("--s") ? .sourcePort : .destinationPort
                var ranges: [ClosedRange<Int>] = []
                for part in v.text.split(separator: ",") {
                    ranges.append(try port(CommandLineTokens.Token(text: String(part), column: v.column)))
                }
                conditions.append(.values(d, ranges, negated: negated))
            case "--ctstate", "--state":
                let v = try value(token)
                var states: Set<ConnectionState> = []
                for name in v.text.split(separator: ",") {
                    if name.uppercased() == "SNAT" || name.uppercased() == "DNAT" {
                        unmodeled.append("conntrack state \(name)")
                        continue
                    }
                    guard let s = ConnectionState(name: String(name)) else {
                        throw FirewallReadError(at(v), "'\(name)' is not a connection-tracking state", hint: "use NEW, ESTABLISHED, RELATED, INVALID or UNTRACKED")
                    }
                    states.insert(s)
                }
                conditions.append(.states(negated ? Set(ConnectionState.allCases).subtracting(states) : states))
            case "--comment":
                comment = try value(token).text
            case "-j", "--jump", "-g", "--goto":
                let v = try value(token)
                let isGoto = token.text == "-g" || token.text == "--goto"
                switch v.text {
                case "ACCEPT": action = .accept
                case "DROP": action = .drop
                case "REJECT": action = .reject
                case "RETURN": action = .return
                default:
                    // Extension targets that only log or mark let the packet continue; anything else is a chain (checked once all are known).
                    action = RuleParser.continuingTargets.contains(v.text) ? .none : (isGoto ? .goto(v.text) : .jump(v.text))
                }
                // Target options (--reject-with, --log-prefix …) run to the end of the line.
                i = tokens.count
                continue
            case "-f", "--fragment":
                unmodeled.append(negated ? "not a fragment" : "fragments only")
            case "--tcp-flags":
                let mask = try value(token)
                let set = try value(mask)
                unmodeled.append("TCP flags \(mask.text) \(set.text)")
            case "--syn":
                unmodeled.append("TCP SYN flag")
            default:
                if token.text.hasPrefix("-") {
                    // An option of a match Zonal does not model: take its values along.
                    var words = [token.text]
                    while i + 1 < tokens.count, !tokens[i + 1].text.hasPrefix("-"), tokens[i + 1].text != "!" {
                        i += 1
                        words.append(tokens[i].text)
                    }
                    unmodeled.append((negated ? "! " : "") + words.joined(separator: " "))
                } else {
                    throw FirewallReadError(at(token), "unexpected word '\(token.text)'", hint: "each value follows its option, e.g. '-p tcp' or '--dport 502'")
                }
            }
            i += 1
        }
        return FirewallRule(chain: chain, number: number, location: SourceLocation(file: file, line: line, column: 1), text: text,
                            conditions: conditions, action: action, comment: comment, unmodeled: unmodeled)
    }

    static let continuingTargets: Set<String> = ["LOG", "NFLOG", "ULOG", "MARK", "CONNMARK", "CT", "TCPMSS", "DSCP", "TOS", "TTL", "HL",
                                                 "CLASSIFY", "AUDIT", "CHECKSUM", "SET", "TRACE", "SECMARK", "CONNSECMARK", "IDLETIMER", "LED"]

    func addresses(_ token: CommandLineTokens.Token) throws(FirewallReadError) -> [AddressRange] {
        var ranges: [AddressRange] = []
        for part in token.text.split(separator: ",") {
            guard let range = AddressRange.parse(part), !part.contains("-") else {
                throw FirewallReadError(at(token), "'\(part)' is not an address or network", hint: "write e.g. 10.1.0.0/24 or 10.1.0.7 (host names are not resolved)")
            }
            ranges.append(range)
        }
        return ranges
    }

    func port(_ token: CommandLineTokens.Token) throws(FirewallReadError) -> ClosedRange<Int> {
        let text = token.text
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        func number(_ s: Substring, default d: Int) -> Int? { s.isEmpty ? d : Int(s).flatMap { (0...65535).contains($0) ? $0 : nil } }
        if parts.count == 1, let n = number(parts[0], default: -1), n >= 0 { return n...n }
        if parts.count == 2, let a = number(parts[0], default: 0), let b = number(parts[1], default: 65535), a <= b { return a...b }
        throw FirewallReadError(at(token), "'\(text)' is not a port or port range", hint: "write a number 0-65535 or FIRST:LAST (service names are not resolved)")
    }
}
