import ZonalModel

/// The left side of an nftables match: what a rule compares. Shared by the JSON and text readers.
enum NftSelector: Hashable, CustomStringConvertible {
    case address(Dimension, IPAddress.Family)
    case port(Dimension, protocols: [Int], keyword: String)
    case l4proto(keyword: String, family: IPAddress.Family?)
    case nfproto
    case interface(Dimension, keyword: String)
    case ctState
    case unmodeled(String)

    /// The selector for `payload PROTOCOL FIELD` (`ip saddr`, `tcp dport`, `th sport`, `ip protocol`, `ip6 nexthdr`).
    static func payload(_ proto: String, _ field: String) -> NftSelector {
        switch (proto, field) {
        case ("ip", "saddr"): .address(.source, .v4)
        case ("ip", "daddr"): .address(.destination, .v4)
        case ("ip6", "saddr"): .address(.source, .v6)
        case ("ip6", "daddr"): .address(.destination, .v6)
        case ("ip", "protocol"): .l4proto(keyword: "ip protocol", family: .v4)
        case ("ip6", "nexthdr"): .l4proto(keyword: "ip6 nexthdr", family: .v6)
        case ("tcp", "sport"), ("tcp", "dport"), ("udp", "sport"), ("udp", "dport"), ("sctp", "sport"), ("sctp", "dport"),
             ("udplite", "sport"), ("udplite", "dport"), ("dccp", "sport"), ("dccp", "dport"), ("th", "sport"), ("th", "dport"):
            .port(field == "sport" ? .sourcePort : .destinationPort,
                  protocols: proto == "th" ? ProtocolNumbers.withPorts : [ProtocolNumbers.number(proto)!], keyword: "\(proto) \(field)")
        default: .unmodeled("\(proto) \(field)")
        }
    }

    /// The selector for `meta KEY` (and the bare `iifname`, `l4proto` … of the text form).
    static func meta(_ key: String) -> NftSelector {
        switch key {
        case "iifname": .interface(.inInterface, keyword: "iifname")
        case "oifname": .interface(.outInterface, keyword: "oifname")
        case "l4proto": .l4proto(keyword: "meta l4proto", family: nil)
        case "nfproto": .nfproto
        default: .unmodeled("meta \(key)")
        }
    }

    var description: String {
        switch self {
        case .address(let d, let f): "\(f == .v4 ? "ip" : "ip6") \(d == .source ? "saddr" : "daddr")"
        case .port(_, _, let keyword), .l4proto(let keyword, _), .interface(_, let keyword): keyword
        case .nfproto: "meta nfproto"
        case .ctState: "ct state"
        case .unmodeled(let text): text
        }
    }
}

/// A value on the right of an nftables match.
indirect enum NftValue: Hashable, CustomStringConvertible {
    case text(String)
    case number(Int)
    case prefix(String, Int)
    case range(NftValue, NftValue)
    case set([NftValue])
    case named(String)

    var description: String {
        switch self {
        case .text(let t): t
        case .number(let n): String(n)
        case .prefix(let a, let l): "\(a)/\(l)"
        case .range(let a, let b): "\(a)-\(b)"
        case .set(let items): "{ " + items.map(\.description).joined(separator: ", ") + " }"
        case .named(let name): "@\(name)"
        }
    }
}

/// Turns one nftables match into rule conditions, or says why it cannot.
enum NftMatch {
    enum Failure: Error {
        /// A value that cannot be what the selector compares (a bad address, an unknown protocol).
        case badValue(String)
        /// A comparison Zonal does not model; the rule keeps it as an unmodelled condition.
        case unmodeled(String)
    }

    /// The conditions of a match, or the match as an unmodelled condition; a value that cannot be read is an error at `location`.
    static func read(_ selector: NftSelector, op: String, _ value: NftValue, sets: [String: [NftValue]],
                     at location: SourceLocation) throws(FirewallReadError) -> ([RuleCondition], [String]) {
        do throws(Failure) {
            return (try conditions(selector, op: op, value, sets: sets), [])
        } catch {
            switch error {
            case .badValue(let message): throw FirewallReadError(location, message)
            case .unmodeled(let text): return ([], [text])
            }
        }
    }

    static func conditions(_ selector: NftSelector, op: String, _ value: NftValue, sets: [String: [NftValue]]) throws(Failure) -> [RuleCondition] {
        let negated: Bool
        var values = try flatten(value, sets: sets)
        switch op {
        case "==", "in", "": negated = false
        case "!=": negated = true
        case "<", "<=", ">", ">=":
            guard values.count == 1, case .number(let n) = values[0] else { throw .unmodeled("\(selector) \(op) \(value)") }
            negated = false
            switch op {
            case "<": values = [.range(.number(0), .number(n - 1))]
            case "<=": values = [.range(.number(0), .number(n))]
            case ">": values = [.range(.number(n + 1), .number(65535))]
            default: values = [.range(.number(n), .number(65535))]
            }
        default: throw .unmodeled("\(selector) \(op) \(value)")
        }
        switch selector {
        case .address(let d, let family):
            let ranges = try values.map { v throws(Failure) -> AddressRange in
                guard let r = addressRange(v), r.family == family else { throw .badValue("'\(v)' is not an \(family == .v4 ? "IPv4" : "IPv6") address, network or range") }
                return r
            }
            return [.family(family), .addresses(d, ranges, negated: negated)]
        case .port(let d, let protocols, _):
            let ranges = try values.map { v throws(Failure) in try numberRange(v, in: 0...65535, what: "port") }
            return [.values(.proto, protocols.map { $0...$0 }, negated: false), .values(d, ranges, negated: negated)]
        case .l4proto(_, let family):
            let ranges = try values.map { v throws(Failure) -> ClosedRange<Int> in
                if case .text(let name) = v, let n = ProtocolNumbers.number(name) { return n...n }
                return try numberRange(v, in: 0...255, what: "protocol")
            }
            return (family.map { [RuleCondition.family($0)] } ?? []) + [.values(.proto, ranges, negated: negated)]
        case .nfproto:
            var families: [IPAddress.Family] = []
            for v in values {
                switch v.description {
                case "ipv4": families.append(.v4)
                case "ipv6": families.append(.v6)
                default: throw .badValue("'\(v)' is not ipv4 or ipv6")
                }
            }
            let chosen = negated ? [IPAddress.Family.v4, .v6].filter { !families.contains($0) } : families
            if chosen.count == 1 { return [.family(chosen[0])] }
            return chosen.isEmpty ? [.values(.proto, [], negated: false)] : []
        case .interface(let d, _):
            let names = try values.map { v throws(Failure) -> String in
                guard case .text(let name) = v else { throw .badValue("'\(v)' is not an interface name") }
                return name
            }
            return [.interfaces(d, names, negated: negated)]
        case .ctState:
            var states: Set<ConnectionState> = []
            for v in values {
                guard let s = ConnectionState(name: v.description) else { throw .badValue("'\(v)' is not a connection-tracking state") }
                states.insert(s)
            }
            return [.states(negated ? Set(ConnectionState.allCases).subtracting(states) : states)]
        case .unmodeled(let text):
            throw .unmodeled("\(text) \(op == "==" ? "" : op + " ")\(value)")
        }
    }

    /// Expands sets (anonymous and named) into their elements.
    static func flatten(_ value: NftValue, sets: [String: [NftValue]]) throws(Failure) -> [NftValue] {
        switch value {
        case .set(let items):
            var result: [NftValue] = []
            for item in items { result += try flatten(item, sets: sets) }
            return result
        case .named(let name):
            guard let items = sets[name] else { throw .badValue("set '@\(name)' is not defined in the ruleset") }
            return try flatten(.set(items), sets: sets)
        default:
            return [value]
        }
    }

    static func addressRange(_ v: NftValue) -> AddressRange? {
        switch v {
        case .text(let t): AddressRange.parse(t)
        case .prefix(let a, let l): AddressRange.parse("\(a)/\(l)")
        case .range(let a, let b):
            if let x = IPAddress(a.description), let y = IPAddress(b.description), x.family == y.family, x <= y { AddressRange(x, y) } else { nil }
        default: nil
        }
    }

    static func numberRange(_ v: NftValue, in domain: ClosedRange<Int>, what: String) throws(Failure) -> ClosedRange<Int> {
        func number(_ v: NftValue) -> Int? {
            switch v {
            case .number(let n): n
            case .text(let t): Int(t) ?? serviceNumbers[t]
            default: nil
            }
        }
        switch v {
        case .range(let a, let b):
            if let x = number(a), let y = number(b), domain.contains(x), domain.contains(y), x <= y { return x...y }
        default:
            if let n = number(v), domain.contains(n) { return n...n }
        }
        throw .badValue("'\(v)' is not a \(what) or \(what) range")
    }

    /// Service names nft prints instead of numbers for a few well-known ports.
    static let serviceNumbers: [String: Int] = [
        "ssh": 22, "telnet": 23, "smtp": 25, "domain": 53, "http": 80, "https": 443, "ntp": 123, "snmp": 161, "snmp-trap": 162,
        "ldap": 389, "ldaps": 636, "syslog": 514, "ms-wbt-server": 3389, "ftp": 21, "tftp": 69, "bootps": 67, "bootpc": 68,
        "microsoft-ds": 445, "netbios-ssn": 139, "mysql": 3306, "postgresql": 5432, "iso-tsap": 102, "mbap": 502, "opcua-tcp": 4840,
        "dnp": 20000, "iec-104": 2404, "vnc": 5900, "http-alt": 8080,
    ]
}
