import XCTest
import ZonalFirewall
import ZonalModel

/// Cisco ASA running-config: objects, groups, access-lists, access-groups and security levels, as the configuration guide describes them.
final class CiscoASAReaderTests: XCTestCase {
    let config = """
    : Saved
    ASA Version 9.16(4)
    !
    hostname fw-ot
    interface GigabitEthernet0/0
     nameif outside
     security-level 0
     ip address 10.100.0.1 255.255.0.0
    !
    interface GigabitEthernet0/1
     nameif dmz
     security-level 50
     ip address 10.20.0.1 255.255.255.0
    !
    interface GigabitEthernet0/2
     nameif inside
     security-level 100
     ip address 10.10.2.1 255.255.255.0
    !
    object network historian
     host 10.20.0.10
    object network jump-host
     host 10.20.0.5
    object-group network ENG-PCS
     network-object host 10.100.4.20
     network-object 10.100.5.0 255.255.255.0
    object-group service OT-PORTS tcp
     port-object eq 502
     port-object range 20000 20010
    object-group service WEB
     service-object tcp destination eq https
     service-object udp destination eq 1194
    access-list OUTSIDE_IN extended permit object-group WEB object-group ENG-PCS object jump-host
    access-list OUTSIDE_IN remark vendor access, to be removed
    access-list OUTSIDE_IN extended deny tcp any any eq telnet log
    access-list OUTSIDE_IN extended permit tcp any4 object historian gt 1023
    access-list DMZ_OUT extended deny tcp any 10.10.2.0 255.255.255.0 object-group OT-PORTS
    access-list DMZ_OUT extended permit ip any any
    access-group OUTSIDE_IN in interface outside
    access-group DMZ_OUT out interface inside
    """

    func verdict(_ evaluator: RulesetEvaluator, _ src: String, _ dst: String, _ proto: Int, _ port: Int, from: String, to: String) -> Decision {
        evaluator.decision(for: Packet(source: IPAddress(src)!, destination: IPAddress(dst)!, proto: proto, sourcePort: 40000, destinationPort: port,
                                       inInterface: from, outInterface: to))
    }

    func testAccessListsAndSecurityLevels() throws {
        XCTAssertEqual(RulesetReader.detect(config), .ciscoASA)
        let ruleset = try CiscoASAReader(file: "asa.cfg").read(config)
        let evaluator = try RulesetEvaluator(ruleset)
        // Outside (level 0) in: only what OUTSIDE_IN permits.
        let web = verdict(evaluator, "10.100.4.20", "10.20.0.5", 6, 443, from: "outside", to: "dmz")
        XCTAssertEqual(web.verdict, .accept)
        XCTAssertEqual(ruleset.rule(web.rule!)?.location.line, 33)
        XCTAssertEqual(verdict(evaluator, "10.100.5.9", "10.20.0.5", 17, 1194, from: "outside", to: "dmz").verdict, .accept)
        XCTAssertEqual(verdict(evaluator, "10.100.6.9", "10.20.0.5", 6, 443, from: "outside", to: "dmz").verdict, .deny, "implicit deny")
        XCTAssertEqual(verdict(evaluator, "10.100.6.9", "10.20.0.10", 6, 5000, from: "outside", to: "dmz").verdict, .accept)
        let telnet = verdict(evaluator, "10.100.6.9", "10.20.0.10", 6, 23, from: "outside", to: "dmz")
        XCTAssertEqual(telnet.verdict, .deny)
        XCTAssertEqual(ruleset.rule(telnet.rule!)?.number, 2, "remarks do not count as entries")
        // DMZ (50) has no inbound list: lower levels only.
        XCTAssertEqual(verdict(evaluator, "10.20.0.5", "10.100.4.20", 6, 80, from: "dmz", to: "outside").verdict, .accept)
        XCTAssertEqual(verdict(evaluator, "10.20.0.5", "10.10.2.20", 6, 3389, from: "dmz", to: "inside").verdict, .deny)
        // Inside (100) to dmz: allowed by level, the outbound list on inside does not apply.
        XCTAssertEqual(verdict(evaluator, "10.10.2.20", "10.20.0.10", 6, 4840, from: "inside", to: "dmz").verdict, .accept)
        // Outbound list on inside: applies to traffic leaving by inside, after the inbound decision.
        XCTAssertEqual(verdict(evaluator, "10.100.6.9", "10.10.2.5", 6, 502, from: "outside", to: "inside").verdict, .deny)
    }

    func testOutboundListAppliesAfterTheInboundDecision() throws {
        let text = config.replacingOccurrences(of: "access-group OUTSIDE_IN in interface outside", with: "access-group DMZ_OUT in interface dmz")
        let evaluator = try RulesetEvaluator(CiscoASAReader(file: "asa.cfg").read(text))
        XCTAssertEqual(verdict(evaluator, "10.20.0.5", "10.10.2.20", 6, 3389, from: "dmz", to: "inside").verdict, .accept, "DMZ_OUT permits ip any any inbound on dmz")
        XCTAssertEqual(verdict(evaluator, "10.20.0.5", "10.10.2.20", 6, 502, from: "dmz", to: "inside").verdict, .deny, "OT ports are denied")
    }

    func testUndefinedObjectsAreLocatedErrors() {
        let bad = config.replacingOccurrences(of: "object jump-host\n", with: "object jump-hots\n")
        XCTAssertThrowsError(try CiscoASAReader(file: "asa.cfg").read(bad)) { error in
            XCTAssertEqual((error as! FirewallReadError).location.line, 33)
        }
        let unbound = config + "\naccess-group NOPE in interface outside\n"
        XCTAssertThrowsError(try CiscoASAReader(file: "asa.cfg").read(unbound)) { error in
            XCTAssertTrue((error as! FirewallReadError).message.contains("NOPE"))
        }
    }
}
