import XCTest
import ZonalAnalysis

final class RedundantRuleCheckTests: XCTestCase {
    func testDropBeforeADropPolicyIsRedundant() throws {
        let rules = FirewallFixture.good + ["-A FORWARD -s 10.100.0.0/16 -p udp -j DROP"]
        let findings = try FirewallFixture.findings("ZC-FW-06", rules)
        XCTAssertEqual(findings.map(\.location.line), [8])
    }

    func testRulesThatDecideSomethingAreNotRedundant() throws {
        XCTAssertEqual(try FirewallFixture.findings("ZC-FW-06", FirewallFixture.good), [])
    }
}
