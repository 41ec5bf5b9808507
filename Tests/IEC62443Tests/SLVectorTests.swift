import IEC62443
import XCTest

final class SLVectorTests: XCTestCase {
    func testScalarExpandsToAllSevenFRs() throws {
        let v = try SLVector.parse("3")
        XCTAssertEqual(v.description, "{3,3,3,3,3,3,3}")
        XCTAssertEqual(v[.ra], .sl3)
    }

    func testOrderedNotationRoundTrips() throws {
        let v = try SLVector.parse("{3,3,3,2,3,2,3}")
        XCTAssertEqual(v[.dc], .sl2)
        XCTAssertEqual(v[.tre], .sl2)
        XCTAssertEqual(try SLVector.parse(v.description), v)
    }

    func testNamedNotationInAnyOrder() throws {
        let v = try SLVector.parse("{RA: 1, IAC: 3, UC: 3, SI: 2, DC: 2, RDF: 3, TRE: 0}")
        XCTAssertEqual(v.description, "{3,3,2,2,3,0,1}")
        XCTAssertEqual(v.namedDescription, "IAC 3, UC 3, SI 2, DC 2, RDF 3, TRE 0, RA 1")
        XCTAssertEqual(try SLVector.parse("IAC=3 UC=3 SI=2 DC=2 RDF=3 TRE=0 RA=1"), v)
    }

    func testParseErrorsSayWhatIsWrong() {
        XCTAssertThrowsError(try SLVector.parse("5")) { XCTAssertEqual($0 as? SLVectorParseError, .levelOutOfRange(5)) }
        XCTAssertThrowsError(try SLVector.parse("{1,2,3}")) { XCTAssertEqual($0 as? SLVectorParseError, .wrongCount(3)) }
        XCTAssertThrowsError(try SLVector.parse("{IAC: 3, UC: 3}")) {
            XCTAssertEqual($0 as? SLVectorParseError, .missingFRs(["SI", "DC", "RDF", "TRE", "RA"]))
        }
        XCTAssertThrowsError(try SLVector.parse("{IAC: 3, IAC: 2, UC: 1, SI: 1, DC: 1, RDF: 1, TRE: 1, RA: 1}")) {
            XCTAssertEqual($0 as? SLVectorParseError, .duplicateFR("IAC"))
        }
        XCTAssertThrowsError(try SLVector.parse("{XYZ: 3}")) { XCTAssertEqual($0 as? SLVectorParseError, .unknownFR("XYZ")) }
    }

    func testComparisonPerFR() throws {
        let target = try SLVector.parse("{3,3,3,2,3,2,3}")
        let achieved = try SLVector.parse("{3,2,3,2,1,2,3}")
        XCTAssertFalse(achieved.meets(target))
        XCTAssertTrue(target.meets(achieved))
        XCTAssertEqual(achieved.shortfall(against: target), [.uc: 1, .rdf: 2])
        XCTAssertEqual(achieved.union(target), target)
        XCTAssertEqual(achieved.intersection(target), achieved)
        XCTAssertEqual(target.maximum, .sl3)
        XCTAssertEqual(achieved.minimum, .sl1)
    }

    func testFoundationalRequirementParsing() {
        XCTAssertEqual(FoundationalRequirement(parsing: "rdf"), .rdf)
        XCTAssertEqual(FoundationalRequirement(parsing: "FR 7"), .ra)
        XCTAssertEqual(FoundationalRequirement(parsing: "FR1"), .iac)
        XCTAssertNil(FoundationalRequirement(parsing: "FR 8"))
        XCTAssertEqual(FoundationalRequirement.allCases.map(\.abbreviation), ["IAC", "UC", "SI", "DC", "RDF", "TRE", "RA"])
    }

    func testSecurityLevelRange() {
        XCTAssertNil(SecurityLevel(rawValue: -1))
        XCTAssertNil(SecurityLevel(rawValue: 5))
        XCTAssertEqual(SecurityLevel(rawValue: 4), .sl4)
        XCTAssertTrue(SecurityLevel.sl1 < .sl2)
    }
}
