import ZonalModel

/// Reads a Cisco ASA `show running-config`: interfaces (nameif, security-level), network and service objects and
/// object-groups, extended access-lists and their `access-group` bindings, turned into chains the evaluator runs.
///
/// The ASA's semantics as its configuration guide states them: an interface's inbound access-list is read first, then
/// the global access-list, then an implicit deny; an interface with neither lets traffic go to interfaces of a lower
/// security level only (the same level too with `same-security-traffic permit inter-interface`); outbound access-lists
/// are checked as well; the firewall is stateful, so replies of permitted connections pass. Access-lists use real
/// (pre-NAT) addresses, which is what the model's zones hold.
public struct CiscoASAReader {
    public let file: String

    public init(file: String) { self.file = file }

    /// An ASA interface by its `nameif`.
    struct Interface {
        let name: String
        var level: Int
        let location: SourceLocation
    }

    /// One alternative of a service: protocol numbers (empty for any) and port ranges (nil for any).
    struct Service {
        var protocols: [Int]
        var sourcePorts: [ClosedRange<Int>]?
        var destinationPorts: [ClosedRange<Int>]?
    }

    struct Objects {
        var networks: [String: [AddressRange]] = [:]
        var services: [String: [Service]] = [:]
        var ports: [String: [ClosedRange<Int>]] = [:]
        var protocols: [String: [Int]] = [:]
    }

    public func read(_ text: String) throws(FirewallReadError) -> Ruleset {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        var interfaces: [Interface] = []
        var objects = Objects()
        var acls: [String: [(words: [String], location: SourceLocation, text: String)]] = [:]
        var aclOrder: [String] = []
        var bindings: [(acl: String, direction: String, interface: String?, location: SourceLocation)] = []
        var sameSecurity = false
        var unsupported: [UnsupportedConstruct] = []
        var notes: [String] = []
        var block: (kind: String, name: String, location: SourceLocation, protocolHint: String?)?
        var pendingInterface: (name: String?, level: Int?, location: SourceLocation)?

        func flushInterface() {
            if let p = pendingInterface, let name = p.name { interfaces.append(Interface(name: name, level: p.level ?? 0, location: p.location)) }
            pendingInterface = nil
        }

        for (i, line) in lines.enumerated() {
            let location = SourceLocation(file: file, line: i + 1, column: 1)
            let words = line.split(separator: " ").map(String.init)
            guard let first = words.first, !first.hasPrefix("!"), !first.hasPrefix(":") else { continue }
            let indented = line.first == " "
            if indented, let current = block {
                try member(words, of: current, at: location, objects: &objects, pendingInterface: &pendingInterface, unsupported: &unsupported)
                continue
            }
            if !indented { flushInterface(); block = nil }
            switch first {
            case "interface":
                pendingInterface = (nil, nil, location)
                block = ("interface", words.dropFirst().joined(separator: " "), location, nil)
            case "object", "object-group":
                guard words.count >= 3 else { throw FirewallReadError(location, "'\(first)' needs a type and a name") }
                block = ("\(first) \(words[1])", words[2], location, words.count > 3 ? words[3] : nil)
                switch words[1] {
                case "network": objects.networks[words[2]] = objects.networks[words[2]] ?? []
                case "service":
                    if first == "object-group", words.count > 3 { objects.ports[words[2]] = [] } else { objects.services[words[2]] = [] }
                case "protocol": objects.protocols[words[2]] = []
                default:
                    unsupported.append(UnsupportedConstruct(location: location, construct: "\(first) \(words[1])",
                                                            assumption: "access-list entries naming it are kept with the group as an unmodelled condition"))
                }
            case "access-list":
                guard words.count >= 3 else { throw FirewallReadError(location, "'access-list' needs a name and an entry") }
                let name = words[1]
                var rest = Array(words.dropFirst(2))
                if rest.first == "line", rest.count > 2 { rest.removeFirst(2) }
                if rest.first == "remark" { continue }
                if rest.first == "extended" { rest.removeFirst() }
                guard rest.first == "permit" || rest.first == "deny" else {
                    unsupported.append(UnsupportedConstruct(location: location, construct: "access-list \(name) \(rest.first ?? "")",
                                                            assumption: "only extended access-lists filter transit traffic; this entry is ignored"))
                    continue
                }
                if acls[name] == nil { aclOrder.append(name) }
                acls[name, default: []].append((rest, location, String(line)))
            case "access-group":
                // access-group NAME in|out interface IF | access-group NAME global
                guard words.count >= 3 else { throw FirewallReadError(location, "'access-group' needs an access-list and where it applies") }
                if words[2] == "global" {
                    bindings.append((words[1], "global", nil, location))
                } else if words.count >= 5, words[3] == "interface" {
                    bindings.append((words[1], words[2], words[4], location))
                } else {
                    throw FirewallReadError(location, "expected 'access-group NAME in|out interface NAMEIF' or 'access-group NAME global'")
                }
            case "same-security-traffic":
                if words.contains("inter-interface") { sameSecurity = true }
            default:
                continue
            }
        }
        flushInterface()

        var chains: [Chain] = []
        var aclNumbers: [String: Int] = [:]
        for name in aclOrder {
            var chain = Chain(key: "acl \(name)", name: name, family: nil, location: acls[name]!.first!.location)
            for entry in acls[name]! {
                let number = (aclNumbers[name] ?? 0) + 1
                aclNumbers[name] = number
                if entry.words.contains("inactive") { notes.append("\(file):\(entry.location.line): an inactive entry of access-list \(name) is skipped"); continue }
                let rules = try ace(entry.words, acl: name, chain: chain.key, number: number, location: entry.location, text: entry.text, objects: objects)
                for rule in rules where !rule.unmodeled.isEmpty {
                    unsupported.append(UnsupportedConstruct(location: rule.location, construct: rule.unmodeled.joined(separator: "; "),
                                                            assumption: CompiledRule.assumption(for: rule.action)))
                }
                chain.rules += rules
            }
            chains.append(chain)
        }
        for binding in bindings where acls[binding.acl] == nil {
            throw FirewallReadError(binding.location, "access-group applies access-list '\(binding.acl)', which the configuration does not define")
        }
        for binding in bindings where binding.interface != nil && !interfaces.contains(where: { $0.name == binding.interface }) {
            throw FirewallReadError(binding.location, "access-group names interface '\(binding.interface!)', which no 'nameif' defines")
        }
        let start = SourceLocation(file: file, line: 1, column: 1)
        var forward = Chain(key: "forward", name: "forward", family: nil, hook: "forward", priority: 0, policy: .drop, location: start)
        func add(_ chain: inout Chain, _ conditions: [RuleCondition], _ action: RuleAction, _ text: String, at location: SourceLocation) {
            chain.rules.append(FirewallRule(chain: chain.key, number: chain.rules.count + 1, location: location, text: text, conditions: conditions, action: action))
        }
        add(&forward, [.states([.established, .related])], .accept, "stateful inspection: replies of permitted connections", at: start)
        let global = bindings.first { $0.direction == "global" }
        for interface in interfaces {
            let on: [RuleCondition] = [.interfaces(.inInterface, [interface.name], negated: false)]
            if let inbound = bindings.first(where: { $0.direction == "in" && $0.interface == interface.name }) {
                add(&forward, on, .jump("acl \(inbound.acl)"), "access-group \(inbound.acl) in interface \(interface.name)", at: inbound.location)
            }
            if let global {
                add(&forward, on, .jump("acl \(global.acl)"), "access-group \(global.acl) global", at: global.location)
            } else if !bindings.contains(where: { $0.direction == "in" && $0.interface == interface.name }) {
                let lower = interfaces.filter { $0.level < interface.level || (sameSecurity && $0.level == interface.level && $0.name != interface.name) }
                if !lower.isEmpty {
                    add(&forward, on + [.interfaces(.outInterface, lower.map(\.name), negated: false)], .accept,
                        "security-level \(interface.level) of \(interface.name): to lower levels (\(lower.map(\.name).joined(separator: ", ")))", at: interface.location)
                }
            }
            add(&forward, on, .drop, "implicit deny for traffic entering \(interface.name)", at: interface.location)
        }
        chains.insert(forward, at: 0)
        let outbound = bindings.filter { $0.direction == "out" }
        if !outbound.isEmpty {
            var egress = Chain(key: "forward-out", name: "forward-out", family: nil, hook: "forward", priority: 1, policy: .accept, location: outbound[0].location)
            for binding in outbound {
                let out: [RuleCondition] = [.interfaces(.outInterface, [binding.interface!], negated: false)]
                add(&egress, out, .jump("acl \(binding.acl)"), "access-group \(binding.acl) out interface \(binding.interface!)", at: binding.location)
                add(&egress, out, .drop, "implicit deny of access-list \(binding.acl)", at: binding.location)
            }
            chains.insert(egress, at: 1)
        }
        notes.append("NAT is not modelled: access-lists are read with real (pre-NAT) addresses, as the ASA applies them")
        return Ruleset(file: file, format: .ciscoASA, chains: chains, unsupported: unsupported, notes: notes)
    }

    /// A line inside an interface, object or object-group block.
    private func member(_ words: [String], of block: (kind: String, name: String, location: SourceLocation, protocolHint: String?),
                        at location: SourceLocation, objects: inout Objects,
                        pendingInterface: inout (name: String?, level: Int?, location: SourceLocation)?,
                        unsupported: inout [UnsupportedConstruct]) throws(FirewallReadError) {
        var cursor = ArraySlice(words)
        let keyword = cursor.popFirst() ?? ""
        switch (block.kind, keyword) {
        case ("interface", "nameif"):
            pendingInterface?.name = cursor.first
            pendingInterface = pendingInterface.map { ($0.name, $0.level, location) }
        case ("interface", "security-level"):
            guard let level = cursor.first.flatMap({ Int($0) }), (0...100).contains(level) else { throw FirewallReadError(location, "a security level is 0-100") }
            pendingInterface?.level = level
        case ("object network", _), ("object-group network", _):
            var rest = Array(words)
            if rest.first == "network-object" { rest.removeFirst() }
            if rest.first == "group-object" || (rest.first == "object" && block.kind == "object-group network") {
                guard rest.count == 2, let members = objects.networks[rest[1]] else { throw FirewallReadError(location, "'\(rest.joined(separator: " "))' names no network object defined before it") }
                objects.networks[block.name, default: []] += members
                return
            }
            if rest.first == "fqdn" {
                unsupported.append(UnsupportedConstruct(location: location, construct: "fqdn object", assumption: "names are not resolved; the object holds no address"))
                return
            }
            var c = ArraySlice(rest)
            if c.first == "subnet" { c.removeFirst() }
            if c.first == "range", c.count == 3, let a = IPAddress(c[c.startIndex + 1]), let b = IPAddress(c[c.startIndex + 2]), a <= b {
                objects.networks[block.name, default: []].append(AddressRange(a, b))
                return
            }
            let address = try addressSpec(&c, at: location, objects: objects)
            objects.networks[block.name, default: []] += address ?? []
        case ("object service", "service"):
            objects.services[block.name, default: []].append(try service(&cursor, at: location))
        case ("object-group service", "port-object"):
            objects.ports[block.name, default: []] += try ports(&cursor, at: location) ?? []
        case ("object-group service", "service-object"):
            if cursor.first == "object", cursor.count == 2 {
                guard let s = objects.services[cursor.last!] else { throw FirewallReadError(location, "service object '\(cursor.last!)' is not defined before it") }
                objects.services[block.name, default: []] += s
            } else {
                objects.services[block.name, default: []].append(try service(&cursor, at: location))
            }
        case ("object-group service", "group-object"):
            let name = cursor.first ?? ""
            if let s = objects.services[name] { objects.services[block.name, default: []] += s } else if let p = objects.ports[name] { objects.ports[block.name, default: []] += p } else {
                throw FirewallReadError(location, "group-object '\(name)' is not defined before it")
            }
        case ("object-group protocol", "protocol-object"):
            guard let name = cursor.first, let n = ProtocolNumbers.number(name) else { throw FirewallReadError(location, "'\(cursor.first ?? "")' is not a protocol") }
            objects.protocols[block.name, default: []].append(n)
        case (_, "description"):
            return
        default:
            return
        }
    }

    /// `tcp [source OP P] [destination OP P]` of a service object.
    private func service(_ c: inout ArraySlice<String>, at location: SourceLocation) throws(FirewallReadError) -> Service {
        guard let name = c.popFirst() else { throw FirewallReadError(location, "a service needs a protocol") }
        var s = Service(protocols: [])
        switch name {
        case "ip": break
        case "tcp-udp": s.protocols = [ProtocolNumbers.tcp, ProtocolNumbers.udp]
        default:
            guard let n = ProtocolNumbers.number(name) else { throw FirewallReadError(location, "'\(name)' is not a protocol") }
            s.protocols = [n]
        }
        while let word = c.popFirst() {
            if word == "source" { s.sourcePorts = try ports(&c, at: location) }
            else if word == "destination" { s.destinationPorts = try ports(&c, at: location) }
            else if let _ = CiscoASAReader.portOperators[word] { c.insert(word, at: c.startIndex); s.destinationPorts = try ports(&c, at: location) }
        }
        return s
    }

    static let portOperators: [String: Int] = ["eq": 1, "neq": 1, "lt": 1, "gt": 1, "range": 2]

    /// `eq P`, `neq P`, `lt P`, `gt P`, `range A B`; nil when the next word is no port operator.
    private func ports(_ c: inout ArraySlice<String>, at location: SourceLocation, objects: Objects? = nil) throws(FirewallReadError) -> [ClosedRange<Int>]? {
        guard let op = c.first else { return nil }
        if op == "object-group", let objects, c.count >= 2, let group = objects.ports[c[c.startIndex + 1]] {
            c.removeFirst(2)
            return group
        }
        guard CiscoASAReader.portOperators[op] != nil else { return nil }
        c.removeFirst()
        func port() throws(FirewallReadError) -> Int {
            guard let word = c.popFirst() else { throw FirewallReadError(location, "'\(op)' needs a port") }
            if let n = Int(word), (0...65535).contains(n) { return n }
            if let n = CiscoASAReader.portNames[word] { return n }
            throw FirewallReadError(location, "'\(word)' is not a port number or a port name Zonal knows", hint: "write the number")
        }
        switch op {
        case "eq": let p = try port(); return [p...p]
        case "neq":
            let p = try port()
            return (p > 0 ? [0...(p - 1)] : []) + (p < 65535 ? [(p + 1)...65535] : [])
        case "lt": let p = try port(); return p == 0 ? [] : [0...(p - 1)]
        case "gt": let p = try port(); return p == 65535 ? [] : [(p + 1)...65535]
        default:
            let a = try port(), b = try port()
            guard a <= b else { throw FirewallReadError(location, "range \(a) \(b) runs backwards") }
            return [a...b]
        }
    }

    /// The literal port names of ASA access-lists (the registered ports they stand for).
    static let portNames: [String: Int] = [
        "ftp-data": 20, "ftp": 21, "ssh": 22, "telnet": 23, "smtp": 25, "domain": 53, "tftp": 69, "www": 80, "http": 80, "kerberos": 88,
        "pop3": 110, "sunrpc": 111, "nntp": 119, "ntp": 123, "netbios-ns": 137, "netbios-dgm": 138, "netbios-ssn": 139, "imap4": 143,
        "snmp": 161, "snmptrap": 162, "bgp": 179, "ldap": 389, "https": 443, "syslog": 514, "lpd": 515, "rsh": 514, "ldaps": 636,
        "sqlnet": 1521, "h323": 1720, "pptp": 1723, "citrix-ica": 1494, "sip": 5060,
    ]

    /// An address operand: `any`, `any4`, `any6`, `host A`, `A MASK`, `A/len` (IPv6), `object N`, `object-group N`.
    /// Nil (with the words left) for an operand Zonal does not model.
    private func addressSpec(_ c: inout ArraySlice<String>, at location: SourceLocation, objects: Objects) throws(FirewallReadError) -> [AddressRange]? {
        guard let word = c.popFirst() else { throw FirewallReadError(location, "an address is missing") }
        switch word {
        case "any": return [AddressRange.parse("0.0.0.0/0")!, AddressRange.parse("::/0")!]
        case "any4": return [AddressRange.parse("0.0.0.0/0")!]
        case "any6": return [AddressRange.parse("::/0")!]
        case "host":
            guard let a = c.popFirst().flatMap({ IPAddress($0) }) else { throw FirewallReadError(location, "'host' needs an address") }
            return [AddressRange(a, a)]
        case "object", "object-group":
            guard let name = c.popFirst(), let members = objects.networks[name] else {
                throw FirewallReadError(location, "network \(word) is not defined before this line")
            }
            return members
        case "interface":
            _ = c.popFirst()
            return nil
        default:
            if word.contains("/"), let r = AddressRange.parse(word) { return [r] }
            guard let mask = c.first, IPAddress(word) != nil, let r = AddressRange.parse("\(word)/\(mask)") else {
                throw FirewallReadError(location, "'\(word)' is not an address operand", hint: "use any, host A, A MASK, object NAME or object-group NAME")
            }
            c.removeFirst()
            return [r]
        }
    }

    /// One access-list entry as rules (one per service alternative; they share the entry's line and number).
    private func ace(_ words: [String], acl: String, chain: String, number: Int, location: SourceLocation, text: String,
                     objects: Objects) throws(FirewallReadError) -> [FirewallRule] {
        var c = ArraySlice(words)
        let action: RuleAction = c.popFirst() == "permit" ? .accept : .drop
        var unmodeled: [String] = []
        guard let protoWord = c.popFirst() else { throw FirewallReadError(location, "the entry has no protocol") }
        var services: [Service]
        switch protoWord {
        case "ip": services = [Service(protocols: [])]
        case "object", "object-group":
            guard let name = c.popFirst() else { throw FirewallReadError(location, "'\(protoWord)' needs a name") }
            if let s = objects.services[name] { services = s } else if let p = objects.protocols[name] { services = [Service(protocols: p)] } else {
                throw FirewallReadError(location, "service \(protoWord) '\(name)' is not defined before this line")
            }
        default:
            guard let n = ProtocolNumbers.number(protoWord) else {
                throw FirewallReadError(location, "'\(protoWord)' is not a protocol", hint: "use ip, tcp, udp, icmp, a number, or object-group NAME")
            }
            services = [Service(protocols: [n])]
        }
        let source = try addressSpec(&c, at: location, objects: objects)
        let sourcePorts = try ports(&c, at: location, objects: objects)
        let destination = try addressSpec(&c, at: location, objects: objects)
        let destinationPorts = try ports(&c, at: location, objects: objects)
        if source == nil || destination == nil { unmodeled.append("'interface' as an address") }
        while let word = c.popFirst() {
            switch word {
            case "log": while let w = c.first, !["time-range", "inactive"].contains(w) { c.removeFirst() }
            case "time-range": unmodeled.append("time-range \(c.popFirst() ?? "")")
            default: unmodeled.append("'\(word)'")
            }
        }
        return services.map { service in
            var conditions: [RuleCondition] = []
            if let source { conditions.append(.addresses(.source, source, negated: false)) }
            if let destination { conditions.append(.addresses(.destination, destination, negated: false)) }
            if !service.protocols.isEmpty { conditions.append(.values(.proto, service.protocols.map { $0...$0 }, negated: false)) }
            if let p = sourcePorts ?? service.sourcePorts { conditions.append(.values(.sourcePort, p, negated: false)) }
            if let p = destinationPorts ?? service.destinationPorts { conditions.append(.values(.destinationPort, p, negated: false)) }
            return FirewallRule(chain: chain, number: number, location: location, text: text.trimmingCharacters(in: .whitespaces), conditions: conditions,
                                action: action, unmodeled: unmodeled)
        }
    }
}
