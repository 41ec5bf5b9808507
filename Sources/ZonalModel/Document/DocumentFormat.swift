/// The syntax of a model file, told by its content (JSON starts with `{` or `[`), not by its name.
public enum DocumentFormat: String, Sendable {
    case yaml, json

    /// JSON documents start with an object or array; everything else is read as YAML (a superset of JSON anyway).
    public static func detect(_ bytes: some Collection<UInt8>) -> DocumentFormat {
        var rest = bytes[...]
        // Skip a UTF-8 byte order mark and leading whitespace.
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        for byte in rest {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): return .json
            default: return .yaml
            }
        }
        return .yaml
    }
}
