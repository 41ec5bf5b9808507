/// A parsed YAML or JSON document node with its position: the common input of the model decoder, whatever the file format.
public struct ModelNode: Sendable {
    /// What a scalar looked like in the file, so that `port: "502"` and `port: 502` can be told apart where it matters.
    public enum ScalarKind: Sendable, Equatable {
        case string, number, bool, null
    }

    /// The node's content.
    public enum Value: Sendable {
        case scalar(String, ScalarKind)
        case mapping([(key: ModelNode, value: ModelNode)])
        case sequence([ModelNode])
    }

    public let value: Value
    public let line: Int
    public let column: Int

    public init(_ value: Value, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// The scalar's text, or nil for mappings and sequences.
    public var scalarText: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    public var isNull: Bool {
        if case .scalar(_, .null) = value { return true }
        return false
    }

    /// A short word for the node's type, used in "expected X, found Y" messages.
    public var typeName: String {
        switch value {
        case .scalar(_, .string): "a string"
        case .scalar(_, .number): "a number"
        case .scalar(_, .bool): "a boolean"
        case .scalar(_, .null): "null"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }
}
