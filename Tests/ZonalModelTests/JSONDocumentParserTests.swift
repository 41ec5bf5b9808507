import XCTest
@testable import ZonalModel

final class JSONDocumentParserTests: XCTestCase {
    private func parse(_ text: String) throws -> ModelNode {
        try JSONDocumentParser.parse(Array(text.utf8))
    }

    func testValuesCarryLineAndColumn() throws {
        let root = try parse("{\n  \"a\": [1, true],\n  \"b\": \"x\"\n}")
        guard case .mapping(let pairs) = root.value else { return XCTFail("expected a mapping") }
        XCTAssertEqual(pairs.map { $0.key.scalarText }, ["a", "b"])
        XCTAssertEqual([pairs[0].key.line, pairs[0].key.column], [2, 3])
        guard case .sequence(let items) = pairs[0].value.value else { return XCTFail("expected a list") }
        XCTAssertEqual([items[1].line, items[1].column], [2, 12])
        XCTAssertEqual(items[1].typeName, "a boolean")
        XCTAssertEqual([pairs[1].value.line, pairs[1].value.column], [3, 8])
    }

    func testEscapesAndSurrogatePairs() throws {
        let root = try parse(#"["a\"b\\c\/\n\u00e9\ud83d\ude00"]"#)
        guard case .sequence(let items) = root.value else { return XCTFail() }
        XCTAssertEqual(items[0].scalarText, "a\"b\\c/\né😀")
    }

    func testColumnsCountCharactersNotBytes() throws {
        let root = try parse("{\"é\": \"ü\", \"k\": 1}")
        guard case .mapping(let pairs) = root.value else { return XCTFail() }
        XCTAssertEqual(pairs[1].key.column, 12)
    }

    func testSyntaxErrorsAreLocated() {
        XCTAssertThrowsError(try parse("{\n  \"a\": 1,\n  \"b\" 2\n}")) { error in
            let e = error as! DocumentSyntaxError
            XCTAssertEqual([e.line, e.column], [3, 7])
            XCTAssertTrue(e.message.contains("':'"), e.message)
        }
        XCTAssertThrowsError(try parse("[1, 2,]")) { XCTAssertEqual(($0 as! DocumentSyntaxError).column, 7) }
        XCTAssertThrowsError(try parse("{\"a\": 01}"))
        XCTAssertThrowsError(try parse("\"unterminated"))
        XCTAssertThrowsError(try parse("{} extra")) { XCTAssertTrue(($0 as! DocumentSyntaxError).message.contains("after the end")) }
        XCTAssertThrowsError(try parse("[\"\\ud800\"]"))
    }

    func testDeepNestingIsRefusedNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertThrowsError(try parse(deep)) { XCTAssertTrue(($0 as! DocumentSyntaxError).message.contains("nesting")) }
    }

    func testNumbersKeepTheirText() throws {
        let root = try parse("[0, -1.5e3, 42]")
        guard case .sequence(let items) = root.value else { return XCTFail() }
        XCTAssertEqual(items.map(\.scalarText), ["0", "-1.5e3", "42"])
        XCTAssertTrue(items.allSatisfy { $0.typeName == "a number" })
    }
}
