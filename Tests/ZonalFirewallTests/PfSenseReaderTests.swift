import XCTest
import ZonalFirewall
import ZonalModel

/// OPNsense/pfSense config.xml: interface rules, first match, aliases, interface networks, default block.
final class PfSenseReaderTests: XCTestCase {
    let config = """
    <?xml version="1.0"?>
    <opnsense>
      <interfaces>
        <wan><if>em0</if><descr>WAN</descr><ipaddr>10.100.0.1</ipaddr><subnet>16</subnet></wan>
        <lan><if>em1</if><descr>OT</descr><ipaddr>10.10.2.1</ipaddr><subnet>24</subnet></lan>
      </interfaces>
      <aliases>
        <alias><name>PLCS</name><type>host</type><address>10.10.2.10 10.10.2.11</address></alias>
        <alias><name>OT_PORTS</name><type>port</type><address>502 20000:20010</address></alias>
      </aliases>
      <filter>
        <rule>
          <type>pass</type><interface>wan</interface><ipprotocol>inet</ipprotocol><protocol>tcp</protocol>
          <source><address>10.100.4.0/24</address></source>
          <destination><address>PLCS</address><port>OT_PORTS</port></destination>
          <descr>engineering to PLCs</descr>
        </rule>
        <rule>
          <type>block</type><interface>wan</interface><ipprotocol>inet</ipprotocol>
          <source><any/></source><destination><network>lan</network></destination>
        </rule>
        <rule>
          <disabled/>
          <type>pass</type><interface>wan</interface><source><any/></source><destination><any/></destination>
        </rule>
        <rule>
          <type>pass</type><interface>lan</interface><ipprotocol>inet</ipprotocol>
          <source><network>lan</network></source><destination><not/><network>lan</network></destination>
        </rule>
      </filter>
    </opnsense>
    """

    func testInterfaceRulesFirstMatchAndAliases() throws {
        XCTAssertEqual(RulesetReader.detect(config), .pfSense)
        let ruleset = try PfSenseReader(file: "config.xml").read(Array(config.utf8))
        let evaluator = try RulesetEvaluator(ruleset)
        func decide(_ src: String, _ dst: String, _ port: Int, _ iif: String) -> Decision {
            evaluator.decision(for: Packet(source: IPAddress(src)!, destination: IPAddress(dst)!, proto: 6, sourcePort: 40000, destinationPort: port, inInterface: iif))
        }
        let modbus = decide("10.100.4.20", "10.10.2.10", 502, "em0")
        XCTAssertEqual(modbus.verdict, .accept, "the device name names the interface too")
        XCTAssertEqual(ruleset.rule(modbus.rule!)?.location.line, 12)
        XCTAssertEqual(decide("10.100.4.20", "10.10.2.11", 20005, "wan").verdict, .accept)
        XCTAssertEqual(decide("10.100.4.20", "10.10.2.12", 502, "wan").verdict, .deny, "not in the alias: the block rule")
        XCTAssertEqual(decide("10.10.2.5", "10.100.4.20", 443, "OT").verdict, .accept, "lan net to anything but lan net")
        XCTAssertEqual(decide("10.100.4.20", "10.20.0.5", 443, "wan").verdict, .deny, "default block; the disabled rule is skipped")
    }

    func testBrokenXMLSaysWhere() {
        XCTAssertThrowsError(try PfSenseReader(file: "config.xml").read(Array("<opnsense>\n<filter>\n<rule></filter>\n".utf8))) { error in
            XCTAssertGreaterThan((error as! FirewallReadError).location.line, 1)
        }
        let badAlias = config.replacingOccurrences(of: "<address>PLCS</address>", with: "<address>PLCZ</address>")
        XCTAssertThrowsError(try PfSenseReader(file: "config.xml").read(Array(badAlias.utf8))) { error in
            XCTAssertTrue((error as! FirewallReadError).message.contains("PLCZ"))
        }
    }
}
