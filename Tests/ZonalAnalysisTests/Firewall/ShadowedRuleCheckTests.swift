import XCTest
import ZonalAnalysis

final class ShadowedRuleCheckTests: XCTestCase {
    func testRuleBehindABroaderOneIsNeverReached() throws {
        let rules = FirewallFixture.good + [
            "-A FORWARD -s 10.10.2.0/24 -d 10.20.0.0/24 -p tcp -j DROP",
            "-A FORWARD -s 10.10.2.7/32 -d 10.20.0.10/32 -p tcp -m tcp --dport 443 -j ACCEPT",
        ]
        let findings = try FirewallFixture.findings("ZC-FW-05", rules)
        XCTAssertEqual(findings.map(\.location.line), [9])
        XCTAssertTrue(findings[0].message.contains("rule FORWARD #4"), findings[0].message)
    }

    func testReachableRulesAreNotReported() throws {
        XCTAssertEqual(try FirewallFixture.findings("ZC-FW-05", FirewallFixture.good), [])
    }
}
