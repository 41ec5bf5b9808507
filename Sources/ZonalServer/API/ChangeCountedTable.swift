/// Values that are right only for one store change count: a newer count empties the table, and a value read at any other
/// count than the table's is not kept. Bounded by a cost per entry (a bound on memory, not a policy); beyond it the
/// table starts again empty. Not synchronized: its owner holds a lock around it.
struct ChangeCountedTable<Key: Hashable, Value> {
    /// The change count every entry was read at.
    private(set) var changes: Int64 = .min
    private var entries: [Key: Value] = [:]
    private var spent = 0
    let budget: Int
    let cost: (Value) -> Int

    init(budget: Int, cost: @escaping (Value) -> Int = { _ in 1 }) {
        self.budget = budget
        self.cost = cost
    }

    /// The value for `key`, once the table has caught up with `changes` (what the caller read; never older than that).
    mutating func value(_ key: Key, seenAt changes: Int64) -> Value? {
        advance(to: changes)
        return entries[key]
    }

    /// Keeps `value`, read at `changes`, if that is still the newest count seen and it fits the budget at all.
    mutating func keep(_ value: Value, for key: Key, readAt changes: Int64) {
        advance(to: changes)
        let size = cost(value)
        guard changes == self.changes, size <= budget else { return }
        if let replaced = entries.removeValue(forKey: key) { spent -= cost(replaced) }
        if spent + size > budget {
            entries = [:]
            spent = 0
        }
        entries[key] = value
        spent += size
    }

    private mutating func advance(to newer: Int64) {
        guard newer > changes else { return }
        changes = newer
        entries = [:]
        spent = 0
    }
}
