import Testing
@testable import ZonalServer

/// The table under the snapshot and page caches: nothing older than the newest change count seen is ever served.
struct ChangeCountedTableTests {
    @Test func aNewerCountEmptiesItAndAnOlderReadIsNotKept() {
        var table = ChangeCountedTable<String, String>(budget: 10)
        table.keep("page at 5", for: "a", readAt: 5)
        #expect(table.value("a", seenAt: 5) == "page at 5")
        #expect(table.value("a", seenAt: 4) == "page at 5", "a request that read an older count gets the newer value")
        #expect(table.value("a", seenAt: 6) == nil, "a newer count empties the table")
        table.keep("page at 5", for: "a", readAt: 5)
        #expect(table.value("a", seenAt: 6) == nil, "a value read before the newest count is not kept")
        #expect(table.changes == 6)
    }

    @Test func theBudgetBoundsWhatIsHeld() {
        var table = ChangeCountedTable<Int, String>(budget: 10) { $0.count }
        table.keep("12345", for: 1, readAt: 1)
        table.keep("1234", for: 2, readAt: 1)
        #expect(table.value(1, seenAt: 1) != nil && table.value(2, seenAt: 1) != nil)
        table.keep("123", for: 3, readAt: 1)
        #expect(table.value(1, seenAt: 1) == nil && table.value(3, seenAt: 1) == "123", "over the budget the table starts again")
        table.keep(String(repeating: "x", count: 11), for: 4, readAt: 1)
        #expect(table.value(4, seenAt: 1) == nil && table.value(3, seenAt: 1) == "123", "a value larger than the budget is never kept")
        table.keep("1234567", for: 3, readAt: 1)
        table.keep("12", for: 5, readAt: 1)
        #expect(table.value(3, seenAt: 1) == "1234567" && table.value(5, seenAt: 1) == "12", "a replaced value's cost is given back")
    }
}
