import XCTest
import ZonalAnalysis

final class FlowBlockedByFirewallCheckTests: XCTestCase {
    func testEssentialFlowOnTheWrongPortIsCriticalAtThePolicy() throws {
        var rules = FirewallFixture.good
        rules[1] = "-A FORWARD -s 10.10.2.5/32 -d 10.20.0.10/32 -p tcp -m tcp --dport 4841 -j ACCEPT"
        let findings = try FirewallFixture.findings("ZC-FW-03", rules)
        XCTAssertEqual(findings.count, 1)
        XCTAssertEqual(findings[0].severity, .critical)
        XCTAssertEqual(findings[0].location.line, 3, "the FORWARD chain's drop policy decides")
        XCTAssertEqual(findings[0].subject, "flow:hist-repl")
    }

    func testDroppedRepliesBlockTheConnection() throws {
        let findings = try FirewallFixture.findings("ZC-FW-03", Array(FirewallFixture.good.dropFirst()))
        XCTAssertEqual(findings.count, 2, "without accepting replies neither TCP flow completes")
        XCTAssertTrue(findings.allSatisfy { $0.message.contains("replies") })
    }

    func testPermittedFlowsAreNotReported() throws {
        XCTAssertEqual(try FirewallFixture.findings("ZC-FW-03", FirewallFixture.good), [])
    }
}
