/// The formats the command line can write. Each command accepts the subset it supports.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, csv
}
