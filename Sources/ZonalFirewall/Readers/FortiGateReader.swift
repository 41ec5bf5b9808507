import ZonalModel

/// Reads a FortiGate configuration (`show full-configuration`): interfaces and zones, addresses and address groups,
/// custom services and service groups, and the firewall policies, evaluated top-down with an implicit deny at the end.
///
/// FortiOS semantics as its administration guide states them: the first policy (in list order, not by id) whose
/// interfaces, addresses and service match decides; disabled policies are skipped; `*-negate enable` inverts a match;
/// the firewall is stateful, so replies of permitted sessions pass.
public struct FortiGateReader {
    public let file: String

    public init(file: String) { self.file = file }

    /// One `edit` entry of a `config` section: its name, its `set` attributes with their lines, and where it starts.
    struct Entry {
        let name: String
        var attributes: [String: (values: [String], line: Int)] = [:]
        let location: SourceLocation

        func values(_ key: String) -> [String] { attributes[key]?.values ?? [] }
        func value(_ key: String) -> String? { attributes[key]?.values.first }
        func enabled(_ key: String) -> Bool { value(key) == "enable" }
    }

    /// Splits a line into words, double-quoted strings whole.
    static func words(_ line: Substring) -> [String] {
        var words: [String] = []
        var word = ""
        var inQuote = false, quoted = false
        for ch in line {
            if ch == "\"" { inQuote.toggle(); quoted = true; continue }
            if !inQuote && (ch == " " || ch == "\t" || ch == "\r") {
                if !word.isEmpty || quoted { words.append(word) }
                word = ""; quoted = false
                continue
            }
            word.append(ch)
        }
        if !word.isEmpty || quoted { words.append(word) }
        return words
    }

    /// The entries of every `config` section, by its path ("firewall policy").
    func sections(_ text: String) throws(FirewallReadError) -> [String: [Entry]] {
        var sections: [String: [Entry]] = [:]
        var stack: [(path: String, entry: Entry?)] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let location = SourceLocation(file: file, line: i + 1, column: 1)
            let w = FortiGateReader.words(line)
            guard let first = w.first, !first.hasPrefix("#") else { continue }
            switch first {
            case "config":
                stack.append((w.dropFirst().joined(separator: " "), nil))
            case "edit":
                guard !stack.isEmpty, w.count >= 2 else { throw FirewallReadError(location, "'edit' outside a 'config' section") }
                stack[stack.count - 1].entry = Entry(name: w[1], location: location)
            case "set":
                guard !stack.isEmpty, w.count >= 2 else { throw FirewallReadError(location, "'set' outside a 'config' section") }
                if stack[stack.count - 1].entry == nil { stack[stack.count - 1].entry = Entry(name: "", location: location) }
                stack[stack.count - 1].entry!.attributes[w[1]] = (Array(w.dropFirst(2)), i + 1)
            case "next":
                guard let top = stack.last, let entry = top.entry else { throw FirewallReadError(location, "'next' without an 'edit'") }
                sections[top.path, default: []].append(entry)
                stack[stack.count - 1].entry = nil
            case "end":
                guard let top = stack.popLast() else { throw FirewallReadError(location, "'end' closes no 'config' section") }
                if let entry = top.entry, entry.name.isEmpty { sections[top.path, default: []].append(entry) }
            default:
                continue
            }
        }
        if let open = stack.last {
            throw FirewallReadError(SourceLocation(file: file, line: text.split(separator: "\n", omittingEmptySubsequences: false).count, column: 1),
                                    "'config \(open.path)' is never closed with 'end'", hint: "the file looks truncated")
        }
        return sections
    }

    /// A service alternative: protocols and destination/source port ranges (nil for any).
    struct Service {
        var protocols: [Int]
        var destinationPorts: [ClosedRange<Int>]?
        var sourcePorts: [ClosedRange<Int>]?
    }

    /// Services FortiOS predefines, for configurations printed without them (`show` rather than `show full-configuration`).
    static let predefined: [String: [Service]] = [
        "ALL": [Service(protocols: [])], "ALL_TCP": [Service(protocols: [6])], "ALL_UDP": [Service(protocols: [17])],
        "ALL_ICMP": [Service(protocols: [1])], "PING": [Service(protocols: [1])],
        "HTTP": [Service(protocols: [6], destinationPorts: [80...80])], "HTTPS": [Service(protocols: [6], destinationPorts: [443...443])],
        "SSH": [Service(protocols: [6], destinationPorts: [22...22])], "TELNET": [Service(protocols: [6], destinationPorts: [23...23])],
        "RDP": [Service(protocols: [6], destinationPorts: [3389...3389])], "SNMP": [Service(protocols: [17], destinationPorts: [161...162])],
        "NTP": [Service(protocols: [6, 17], destinationPorts: [123...123])], "DNS": [Service(protocols: [6, 17], destinationPorts: [53...53])],
        "SMB": [Service(protocols: [6], destinationPorts: [445...445])],
    ]

    public func read(_ text: String) throws(FirewallReadError) -> Ruleset {
        let sections = try sections(text)
        var unsupported: [UnsupportedConstruct] = []
        // Addresses and groups.
        var addresses: [String: [AddressRange]] = ["all": [AddressRange.parse("0.0.0.0/0")!], "none": []]
        for entry in sections["firewall address"] ?? [] {
            switch entry.value("type") ?? "ipmask" {
            case "ipmask":
                let v = entry.values("subnet")
                guard v.count >= 1, let r = AddressRange.parse(v.count == 2 ? "\(v[0])/\(v[1])" : v[0]) else {
                    addresses[entry.name] = [AddressRange.parse("0.0.0.0/0")!]
                    continue
                }
                addresses[entry.name] = [r]
            case "iprange":
                guard let a = entry.value("start-ip").flatMap({ IPAddress($0) }), let b = entry.value("end-ip").flatMap({ IPAddress($0) }), a <= b else {
                    throw FirewallReadError(entry.location, "address '\(entry.name)' has no valid start-ip and end-ip")
                }
                addresses[entry.name] = [AddressRange(a, b)]
            default:
                addresses[entry.name] = []
                unsupported.append(UnsupportedConstruct(location: entry.location, construct: "address '\(entry.name)' of type \(entry.value("type")!)",
                                                        assumption: "it holds no address, so policies naming it match nothing through it"))
            }
        }
        for entry in sections["firewall address6"] ?? [] {
            if let p = entry.value("ip6"), let r = AddressRange.parse(p) { addresses[entry.name] = [r] }
        }
        addresses["all"]!.append(AddressRange.parse("::/0")!)
        func resolveGroups(_ section: String, into table: inout [String: [AddressRange]]) throws(FirewallReadError) {
            for entry in sections[section] ?? [] {
                var members: [AddressRange] = []
                for name in entry.values("member") {
                    guard let m = table[name] else { throw FirewallReadError(SourceLocation(file: file, line: entry.attributes["member"]!.line, column: 1), "address group '\(entry.name)' names '\(name)', which is not defined before it") }
                    members += m
                }
                table[entry.name] = members
            }
        }
        try resolveGroups("firewall addrgrp", into: &addresses)
        // Services and groups.
        var services = FortiGateReader.predefined
        for entry in sections["firewall service custom"] ?? [] {
            var alternatives: [Service] = []
            for (key, proto) in [("tcp-portrange", 6), ("udp-portrange", 17), ("sctp-portrange", 132)] {
                let ranges = entry.values(key)
                if ranges.isEmpty { continue }
                var destination: [ClosedRange<Int>] = [], source: [ClosedRange<Int>]?
                for r in ranges {
                    let parts = r.split(separator: ":")
                    destination.append(try portRange(parts[0], entry))
                    if parts.count == 2 { source = (source ?? []) + [try portRange(parts[1], entry)] }
                }
                alternatives.append(Service(protocols: [proto], destinationPorts: destination, sourcePorts: source))
            }
            if alternatives.isEmpty {
                switch entry.value("protocol") {
                case "IP"?: alternatives = [Service(protocols: entry.value("protocol-number").flatMap { Int($0) }.map { $0 == 0 ? [] : [$0] } ?? [])]
                case "ICMP"?: alternatives = [Service(protocols: [1])]
                case "ICMP6"?: alternatives = [Service(protocols: [58])]
                default: alternatives = [Service(protocols: [])]
                }
            }
            services[entry.name] = alternatives
        }
        for entry in sections["firewall service group"] ?? [] {
            var members: [Service] = []
            for name in entry.values("member") {
                guard let m = services[name] else { throw FirewallReadError(entry.location, "service group '\(entry.name)' names '\(name)', which is not defined before it") }
                members += m
            }
            services[entry.name] = members
        }
        // Zones name groups of interfaces.
        var zoneMembers: [String: [String]] = [:]
        for entry in sections["system zone"] ?? [] { zoneMembers[entry.name] = entry.values("interface") }
        func interfaceNames(_ names: [String]) -> [String]? {
            if names.isEmpty || names.contains("any") { return nil }
            return names + names.flatMap { zoneMembers[$0] ?? [] }
        }
        // Policies, in list order.
        let start = SourceLocation(file: file, line: 1, column: 1)
        var forward = Chain(key: "forward", name: "firewall policy", family: nil, hook: "forward", policy: .drop, location: start)
        forward.rules.append(FirewallRule(chain: "forward", number: 0, location: start, text: "stateful inspection: replies of permitted sessions",
                                          conditions: [.states([.established, .related])], action: .accept))
        var notes: [String] = []
        for entry in sections["firewall policy"] ?? [] {
            if entry.value("status") == "disable" { notes.append("\(file):\(entry.location.line): policy \(entry.name) is disabled and skipped"); continue }
            let action: RuleAction = ["accept", "ipsec"].contains(entry.value("action") ?? "deny") ? .accept : .drop
            var conditions: [RuleCondition] = []
            var unmodeled: [String] = []
            if let names = interfaceNames(entry.values("srcintf")) { conditions.append(.interfaces(.inInterface, names, negated: false)) }
            if let names = interfaceNames(entry.values("dstintf")) { conditions.append(.interfaces(.outInterface, names, negated: false)) }
            for (key, dimension) in [("srcaddr", Dimension.source), ("dstaddr", .destination)] {
                var ranges: [AddressRange] = []
                for name in entry.values(key) + entry.values(key + "6") {
                    guard let r = addresses[name] else {
                        throw FirewallReadError(SourceLocation(file: file, line: entry.attributes[key]?.line ?? entry.location.line, column: 1),
                                                "policy \(entry.name) names address '\(name)', which is not defined", hint: "give Zonal 'show full-configuration' output")
                    }
                    ranges += r
                }
                if entry.attributes[key] == nil && entry.attributes[key + "6"] == nil { continue }
                conditions.append(.addresses(dimension, ranges, negated: entry.enabled("\(key)-negate")))
            }
            var alternatives: [Service] = []
            for name in entry.values("service") {
                guard let s = services[name] else {
                    throw FirewallReadError(SourceLocation(file: file, line: entry.attributes["service"]?.line ?? entry.location.line, column: 1),
                                            "policy \(entry.name) names service '\(name)', which is not defined", hint: "give Zonal 'show full-configuration' output")
                }
                alternatives += s
            }
            if entry.enabled("service-negate") {
                unmodeled.append("service-negate")
                alternatives = [Service(protocols: [])]
            }
            for key in ["users", "groups", "fsso-groups", "schedule"] where !entry.values(key).isEmpty && !(key == "schedule" && entry.value(key) == "always") {
                unmodeled.append("\(key) \(entry.values(key).joined(separator: " "))")
            }
            if alternatives.isEmpty { alternatives = [Service(protocols: [])] }
            let number = forward.rules.count
            let text = "policy \(entry.name)" + (entry.value("name").map { " \"\($0)\"" } ?? "")
            for service in alternatives {
                var c = conditions
                if !service.protocols.isEmpty { c.append(.values(.proto, service.protocols.map { $0...$0 }, negated: false)) }
                if let p = service.destinationPorts { c.append(.values(.destinationPort, p, negated: false)) }
                if let p = service.sourcePorts { c.append(.values(.sourcePort, p, negated: false)) }
                forward.rules.append(FirewallRule(chain: "forward", number: number, location: entry.location, text: text, conditions: c,
                                                  action: action, comment: entry.value("comments"), unmodeled: unmodeled))
            }
            if !unmodeled.isEmpty {
                unsupported.append(UnsupportedConstruct(location: entry.location, construct: unmodeled.joined(separator: "; "), assumption: CompiledRule.assumption(for: action)))
            }
        }
        notes.append("NAT (VIPs, central NAT) is not modelled: policies are read with the addresses they name")
        return Ruleset(file: file, format: .fortiGate, chains: [forward], unsupported: unsupported, notes: notes)
    }

    /// `502` or `4840-4850`.
    private func portRange(_ text: Substring, _ entry: Entry) throws(FirewallReadError) -> ClosedRange<Int> {
        let parts = text.split(separator: "-")
        if parts.count == 1, let p = Int(parts[0]), (0...65535).contains(p) { return p...p }
        if parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), 0 <= a, a <= b, b <= 65535 { return a...b }
        throw FirewallReadError(entry.location, "'\(text)' of service '\(entry.name)' is not a port or port range")
    }
}
