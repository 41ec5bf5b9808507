import IEC62443
import XCTest

/// Pins the catalog counts recorded in docs/standards/*-sources.md, so an edit to the data cannot go unnoticed.
final class CatalogTests: XCTestCase {
    let catalog = Catalog.bundled

    private func requiredCount(_ standard: Standard, at level: SecurityLevel) -> Int {
        catalog.entries(of: standard).filter { $0.isRequired(at: level) }.count
    }

    func testSystemRequirementsCounts() {
        let entries = catalog.entries(of: .systemRequirements)
        XCTAssertEqual(entries.filter { $0.kind == .sr }.count, 51)
        XCTAssertEqual(entries.filter { $0.kind == .re }.count, 49)
        XCTAssertEqual([SecurityLevel.sl1, .sl2, .sl3, .sl4].map { requiredCount(.systemRequirements, at: $0) }, [37, 60, 90, 100])
        // SRs per FR: IAC 13, UC 12, SI 9, DC 3, RDF 4, TRE 2, RA 8.
        let perFR = FoundationalRequirement.allCases.map { fr in entries.filter { $0.kind == .sr && $0.fr == fr }.count }
        XCTAssertEqual(perFR, [13, 12, 9, 3, 4, 2, 8])
    }

    func testComponentRequirementsCounts() {
        let entries = catalog.entries(of: .componentRequirements)
        XCTAssertEqual(entries.count, 122)
        XCTAssertEqual(entries.filter { $0.kind == .cr }.count, 43)
        XCTAssertEqual(entries.filter { $0.kind == .re }.count, 49)
        XCTAssertEqual(entries.filter { $0.kind == .sar }.count, 2)
        XCTAssertEqual(entries.filter { $0.kind == .edr }.count, 8)
        XCTAssertEqual(entries.filter { $0.kind == .hdr }.count, 8)
        XCTAssertEqual(entries.filter { $0.kind == .ndr }.count, 12)
        XCTAssertEqual([SecurityLevel.sl1, .sl2, .sl3, .sl4].map { requiredCount(.componentRequirements, at: $0) }, [50, 93, 116, 122])
        let perType = ComponentType.allCases.map { type in entries.filter { $0.components?.contains(type) ?? false }.count }
        XCTAssertEqual(perType, [73, 83, 84, 92])
    }

    func testRiskAssessmentAndLifecycleCounts() {
        let zcrs = catalog.entries(of: .riskAssessment)
        XCTAssertEqual(zcrs.filter { $0.parent == nil }.count, 7)
        XCTAssertEqual(zcrs.filter { $0.parent != nil }.count, 32)
        XCTAssertEqual(zcrs.filter { $0.parent == "ZCR 5" }.count, 13)
        let practices = catalog.entries(of: .developmentLifecycle)
        XCTAssertEqual(practices.count, 47)
        XCTAssertEqual(catalog.practices.map(\.id), ["SM", "SR", "SD", "SI", "SVV", "DM", "SUM", "SG"])
        XCTAssertEqual(catalog.maturityLevels.map(\.level), [1, 2, 3, 4])
        let perPractice = catalog.practices.map { p in practices.filter { $0.practice == p.id }.count }
        XCTAssertEqual(perPractice, [13, 5, 4, 2, 5, 6, 5, 7])
    }

    func testEveryEntryIsWellFormed() {
        var seen: Set<String> = []
        for entry in catalog.entries {
            XCTAssertTrue(seen.insert(Catalog.canonicalID(entry.id)).inserted, "duplicate id \(entry.id)")
            XCTAssertFalse(entry.title.isEmpty, entry.id)
            XCTAssertLessThanOrEqual(entry.title.count, 80, "titles are short, in Zonal's words: \(entry.id)")
            if let parent = entry.parent { XCTAssertNotNil(catalog.requirement(parent), "\(entry.id) names missing parent \(parent)") }
            if entry.standard == .systemRequirements || entry.standard == .componentRequirements {
                XCTAssertNotNil(entry.fr, entry.id)
                // Levels run contiguously up to 4: required from n means required at every higher level.
                if let first = entry.levels.first { XCTAssertEqual(entry.levels, Array(first...4), entry.id) }
            } else {
                XCTAssertEqual(entry.levels, [], entry.id)
            }
        }
    }

    func testKnownLevelsFromTheMappingTable() throws {
        func levels(_ id: String) throws -> [Int] { try XCTUnwrap(catalog.requirement(id), id).levels }
        XCTAssertEqual(try levels("SR 1.1"), [1, 2, 3, 4])
        XCTAssertEqual(try levels("SR 1.1 RE 1"), [2, 3, 4])
        XCTAssertEqual(try levels("SR 1.1 RE 2"), [3, 4])
        XCTAssertEqual(try levels("SR 1.1 RE 3"), [4])
        XCTAssertEqual(try levels("SR 5.2 RE 1"), [2, 3, 4])
        XCTAssertEqual(try levels("SR 2.12"), [3, 4])
        XCTAssertEqual(try levels("CR 1.1 RE 1"), [2, 3, 4])
    }

    func testIdsAreFoundHoweverTheyAreWritten() throws {
        XCTAssertEqual(catalog.requirement("sr1.1 re2")?.id, "SR 1.1 RE 2")
        XCTAssertEqual(catalog.requirement("SR 1.1 (2)")?.id, "SR 1.1 RE 2")
        XCTAssertEqual(catalog.requirement("  SR  5.2  ")?.id, "SR 5.2")
        XCTAssertEqual(catalog.requirement("ZCR 3.3")?.standard, .riskAssessment)
        XCTAssertEqual(catalog.requirement("SM-1")?.standard, .developmentLifecycle)
        XCTAssertNil(catalog.requirement("SR 9.9"))
    }

    func testSystemRequirementsForATarget() {
        let atThree = catalog.systemRequirements(for: .iac, at: .sl3).map(\.id)
        XCTAssertTrue(atThree.contains("SR 1.1 RE 2"))
        XCTAssertFalse(atThree.contains("SR 1.1 RE 3"))
        XCTAssertTrue(catalog.systemRequirements(for: .ra, at: .sl0).isEmpty)
    }
}
