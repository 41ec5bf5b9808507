/// One problem found in a model file: where it is, what is wrong, and what to do about it.
public struct ModelDiagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// What the engineer can do about it ("did you mean 'bpcs'?", "write it as 10.10.1.0/24").
    public var hint: String?

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// `file:line:column: error: message (hint)` — the form compilers use, so editors can jump to it.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let hint { text += "\n    hint: \(hint)" }
        return text
    }
}

/// The model could not be loaded: every error found in the file (not just the first), in file order.
public struct ModelLoadError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [ModelDiagnostic]

    public init(diagnostics: [ModelDiagnostic]) {
        self.diagnostics = diagnostics
    }

    public var errors: [ModelDiagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// The model file itself could not be read (missing, unreadable, not text).
public struct ModelFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "\(path): cannot read the model file: \(reason)" }
}

/// Collects diagnostics while a model is decoded and validated, so a file's errors are reported together.
struct DiagnosticLog {
    let file: String
    private(set) var entries: [ModelDiagnostic] = []

    init(file: String) { self.file = file }

    func location(of node: ModelNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column)
    }

    mutating func error(_ node: ModelNode, _ message: String, hint: String? = nil) {
        entries.append(ModelDiagnostic(.error, at: location(of: node), message, hint: hint))
    }

    mutating func error(at location: SourceLocation, _ message: String, hint: String? = nil) {
        entries.append(ModelDiagnostic(.error, at: location, message, hint: hint))
    }

    mutating func warning(at location: SourceLocation, _ message: String, hint: String? = nil) {
        entries.append(ModelDiagnostic(.warning, at: location, message, hint: hint))
    }

    var hasErrors: Bool { entries.contains { $0.severity == .error } }
}
