import XCTest
import ZonalAnalysis
import ZonalTestSupport

final class FlowWithoutConduitCheckTests: XCTestCase {
    func testAFlowBetweenUnjoinedZones() throws {
        let yaml = PlantFixture.yaml(flows: PlantFixture.flows + "\n  - { id: erp-pull, from: office, to: plc, protocol: opc-ua }")
        let result = try findings(of: FlowWithoutConduitCheck(), in: yaml)
        XCTAssertEqual(result.map(\.subject), ["flow:erp-pull"])
        XCTAssertTrue(result[0].remediation.contains("zones: [corp, bpcs]"))
    }

    func testEssentialFlowsAreLeftToTheAvailabilityCheck() throws {
        let yaml = PlantFixture.yaml(flows: PlantFixture.flows + "\n  - { id: erp-pull, from: office, to: plc, essential: true }")
        XCTAssertEqual(try findings(of: FlowWithoutConduitCheck(), in: yaml), [])
        XCTAssertEqual(try findings(of: EssentialFlowBlockedCheck(), in: yaml).map(\.subject), ["flow:erp-pull"])
    }
}

final class FlowNotPermittedCheckTests: XCTestCase {
    func testAFlowTheConduitDoesNotList() throws {
        let yaml = PlantFixture.yaml(flows: PlantFixture.flows + "\n  - { id: web, from: office, to: historian, protocol: http, port: 80 }")
        XCTAssertEqual(try findings(of: FlowNotPermittedCheck(), in: yaml).map(\.subject), ["flow:web"])
    }

    func testAnInlineRuleCoversAFlowByZone() throws {
        let yaml = PlantFixture.yaml(flows: PlantFixture.flows + "\n  - { id: web, from: office, to: historian, protocol: http, port: 80 }",
                                     conduits: PlantFixture.conduits.replacingOccurrences(of: "allows: [reports]", with: "allows: [reports, { from: corp, to: historian, protocol: http }]"))
        XCTAssertEqual(try findings(of: FlowNotPermittedCheck(), in: yaml), [])
    }

    func testAConduitWithoutEnforcementLetsEverythingThrough() throws {
        let yaml = PlantFixture.yaml(flows: PlantFixture.flows + "\n  - { id: web, from: office, to: historian, protocol: http, port: 80 }",
                                     conduits: PlantFixture.conduits.replacingOccurrences(of: "enforcement: dpi-firewall", with: "enforcement: none"))
        XCTAssertEqual(try findings(of: FlowNotPermittedCheck(), in: yaml), [])
    }

    func testFunctionsBeyondTheRuleAreNotCovered() throws {
        let yaml = PlantFixture.yaml(flows: PlantFixture.flows.replacingOccurrences(of: "essential: true }\n  - { id: reports", with: "essential: true }\n  - { id: w, from: plc, to: sis-ls, protocol: modbus, functions: [write-single-register] }\n  - { id: reports"),
                                     conduits: PlantFixture.conduits.replacingOccurrences(of: "allows: [status]", with: "allows: [status, { from: bpcs, to: sis, protocol: modbus, functions: [read-only] }]"))
        XCTAssertEqual(try findings(of: FlowNotPermittedCheck(), in: yaml).map(\.subject), ["flow:w"])
    }
}

final class OneWayConduitDirectionCheckTests: XCTestCase {
    func testAFlowListedAgainstTheDiode() throws {
        let yaml = PlantFixture.yaml(flows: PlantFixture.flows + "\n  - { id: backfill, from: historian, to: plc }",
                                     conduits: PlantFixture.conduits.replacingOccurrences(of: "allows: [repl]", with: "allows: [repl, backfill]"))
        let result = try findings(of: OneWayConduitDirectionCheck(), in: yaml)
        XCTAssertEqual(result.map(\.subject), ["conduit:bpcs-dmz"])
        XCTAssertTrue(result[0].message.contains("one-way bpcs->dmz but allows flow 'backfill' from dmz to bpcs"))
    }

    func testAnInlineRuleAgainstTheDiode() throws {
        let yaml = PlantFixture.yaml(conduits: PlantFixture.conduits.replacingOccurrences(of: "allows: [repl]", with: "allows: [repl, { from: dmz, to: plc }]"))
        XCTAssertEqual(try findings(of: OneWayConduitDirectionCheck(), in: yaml).count, 1)
    }

    func testRulesWithTheDirectionPass() throws {
        XCTAssertEqual(try findings(of: OneWayConduitDirectionCheck(), in: PlantFixture.yaml()), [])
    }
}

final class DMZBypassCheckTests: XCTestCase {
    func testEnterpriseStraightIntoControl() throws {
        let yaml = PlantFixture.yaml(conduits: PlantFixture.conduits + "\n  - { id: shortcut, zones: [corp, bpcs], enforcement: firewall }")
        let result = try findings(of: DMZBypassCheck(), in: yaml)
        XCTAssertEqual(result.map(\.subject), ["conduit:shortcut"])
        XCTAssertEqual(result.first?.severity, .critical)
    }

    func testEnterpriseToDMZPasses() throws {
        XCTAssertEqual(try findings(of: DMZBypassCheck(), in: PlantFixture.yaml()), [])
    }
}

final class ConduitTargetBelowZonesCheckTests: XCTestCase {
    func testAStatedTargetBelowTheSafetyZone() throws {
        let yaml = PlantFixture.yaml(conduits: PlantFixture.conduits.replacingOccurrences(of: "id: bpcs-sis, zones: [bpcs, sis],", with: "id: bpcs-sis, zones: [bpcs, sis], sl-target: {IAC: 3, UC: 3, SI: 2, DC: 3, RDF: 3, TRE: 3, RA: 3},"))
        let result = try findings(of: ConduitTargetBelowZonesCheck(), in: yaml)
        XCTAssertEqual(result.count, 1)
        XCTAssertTrue(result[0].message.contains("SI 2 < 3"), result[0].message)
    }

    func testAnOmittedTargetInheritsAndPasses() throws {
        XCTAssertEqual(try findings(of: ConduitTargetBelowZonesCheck(), in: PlantFixture.yaml()), [])
    }
}

final class EnforcementAdequacyCheckTests: XCTestCase {
    func testAFirewallAcrossTwoLevels() throws {
        let yaml = PlantFixture.yaml(zones: PlantFixture.zones.replacingOccurrences(of: "id: sis, kind: safety, sl-target: 3", with: "id: sis, kind: safety, sl-target: 4"),
                                     conduits: PlantFixture.conduits.replacingOccurrences(of: "id: bpcs-sis, zones: [bpcs, sis], enforcement: data-diode", with: "id: bpcs-sis, zones: [bpcs, sis], enforcement: firewall"))
        let result = try findings(of: EnforcementAdequacyCheck(), in: yaml)
        XCTAssertEqual(result.map(\.subject), ["conduit:bpcs-sis"])
        XCTAssertTrue(result[0].remediation.contains("dpi-firewall"), result[0].remediation)
    }

    func testThePlantPolicyOverridesTheDefault() throws {
        let yaml = PlantFixture.yaml(conduits: PlantFixture.conduits.replacingOccurrences(of: "id: corp-dmz, zones: [corp, dmz], enforcement: dpi-firewall", with: "id: corp-dmz, zones: [corp, dmz], enforcement: firewall"),
                                     extra: "policy:\n  enforcement:\n    1: [data-diode]")
        XCTAssertEqual(try findings(of: EnforcementAdequacyCheck(), in: yaml).map(\.subject), ["conduit:corp-dmz"])
    }

    func testNoEnforcementIsNeverAdequate() throws {
        let yaml = PlantFixture.yaml(conduits: PlantFixture.conduits.replacingOccurrences(of: "enforcement: dpi-firewall", with: "enforcement: none"))
        XCTAssertEqual(try findings(of: EnforcementAdequacyCheck(), in: yaml).map(\.subject), ["conduit:corp-dmz"])
    }

    func testAdequateEnforcementPasses() throws {
        XCTAssertEqual(try findings(of: EnforcementAdequacyCheck(), in: PlantFixture.yaml()), [])
    }
}

final class UnneededConduitRuleCheckTests: XCTestCase {
    func testARuleNoFlowNeeds() throws {
        let yaml = PlantFixture.yaml(conduits: PlantFixture.conduits.replacingOccurrences(of: "allows: [reports]", with: "allows: [reports, { from: corp, to: dmz, protocol: rdp, port: 3389 }]"))
        let result = try findings(of: UnneededConduitRuleCheck(), in: yaml)
        XCTAssertEqual(result.count, 1)
        XCTAssertTrue(result[0].message.contains("rdp/3389 from 'corp' to 'dmz'"), result[0].message)
    }

    func testAFlowThatDoesNotCrossTheConduit() throws {
        let yaml = PlantFixture.yaml(conduits: PlantFixture.conduits.replacingOccurrences(of: "allows: [reports]", with: "allows: [reports, status]"))
        XCTAssertTrue(try findings(of: UnneededConduitRuleCheck(), in: yaml).first?.message.contains("does not cross it") ?? false)
    }

    func testRulesThatServeFlowsPass() throws {
        XCTAssertEqual(try findings(of: UnneededConduitRuleCheck(), in: PlantFixture.yaml()), [])
    }
}
