import XCTest
import ZonalAnalysis

final class OneWayConduitBreachCheckTests: XCTestCase {
    func testTrafficAgainstTheDirectionIsReported() throws {
        let rules = FirewallFixture.good + ["-A FORWARD -s 10.20.0.10/32 -d 10.10.2.5/32 -p tcp -m tcp --dport 4840 -j ACCEPT"]
        let findings = try FirewallFixture.findings("ZC-FW-04", rules)
        XCTAssertEqual(findings.count, 1)
        XCTAssertEqual(findings[0].subject, "conduit:bpcs-dmz")
        XCTAssertEqual(findings[0].location.line, 8)
        XCTAssertEqual(try FirewallFixture.findings("ZC-FW-01", rules), [], "reported once, as a one-way breach")
    }

    func testTrafficWithTheDirectionIsNotReported() throws {
        XCTAssertEqual(try FirewallFixture.findings("ZC-FW-04", FirewallFixture.good), [])
    }
}
