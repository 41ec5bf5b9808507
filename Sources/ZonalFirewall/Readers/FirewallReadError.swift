import ZonalModel

/// A configuration Zonal cannot read at all, with where and how to fix it. (Constructs it can read but not model are `UnsupportedConstruct`s, not errors.)
public struct FirewallReadError: Error, CustomStringConvertible, Equatable, Sendable {
    public let location: SourceLocation
    public let message: String
    public let hint: String?

    public init(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        self.location = location
        self.message = message
        self.hint = hint
    }

    public var description: String {
        "\(location): error: \(message)" + (hint.map { "\n  hint: \($0)" } ?? "")
    }
}
