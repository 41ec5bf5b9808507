import Yams

/// Reads YAML (through Yams, which wraps libyaml) into `ModelNode`s, keeping each node's line and column.
public enum YAMLDocumentReader {
    /// Parses a single YAML document. An empty file is an empty mapping's absence: it returns nil.
    public static func parse(_ text: String) throws(DocumentSyntaxError) -> ModelNode? {
        let root: Node?
        do {
            // The basic resolver skips Yams's regular-expression tag resolution, which dominates composing large files;
            // plain scalars are typed by `kind(of:)` below instead (YAML 1.2 core schema).
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw syntaxError(from: error)
        } catch {
            throw DocumentSyntaxError(message: "\(error)", line: 1, column: 1, byteOffset: nil)
        }
        return root.map(convert)
    }

    private static func convert(_ node: Node) -> ModelNode {
        let line = node.mark?.line ?? 0, column = node.mark?.column ?? 0
        switch node {
        case .scalar(let scalar):
            return ModelNode(.scalar(scalar.string, kind(of: scalar)), line: line, column: column)
        case .mapping(let mapping):
            return ModelNode(.mapping(mapping.map { (convert($0.key), convert($0.value)) }), line: line, column: column)
        case .sequence(let sequence):
            return ModelNode(.sequence(sequence.map(convert)), line: line, column: column)
        case .alias(let alias):
            // Yams resolves aliases while composing; a leftover alias has no content to give.
            return ModelNode(.scalar("*\(alias.anchor)", .string), line: line, column: column)
        }
    }

    /// YAML 1.2 core-schema resolution of plain scalars; quoted scalars are always strings.
    static func kind(of scalar: Node.Scalar) -> ModelNode.ScalarKind {
        guard scalar.style == .plain || scalar.style == .any else { return .string }
        let tag = scalar.tag.rawValue
        if tag != Tag.Name.implicit.rawValue && tag != Tag.Name.nonSpecific.rawValue {
            switch tag {
            case Tag.Name.int.rawValue, Tag.Name.float.rawValue: return .number
            case Tag.Name.bool.rawValue: return .bool
            case Tag.Name.null.rawValue: return .null
            default: return .string
            }
        }
        let text = scalar.string
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "false", "False", "FALSE": return .bool
        default: break
        }
        return looksNumeric(text) ? .number : .string
    }

    private static func looksNumeric(_ text: String) -> Bool {
        var utf8 = Substring(text).utf8[...]
        if utf8.first == UInt8(ascii: "-") || utf8.first == UInt8(ascii: "+") { utf8 = utf8.dropFirst() }
        guard let first = utf8.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || first == UInt8(ascii: ".") else { return false }
        var seenDigit = false, seenDot = false, seenExponent = false
        var previous: UInt8 = 0
        for b in utf8 {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): seenDigit = true
            case UInt8(ascii: "."):
                if seenDot || seenExponent { return false }
                seenDot = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                if seenExponent || !seenDigit { return false }
                seenExponent = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                if previous != UInt8(ascii: "e") && previous != UInt8(ascii: "E") { return false }
            default: return false
            }
            previous = b
        }
        return seenDigit && previous != UInt8(ascii: "e") && previous != UInt8(ascii: "E")
    }

    private static func syntaxError(from error: YamlError) -> DocumentSyntaxError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            return DocumentSyntaxError(message: detail, line: mark.line, column: mark.column, byteOffset: nil)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return DocumentSyntaxError(
                message: "the key '\(duplicates.joined(separator: "', '"))' appears twice in the same mapping; keep one",
                line: context.mark.line, column: context.mark.column, byteOffset: nil)
        case .reader(let problem, let offset, _, _):
            return DocumentSyntaxError(message: "\(problem): the file is not valid UTF-8 text", line: 1, column: 1, byteOffset: offset)
        default:
            return DocumentSyntaxError(message: "\(error)", line: 1, column: 1, byteOffset: nil)
        }
    }
}
