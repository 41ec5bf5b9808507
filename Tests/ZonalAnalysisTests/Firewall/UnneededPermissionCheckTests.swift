import XCTest
import ZonalAnalysis

final class UnneededPermissionCheckTests: XCTestCase {
    func testZoneWidePermitAllowedByConduitButUnusedIsReported() throws {
        let rules = FirewallFixture.good + ["-A FORWARD -s 10.10.2.0/24 -d 10.10.1.0/24 -p tcp -m tcp --dport 502 -j ACCEPT"]
        let findings = try FirewallFixture.findings("ZC-FW-02", rules)
        XCTAssertEqual(findings.count, 1)
        XCTAssertEqual(findings[0].location.line, 8)
        XCTAssertEqual(try FirewallFixture.findings("ZC-FW-01", rules), [], "the conduit's inline rule allows it, so it is not over-permissive")
    }

    func testExactPermitsAreNotReported() throws {
        XCTAssertEqual(try FirewallFixture.findings("ZC-FW-02", FirewallFixture.good), [])
    }
}
