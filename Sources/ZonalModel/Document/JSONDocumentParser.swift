/// Reads JSON into `ModelNode`s with line and column for every value.
///
/// Hand-written because Foundation's JSONSerialization keeps no positions, and a model error must say where it is.
/// It is a strict RFC 8259 parser (no comments, no trailing commas) over the file's bytes, one pass, no copies
/// but the decoded strings; nesting is limited so hostile input cannot exhaust the stack.
public struct JSONDocumentParser {
    /// The deepest nesting accepted; real models need fewer than ten levels.
    public static let maximumDepth = 256

    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private var lineStart = 0
    /// UTF-8 continuation bytes seen on the current line, so columns count characters rather than bytes.
    private var continuationBytesOnLine = 0
    private var depth = 0

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3; lineStart = 3 }
    }

    /// Parses one JSON value that must fill the whole input.
    public static func parse(_ bytes: [UInt8]) throws(DocumentSyntaxError) -> ModelNode {
        var parser = JSONDocumentParser(bytes: bytes)
        let node = try parser.parseValue()
        parser.skipWhitespace()
        if parser.position < bytes.count {
            throw parser.error("unexpected content after the end of the JSON document")
        }
        return node
    }

    private var column: Int { position - lineStart - continuationBytesOnLine + 1 }

    private func error(_ message: String) -> DocumentSyntaxError {
        DocumentSyntaxError(message: message, line: line, column: column, byteOffset: position)
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0D:
                position += 1
            case 0x0A:
                position += 1
                line += 1
                lineStart = position
                continuationBytesOnLine = 0
            default:
                return
            }
        }
    }

    private mutating func parseValue() throws(DocumentSyntaxError) -> ModelNode {
        skipWhitespace()
        guard position < bytes.count else { throw error("unexpected end of file: a value was expected") }
        let startLine = line, startColumn = column
        switch bytes[position] {
        case UInt8(ascii: "{"):
            return try parseObject(line: startLine, column: startColumn)
        case UInt8(ascii: "["):
            return try parseArray(line: startLine, column: startColumn)
        case UInt8(ascii: "\""):
            return ModelNode(.scalar(try parseString(), .string), line: startLine, column: startColumn)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return ModelNode(.scalar("true", .bool), line: startLine, column: startColumn)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return ModelNode(.scalar("false", .bool), line: startLine, column: startColumn)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return ModelNode(.scalar("null", .null), line: startLine, column: startColumn)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return ModelNode(.scalar(try parseNumber(), .number), line: startLine, column: startColumn)
        default:
            throw error("unexpected character '\(Character(Unicode.Scalar(bytes[position])))': a JSON value was expected")
        }
    }

    private mutating func enter() throws(DocumentSyntaxError) {
        depth += 1
        if depth > Self.maximumDepth { throw error("nesting deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func parseObject(line: Int, column: Int) throws(DocumentSyntaxError) -> ModelNode {
        try enter()
        position += 1
        var pairs: [(key: ModelNode, value: ModelNode)] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return ModelNode(.mapping(pairs), line: line, column: column)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw error("a quoted member name was expected")
            }
            let keyLine = self.line, keyColumn = self.column
            let key = ModelNode(.scalar(try parseString(), .string), line: keyLine, column: keyColumn)
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw error("':' was expected after the member name")
            }
            position += 1
            let value = try parseValue()
            pairs.append((key, value))
            skipWhitespace()
            guard position < bytes.count else { throw error("unexpected end of file inside an object") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if bytes[position] == UInt8(ascii: "}") {
                position += 1
                depth -= 1
                return ModelNode(.mapping(pairs), line: line, column: column)
            }
            throw error("',' or '}' was expected")
        }
    }

    private mutating func parseArray(line: Int, column: Int) throws(DocumentSyntaxError) -> ModelNode {
        try enter()
        position += 1
        var items: [ModelNode] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return ModelNode(.sequence(items), line: line, column: column)
        }
        while true {
            items.append(try parseValue())
            skipWhitespace()
            guard position < bytes.count else { throw error("unexpected end of file inside an array") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if bytes[position] == UInt8(ascii: "]") {
                position += 1
                depth -= 1
                return ModelNode(.sequence(items), line: line, column: column)
            }
            throw error("',' or ']' was expected")
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(DocumentSyntaxError) {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw error("unexpected end of file") }
        let matches = literal.withUTF8Buffer { expected in
            (0..<count).allSatisfy { bytes[position + $0] == expected[$0] }
        }
        guard matches else { throw error("invalid literal: expected '\(literal)'") }
        position += count
    }

    private mutating func parseNumber() throws(DocumentSyntaxError) -> String {
        let start = position
        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else { throw error("a digit was expected in the number") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw error("a digit was expected after the decimal point") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < bytes.count, isDigit(bytes[position]) else { throw error("a digit was expected in the exponent") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func parseString() throws(DocumentSyntaxError) -> String {
        position += 1 // opening quote
        let start = position
        // Fast path: no escapes, so the string is a slice of the input.
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                let text = String(decoding: bytes[start..<position], as: UTF8.self)
                position += 1
                return text
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw error("control character in a string: escape it (e.g. \\n)") }
            if b & 0xC0 == 0x80 { continuationBytesOnLine += 1 }
            position += 1
        }
        var scalars = Array(bytes[start..<position])
        while position < bytes.count {
            let b = bytes[position]
            switch b {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                position += 1
                guard position < bytes.count else { break }
                let escaped = bytes[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "\""): scalars.append(0x22)
                case UInt8(ascii: "\\"): scalars.append(0x5C)
                case UInt8(ascii: "/"): scalars.append(0x2F)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try parseHex4()
                    if (0xD800...0xDBFF).contains(code) {
                        guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                            throw error("a lone high surrogate in a \\u escape")
                        }
                        position += 2
                        let low = try parseHex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("an invalid low surrogate in a \\u escape") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(code) {
                        throw error("a lone low surrogate in a \\u escape")
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw error("an invalid \\u escape") }
                    scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw error("invalid escape '\\\(Character(Unicode.Scalar(escaped)))'")
                }
            default:
                if b < 0x20 { throw error("control character in a string: escape it (e.g. \\n)") }
                if b & 0xC0 == 0x80 { continuationBytesOnLine += 1 }
                scalars.append(b)
                position += 1
            }
        }
        throw error("unexpected end of file inside a string")
    }

    private mutating func parseHex4() throws(DocumentSyntaxError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("unexpected end of file in a \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[position]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("invalid hexadecimal digit in a \\u escape")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }
}

/// A file that is not well-formed YAML or JSON, with where the parser stopped.
public struct DocumentSyntaxError: Error, Equatable, Sendable {
    public let message: String
    public let line: Int
    public let column: Int
    public let byteOffset: Int?
}
