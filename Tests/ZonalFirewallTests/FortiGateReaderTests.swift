import XCTest
import ZonalFirewall
import ZonalModel

/// FortiGate configuration: addresses, groups, services, zones and policies in list order with the implicit deny.
final class FortiGateReaderTests: XCTestCase {
    let config = """
    #config-version=FGT60F-7.2.5-FW-build1517-230606:opmode=0:vdom=0
    config system zone
        edit "OT"
            set interface "port2" "port3"
        next
    end
    config firewall address
        edit "historian"
            set subnet 10.20.0.10 255.255.255.255
        next
        edit "eng-range"
            set type iprange
            set start-ip 10.100.4.1
            set end-ip 10.100.4.50
        next
        edit "plc-net"
            set subnet 10.10.2.0 255.255.255.0
        next
    end
    config firewall addrgrp
        edit "ENG"
            set member "eng-range" "historian"
        next
    end
    config firewall service custom
        edit "MODBUS"
            set tcp-portrange 502
        next
        edit "OPCUA"
            set tcp-portrange 4840-4841
            set udp-portrange 4840
        next
    end
    config firewall service group
        edit "OT-SVC"
            set member "MODBUS" "OPCUA"
        next
    end
    config firewall policy
        edit 7
            set name "eng to plcs"
            set srcintf "port1"
            set dstintf "OT"
            set srcaddr "ENG"
            set dstaddr "plc-net"
            set action accept
            set schedule "always"
            set service "OT-SVC"
        next
        edit 3
            set srcintf "port1"
            set dstintf "any"
            set srcaddr "all"
            set dstaddr "plc-net"
            set action deny
            set service "ALL"
        next
        edit 9
            set srcintf "port1"
            set dstintf "port2"
            set srcaddr "all"
            set dstaddr "plc-net"
            set action accept
            set service "SSH"
        next
        edit 10
            set status disable
            set srcintf "any"
            set dstintf "any"
            set srcaddr "all"
            set dstaddr "all"
            set action accept
            set service "ALL"
        next
    end
    """

    func testPoliciesInListOrder() throws {
        XCTAssertEqual(RulesetReader.detect(config), .fortiGate)
        let ruleset = try FortiGateReader(file: "fgt.conf").read(config)
        let evaluator = try RulesetEvaluator(ruleset)
        func decide(_ src: String, _ dst: String, _ proto: Int, _ port: Int, _ from: String, _ to: String) -> Decision {
            evaluator.decision(for: Packet(source: IPAddress(src)!, destination: IPAddress(dst)!, proto: proto, sourcePort: 40000, destinationPort: port,
                                           inInterface: from, outInterface: to))
        }
        let modbus = decide("10.100.4.20", "10.10.2.5", 6, 502, "port1", "port3")
        XCTAssertEqual(modbus.verdict, .accept, "port3 is a member of zone OT")
        XCTAssertEqual(ruleset.rule(modbus.rule!)?.location.line, 40, "located at the policy's edit line")
        XCTAssertEqual(decide("10.100.4.20", "10.10.2.5", 17, 4840, "port1", "port2").verdict, .accept)
        XCTAssertEqual(decide("10.100.4.60", "10.10.2.5", 6, 502, "port1", "port2").verdict, .deny, "outside the address range: policy 3 denies")
        XCTAssertEqual(decide("10.100.4.60", "10.10.2.5", 6, 22, "port1", "port2").verdict, .deny, "policy 9 comes after policy 3 in the list")
        XCTAssertEqual(decide("10.100.4.60", "10.20.0.10", 6, 22, "port1", "port2").verdict, .deny, "implicit deny; the disabled policy is skipped")
        XCTAssertTrue(ruleset.notes.contains { $0.contains("policy 10 is disabled") })
    }

    func testUndefinedNamesAreLocatedErrors() {
        let bad = config.replacingOccurrences(of: "set service \"SSH\"", with: "set service \"SHH\"")
        XCTAssertThrowsError(try FortiGateReader(file: "fgt.conf").read(bad)) { error in
            let e = error as! FirewallReadError
            XCTAssertTrue(e.message.contains("SHH"))
            XCTAssertEqual(e.location.line, 64)
        }
        XCTAssertThrowsError(try FortiGateReader(file: "fgt.conf").read("config firewall policy\n    edit 1\n")) { error in
            XCTAssertTrue((error as! FirewallReadError).message.contains("never closed"))
        }
    }
}
