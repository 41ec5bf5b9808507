import IEC62443

/// Typed, located access to the members of one mapping of a model file. Every problem is logged rather than thrown,
/// so that one pass reports all of a file's errors; a getter returns nil when the value is absent or unusable.
struct MappingReader {
    let node: ModelNode
    /// How the object is named in messages, e.g. "zone 'sis'".
    let subject: String
    /// Model objects have a dozen keys at most, so a linear scan beats hashing every key of every object.
    private var members: [(name: String, key: ModelNode, value: ModelNode)] = []

    /// Nil (after logging) when `node` is not a mapping. Unknown keys are logged with a did-you-mean hint.
    init?(_ node: ModelNode, subject: String, keys: ModelKeys.Object, log: inout DiagnosticLog) {
        self.node = node
        self.subject = subject
        guard case .mapping(let pairs) = node.value else {
            log.error(node, "\(subject) must be a mapping of keys to values, found \(node.typeName)")
            return nil
        }
        members.reserveCapacity(pairs.count)
        for pair in pairs {
            guard let key = pair.key.scalarText, case .scalar = pair.key.value else {
                log.error(pair.key, "\(subject) has a key that is not a plain name")
                continue
            }
            if member(key) != nil {
                log.error(pair.key, "\(subject) has the key '\(key)' twice", hint: "keep one of them")
                continue
            }
            if !keys.names.contains(key) {
                let hint = Suggestion.hint(for: key, in: keys.names) ?? "known keys: \(keys.names.joined(separator: ", "))"
                log.error(pair.key, "\(subject) has an unknown key '\(key)'", hint: hint)
                continue
            }
            members.append((key, pair.key, pair.value))
        }
    }

    private func member(_ key: String) -> (name: String, key: ModelNode, value: ModelNode)? {
        members.first { $0.name == key }
    }

    func has(_ key: String) -> Bool { member(key) != nil }

    func value(_ key: String) -> ModelNode? { member(key)?.value }

    func keyNode(_ key: String) -> ModelNode? { member(key)?.key }

    /// The location of a member's value, or of the mapping when the member is absent.
    func location(_ key: String, log: DiagnosticLog) -> SourceLocation {
        log.location(of: member(key)?.value ?? node)
    }

    func string(_ key: String, required: Bool = false, log: inout DiagnosticLog) -> String? {
        guard let value = member(key)?.value else {
            if required { log.error(node, "\(subject) needs '\(key)'") }
            return nil
        }
        switch value.value {
        case .scalar(_, .null):
            if required { log.error(value, "\(subject) needs a value for '\(key)'") }
            return nil
        case .scalar(let text, _):
            if required && text.isEmpty { log.error(value, "'\(key)' of \(subject) is empty") }
            return text
        default:
            log.error(value, "'\(key)' of \(subject) must be a single value, found \(value.typeName)")
            return nil
        }
    }

    func bool(_ key: String, log: inout DiagnosticLog) -> Bool? {
        guard let value = member(key)?.value else { return nil }
        if case .scalar(let text, .bool) = value.value { return text.lowercased() == "true" }
        log.error(value, "'\(key)' of \(subject) must be true or false, found \(value.typeName)")
        return nil
    }

    func int(_ key: String, in range: ClosedRange<Int>, log: inout DiagnosticLog) -> Int? {
        guard let value = member(key)?.value else { return nil }
        guard case .scalar(let text, let kind) = value.value, kind == .number || kind == .string, let n = Int(text) else {
            log.error(value, "'\(key)' of \(subject) must be a whole number, found \(value.typeName)")
            return nil
        }
        guard range.contains(n) else {
            log.error(value, "'\(key)' of \(subject) is \(n), outside \(range.lowerBound)...\(range.upperBound)")
            return nil
        }
        return n
    }

    func double(_ key: String, log: inout DiagnosticLog) -> Double? {
        guard let value = member(key)?.value else { return nil }
        guard case .scalar(let text, .number) = value.value, let n = Double(text) else {
            log.error(value, "'\(key)' of \(subject) must be a number, found \(value.typeName)")
            return nil
        }
        return n
    }

    /// A list of single values; a lone value is accepted as a one-item list.
    func stringList(_ key: String, log: inout DiagnosticLog) -> [(String, ModelNode)]? {
        guard let value = member(key)?.value else { return nil }
        switch value.value {
        case .scalar(_, .null):
            return []
        case .scalar(let text, _):
            return [(text, value)]
        case .sequence(let items):
            var result: [(String, ModelNode)] = []
            result.reserveCapacity(items.count)
            for item in items {
                guard let text = item.scalarText, !item.isNull else {
                    log.error(item, "each item of '\(key)' of \(subject) must be a single value, found \(item.typeName)")
                    continue
                }
                result.append((text, item))
            }
            return result
        case .mapping:
            log.error(value, "'\(key)' of \(subject) must be a list, found a mapping")
            return nil
        }
    }

    /// A sequence of nodes (for lists of objects).
    func list(_ key: String, log: inout DiagnosticLog) -> [ModelNode]? {
        guard let value = member(key)?.value else { return nil }
        switch value.value {
        case .sequence(let items): return items
        case .scalar(_, .null): return []
        default:
            log.error(value, "'\(key)' of \(subject) must be a list, found \(value.typeName)")
            return nil
        }
    }

    /// A security level vector: a scalar (`3`), the FR-ordered notation (`"{3,3,3,2,3,2,3}"` or a 7-item list), or a mapping by FR name.
    func slVector(_ key: String, required: Bool = false, log: inout DiagnosticLog) -> SLVector? {
        guard let value = member(key)?.value else {
            if required {
                log.error(node, "\(subject) needs '\(key)'", hint: "a level 0-4 for every FR, e.g. '\(key): 2' or '\(key): {IAC: 3, UC: 3, SI: 3, DC: 2, RDF: 3, TRE: 2, RA: 3}'")
            }
            return nil
        }
        do {
            switch value.value {
            case .scalar(let text, _):
                return try SLVector.parse(text)
            case .sequence(let items):
                let texts = items.compactMap(\.scalarText)
                guard texts.count == items.count else { throw SLVectorParseError.notALevel("a nested value") }
                return try SLVector.parse("{" + texts.joined(separator: ",") + "}")
            case .mapping(let pairs):
                let texts = pairs.map { "\($0.key.scalarText ?? "?")=\($0.value.scalarText ?? "?")" }
                return try SLVector.parse(texts.joined(separator: ","))
            }
        } catch {
            log.error(value, "'\(key)' of \(subject) is not a security level vector: \(error)",
                      hint: "write one level for all FRs ('\(key): 3') or one per FR ('\(key): {IAC: 3, UC: 3, SI: 3, DC: 2, RDF: 3, TRE: 2, RA: 3}')")
            return nil
        }
    }

    /// A value from a fixed vocabulary, with a did-you-mean when it is not one of them.
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, required: Bool = false, log: inout DiagnosticLog) -> T? where T.RawValue == String {
        guard let text = string(key, required: required, log: &log), let value = member(key)?.value else { return nil }
        if let choice = T(rawValue: text.lowercased()) { return choice }
        let names = T.allCases.map(\.rawValue)
        log.error(value, "'\(text)' is not a valid '\(key)' for \(subject)",
                  hint: Suggestion.hint(for: text, in: names).map { "\($0) (one of: \(names.joined(separator: ", ")))" } ?? "use one of: \(names.joined(separator: ", "))")
        return nil
    }
}
