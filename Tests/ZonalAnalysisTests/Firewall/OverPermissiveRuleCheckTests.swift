import XCTest
import ZonalAnalysis

final class OverPermissiveRuleCheckTests: XCTestCase {
    func testManagementFromEnterpriseIntoControlIsCritical() throws {
        let rules = FirewallFixture.good + ["-A FORWARD -s 10.100.0.0/16 -p tcp -m tcp --dport 22 -j ACCEPT"]
        let findings = try FirewallFixture.findings("ZC-FW-01", rules)
        let bpcs = try XCTUnwrap(findings.first { $0.message.contains("to zone 'bpcs'") })
        XCTAssertEqual(bpcs.severity, .critical)
        XCTAssertEqual(bpcs.location.file, "fw.rules")
        XCTAssertEqual(bpcs.location.line, 8, "the finding points at the rule's line")
        XCTAssertTrue(bpcs.message.contains("ssh"))
    }

    func testWholeZoneAnyPortIsReported() throws {
        let rules = FirewallFixture.good + ["-A FORWARD -s 10.20.0.0/24 -d 10.100.0.0/16 -j ACCEPT"]
        let findings = try FirewallFixture.findings("ZC-FW-01", rules)
        XCTAssertEqual(findings.count, 1)
        XCTAssertEqual(findings[0].severity, .critical, "any protocol between whole zones")
    }

    func testRulesetPermittingOnlyTheFlowsIsClean() throws {
        XCTAssertEqual(try FirewallFixture.findings("ZC-FW-01", FirewallFixture.good), [])
    }
}

final class OutsideAddressesTests: XCTestCase {
    func testAnySourceIntoSafetyIsCriticalFromAddressesInNoZone() throws {
        let rules = FirewallFixture.good + ["-A FORWARD -d 10.10.1.10/32 -p tcp -m tcp --dport 502 -j ACCEPT"]
        let findings = try FirewallFixture.findings("ZC-FW-01", rules)
        let outside = try XCTUnwrap(findings.first { $0.message.contains("from addresses in no zone") })
        XCTAssertEqual(outside.severity, .critical)
        XCTAssertEqual(outside.location.line, 8)
        XCTAssertTrue(outside.remediation.contains("addresses of the plant's zones"))
    }
}
