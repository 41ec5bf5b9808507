import Foundation

/// Encodes report values as stable, pretty JSON: keys sorted, so the same assessment always gives the same bytes.
public enum JSONOutput {
    public static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            // Report values are plain strings, numbers and arrays; encoding them cannot fail.
            preconditionFailure("JSON encoding of a report failed: \(error)")
        }
    }
}
