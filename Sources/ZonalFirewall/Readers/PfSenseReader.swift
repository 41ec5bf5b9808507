import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZonalModel

/// Reads the filter rules of an OPNsense or pfSense `config.xml`: interfaces (with their subnets, for `lan`-style
/// networks), aliases (host, network, port) and `<filter><rule>` entries, evaluated as pf does for interface rules:
/// inbound on the rule's interface, first match wins, anything unmatched is blocked; stateful, so replies pass.
public struct PfSenseReader {
    public let file: String

    public init(file: String) { self.file = file }

    /// One XML element with its children and the line it starts on.
    final class Element {
        let name: String
        let line: Int
        var text = ""
        var children: [Element] = []

        init(name: String, line: Int) {
            self.name = name
            self.line = line
        }

        func child(_ name: String) -> Element? { children.first { $0.name == name } }
        func value(_ name: String) -> String? { child(name)?.text.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// Builds the element tree; XMLParser needs a delegate object.
    final class TreeBuilder: NSObject, XMLParserDelegate {
        var stack: [Element] = [Element(name: "#document", line: 0)]
        /// The first tag that closes the wrong element (the system parser does not always refuse it).
        var mismatch: (line: Int, message: String)?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            let element = Element(name: name, line: parser.lineNumber)
            stack.last!.children.append(element)
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if stack.last?.name != name, mismatch == nil {
                mismatch = (parser.lineNumber, "</\(name)> closes <\(stack.last?.name ?? "?")> opened on line \(stack.last?.line ?? 0)")
            }
            if stack.count > 1 { _ = stack.popLast() }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last!.text += string }
    }

    public func read(_ bytes: [UInt8]) throws(FirewallReadError) -> Ruleset {
        let parser = XMLParser(data: Data(bytes))
        let builder = TreeBuilder()
        parser.delegate = builder
        guard parser.parse() else {
            throw FirewallReadError(SourceLocation(file: file, line: parser.lineNumber, column: parser.columnNumber),
                                    "not well-formed XML: \(parser.parserError.map { "\($0.localizedDescription)" } ?? "parse error")")
        }
        if let mismatch = builder.mismatch {
            throw FirewallReadError(SourceLocation(file: file, line: mismatch.line, column: 1), "not well-formed XML: \(mismatch.message)")
        }
        if builder.stack.count > 1 {
            throw FirewallReadError(SourceLocation(file: file, line: parser.lineNumber, column: 1), "<\(builder.stack.last!.name)> opened on line \(builder.stack.last!.line) is never closed",
                                    hint: "the file looks truncated")
        }
        guard let root = builder.stack.first?.children.first, root.name == "pfsense" || root.name == "opnsense" else {
            throw FirewallReadError(SourceLocation(file: file, line: 1, column: 1), "the XML is not a pfSense or OPNsense config.xml")
        }
        // Interfaces: the key (wan, lan, opt1), its device and description all name it in the model.
        var interfaceNames: [String: [String]] = [:]
        var interfaceNetworks: [String: AddressRange] = [:]
        var interfaceAddresses: [String: AddressRange] = [:]
        for interface in root.child("interfaces")?.children ?? [] {
            interfaceNames[interface.name] = [interface.name] + [interface.value("if"), interface.value("descr")].compactMap { $0 }.filter { !$0.isEmpty }
            if let ip = interface.value("ipaddr").flatMap({ IPAddress($0) }), let bits = interface.value("subnet").flatMap({ Int($0) }) {
                interfaceNetworks[interface.name] = AddressRange.parse("\(ip)/\(bits)")
                interfaceAddresses[interface.name] = AddressRange(ip, ip)
            }
        }
        var aliases: [String: (type: String, items: [String])] = [:]
        for alias in root.child("aliases")?.children ?? [] where alias.name == "alias" {
            guard let name = alias.value("name") else { continue }
            let items = (alias.value("address") ?? alias.value("content") ?? "").split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
            aliases[name] = (alias.value("type") ?? "host", items)
        }
        var unsupported: [UnsupportedConstruct] = []
        var notes: [String] = []
        let start = SourceLocation(file: file, line: 1, column: 1)
        var forward = Chain(key: "forward", name: "filter", family: nil, hook: "forward", policy: .drop, location: start)
        forward.rules.append(FirewallRule(chain: "forward", number: 0, location: start, text: "stateful filtering: replies of permitted connections",
                                          conditions: [.states([.established, .related])], action: .accept))
        var number = 0
        for rule in root.child("filter")?.children ?? [] where rule.name == "rule" {
            number += 1
            let location = SourceLocation(file: file, line: rule.line, column: 1)
            let text = "rule \(number)" + (rule.value("descr").map { " \"\($0)\"" } ?? "")
            if rule.child("disabled") != nil { notes.append("\(file):\(rule.line): rule \(number) is disabled and skipped"); continue }
            if rule.value("floating") == "yes" {
                unsupported.append(UnsupportedConstruct(location: location, construct: "floating rule", assumption: "floating rules are not evaluated"))
                continue
            }
            let action: RuleAction
            switch rule.value("type") ?? "pass" {
            case "pass": action = .accept
            case "block": action = .drop
            case "reject": action = .reject
            default: throw FirewallReadError(location, "rule \(number) has type '\(rule.value("type")!)'", hint: "pass, block or reject")
            }
            var conditions: [RuleCondition] = []
            var unmodeled: [String] = []
            if let interface = rule.value("interface") {
                conditions.append(.interfaces(.inInterface, interface.split(separator: ",").flatMap { interfaceNames[String($0)] ?? [String($0)] }, negated: false))
            }
            switch rule.value("ipprotocol") ?? "inet" {
            case "inet": conditions.append(.family(.v4))
            case "inet6": conditions.append(.family(.v6))
            default: break
            }
            var protocols: [Int]?
            if let p = rule.value("protocol"), p != "any" {
                protocols = try p.split(separator: "/").map { name throws(FirewallReadError) -> Int in
                    guard let n = ProtocolNumbers.number(String(name)) else { throw FirewallReadError(location, "'\(name)' is not a protocol") }
                    return n
                }
                conditions.append(.values(.proto, protocols!.map { $0...$0 }, negated: false))
            }
            for (key, addressAxis, portAxis) in [("source", Dimension.source, Dimension.sourcePort), ("destination", .destination, .destinationPort)] {
                guard let end = rule.child(key) else { continue }
                let negated = end.child("not") != nil
                if end.child("any") == nil {
                    var ranges: [AddressRange]?
                    if let network = end.value("network") {
                        if network.hasSuffix("ip"), let a = interfaceAddresses[String(network.dropLast(2))] { ranges = [a] }
                        else if let n = interfaceNetworks[network] { ranges = [n] }
                        else if let r = AddressRange.parse(network) { ranges = [r] }
                        else { unmodeled.append("\(key) network '\(network)'") }
                    } else if let address = end.value("address") {
                        ranges = try self.addresses(address, aliases: aliases, at: location)
                    }
                    if let ranges { conditions.append(.addresses(addressAxis, ranges, negated: negated)) }
                }
                if let port = end.value("port"), !port.isEmpty {
                    conditions.append(.values(portAxis, try ports(port, aliases: aliases, at: location), negated: false))
                }
            }
            for key in ["gateway", "sched", "os", "tag", "tagged", "statetype"] where rule.value(key).map({ !$0.isEmpty && $0 != "keep state" }) ?? false {
                unmodeled.append("\(key) \(rule.value(key)!)")
            }
            if !unmodeled.isEmpty {
                unsupported.append(UnsupportedConstruct(location: location, construct: unmodeled.joined(separator: "; "), assumption: CompiledRule.assumption(for: action)))
            }
            forward.rules.append(FirewallRule(chain: "forward", number: number, location: location, text: text, conditions: conditions, action: action,
                                              comment: rule.value("descr"), unmodeled: unmodeled))
        }
        notes.append("NAT and the automatic rules (anti-lockout, block private networks) are not modelled")
        return Ruleset(file: file, format: .pfSense, chains: [forward], unsupported: unsupported, notes: notes)
    }

    /// An address, CIDR block, range or alias (aliases may nest).
    private func addresses(_ text: String, aliases: [String: (type: String, items: [String])], at location: SourceLocation,
                           depth: Int = 0) throws(FirewallReadError) -> [AddressRange] {
        if let r = AddressRange.parse(text) { return [r] }
        guard depth < 8, let alias = aliases[text], alias.type == "host" || alias.type == "network" else {
            throw FirewallReadError(location, "'\(text)' is not an address, network or host/network alias of this configuration")
        }
        var result: [AddressRange] = []
        for item in alias.items { result += try addresses(item, aliases: aliases, at: location, depth: depth + 1) }
        return result
    }

    /// `502`, `1000-2000`, `1000:2000` or a port alias.
    private func ports(_ text: String, aliases: [String: (type: String, items: [String])], at location: SourceLocation) throws(FirewallReadError) -> [ClosedRange<Int>] {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == ":" }).compactMap { Int($0) }
        if parts.count == 1, (0...65535).contains(parts[0]) { return [parts[0]...parts[0]] }
        if parts.count == 2, 0 <= parts[0], parts[0] <= parts[1], parts[1] <= 65535 { return [parts[0]...parts[1]] }
        guard let alias = aliases[text], alias.type == "port" else { throw FirewallReadError(location, "'\(text)' is not a port, port range or port alias") }
        var result: [ClosedRange<Int>] = []
        for item in alias.items { result += try ports(item, aliases: aliases, at: location) }
        return result
    }
}
