import XCTest
import ZonalAnalysis

final class UnmodelledConstructCheckTests: XCTestCase {
    func testRateLimitedRuleIsReportedWithItsAssumption() throws {
        let rules = FirewallFixture.good + ["-A FORWARD -p icmp -m limit --limit 5/sec -j ACCEPT"]
        let findings = try FirewallFixture.findings("ZC-FW-08", rules)
        XCTAssertEqual(findings.map(\.location.line), [8])
        XCTAssertTrue(findings[0].message.contains("assumed to match"))
    }

    func testModelledRulesAreNotReported() throws {
        XCTAssertEqual(try FirewallFixture.findings("ZC-FW-08", FirewallFixture.good), [])
    }
}
