import XCTest
import ZonalModel

final class NetworkTests: XCTestCase {
    func testIPv4() {
        XCTAssertEqual(IPAddress("10.10.1.10")?.description, "10.10.1.10")
        XCTAssertNil(IPAddress("10.10.1"))
        XCTAssertNil(IPAddress("10.10.1.256"))
        XCTAssertNil(IPAddress("10.010.1.1"), "leading zeros are ambiguous")
    }

    func testIPv6CompressionAndEmbeddedIPv4() {
        XCTAssertEqual(IPAddress("fd00:10:0:0:0:0:0:1")?.description, "fd00:10::1")
        XCTAssertEqual(IPAddress("::1")?.description, "::1")
        XCTAssertEqual(IPAddress("::ffff:10.1.2.3")?.description, "::ffff:a01:203")
        XCTAssertNil(IPAddress("1::2::3"))
        XCTAssertNil(IPAddress("12345::1"))
    }

    func testCIDRContainsAndOverlaps() throws {
        let a = try IPNetwork.parse("10.10.0.0/16")
        let b = try IPNetwork.parse("10.10.2.0/24")
        let c = try IPNetwork.parse("10.11.0.0/16")
        XCTAssertTrue(a.contains(IPAddress("10.10.200.1")!))
        XCTAssertFalse(a.contains(IPAddress("10.11.0.1")!))
        XCTAssertTrue(a.overlaps(b) && b.overlaps(a))
        XCTAssertFalse(a.overlaps(c))
        XCTAssertEqual(b.last.description, "10.10.2.255")
        let v6 = try IPNetwork.parse("fd00:10::/64")
        XCTAssertTrue(v6.contains(IPAddress("fd00:10::ffff")!))
        XCTAssertFalse(v6.contains(IPAddress("10.10.2.1")!), "families never mix")
        XCTAssertEqual(try IPNetwork.parse("0.0.0.0/0").last.description, "255.255.255.255")
    }

    func testHostBitsAreRefusedWithTheFix() {
        XCTAssertThrowsError(try IPNetwork.parse("10.10.1.5/24")) { error in
            XCTAssertEqual(error as? IPNetwork.ParseError, .hostBitsSet(suggested: "10.10.1.0/24"))
        }
        XCTAssertThrowsError(try IPNetwork.parse("10.10.1.0/33")) { XCTAssertEqual($0 as? IPNetwork.ParseError, .badPrefix) }
    }

    func testMAC() {
        XCTAssertEqual(MACAddress("00-1D-9C-C8-0A-01")?.description, "00:1d:9c:c8:0a:01")
        XCTAssertNil(MACAddress("00:1d:9c:c8:0a"))
    }
}
