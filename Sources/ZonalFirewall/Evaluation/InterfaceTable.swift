/// The interface names a ruleset (and the model) mention, numbered so interfaces become an axis of the packet space.
///
/// Index 0 stands for every interface never named; a wildcard `eth+` adds an entry for the unnamed interfaces with that prefix.
public struct InterfaceTable: Sendable {
    public private(set) var names: [String] = ["*"]
    private var index: [String: Int] = ["*": 0]

    public init(names: [String]) {
        for name in names.sorted() { add(name) }
    }

    private mutating func add(_ name: String) {
        let key = InterfaceTable.isWildcard(name) ? String(name.dropLast()) + "*" : name
        guard index[key] == nil else { return }
        index[key] = names.count
        names.append(key)
    }

    public var count: Int { names.count }

    static func isWildcard(_ name: String) -> Bool { name.hasSuffix("+") || name.hasSuffix("*") }

    /// The entries a written name matches: itself, or for a prefix every entry starting with it.
    public func indices(matching written: String) -> [Int] {
        guard InterfaceTable.isWildcard(written) else { return index[written].map { [$0] } ?? [] }
        let prefix = String(written.dropLast())
        return names.indices.filter { $0 > 0 && names[$0].hasPrefix(prefix) }
    }

    /// The index of a concrete interface name, or 0 when the table does not know it.
    public func index(of name: String) -> Int {
        if let i = index[name] { return i }
        // An unnamed interface falls under the longest wildcard prefix it has.
        let candidates = names.indices.filter { names[$0].hasSuffix("*") && $0 > 0 && name.hasPrefix(String(names[$0].dropLast())) }
        return candidates.max { names[$0].count < names[$1].count } ?? 0
    }
}
