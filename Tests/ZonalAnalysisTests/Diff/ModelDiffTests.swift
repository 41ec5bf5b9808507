import IEC62443
import XCTest
import ZonalAnalysis
import ZonalModel
import ZonalTestSupport

/// The semantic diff: objects matched by id, SL-T and SL-A changes per FR, findings introduced and resolved.
final class ModelDiffTests: XCTestCase {
    func diff(_ old: String, _ new: String) throws -> ModelDiff {
        ModelDiffer.diff(old: Analyzer.assess(try PlantFixture.load(old, file: "old.yaml")),
                         new: Analyzer.assess(try PlantFixture.load(new, file: "new.yaml")))
    }

    func testTheSameModelWithObjectsReorderedIsNoChange() throws {
        let reordered = PlantFixture.zones.split(separator: "\n").reversed().joined(separator: "\n")
        let d = try diff(PlantFixture.yaml(), PlantFixture.yaml(zones: reordered))
        XCTAssertTrue(d.isEmpty, "\(d)")
        XCTAssertFalse(d.introduces(atOrAbove: .info))
    }

    func testWeakeningAConduitIsAChangedFieldAndIntroducesFindings() throws {
        let weaker = PlantFixture.conduits.replacingOccurrences(of: "{ id: bpcs-sis, zones: [bpcs, sis], enforcement: data-diode, direction: bpcs->sis,",
                                                                with: "{ id: bpcs-sis, zones: [bpcs, sis], enforcement: firewall,")
        XCTAssertNotEqual(weaker, PlantFixture.conduits)
        let d = try diff(PlantFixture.yaml(), PlantFixture.yaml(conduits: weaker))
        let change = try XCTUnwrap(d.changes(of: .conduit).first)
        XCTAssertEqual(change.id, "bpcs-sis")
        XCTAssertEqual(change.change, .changed)
        XCTAssertEqual(change.fields.first { $0.field == "enforcement" }, .init(field: "enforcement", old: "data-diode", new: "firewall"))
        XCTAssertEqual(change.fields.first { $0.field == "direction" }?.new, "bidirectional")
        XCTAssertFalse(d.introduced.isEmpty)
        XCTAssertTrue(d.introduced.contains { $0.subject == "conduit:bpcs-sis" }, "\(d.introduced.map { "\($0.check) \($0.subject)" })")
        XCTAssertTrue(d.introduces(atOrAbove: .medium), "\(d.introduced.map { "\($0.check) \($0.severity)" })")
        XCTAssertFalse(d.introduces(atOrAbove: .high), "the gate compares severities")
        XCTAssertTrue(d.resolved.isEmpty)
    }

    func testRaisingSLTargetIsReportedPerFRWithTheSLAGap() throws {
        let raised = PlantFixture.zones.replacingOccurrences(of: "{ id: bpcs, kind: control, sl-target: 2,", with: "{ id: bpcs, kind: control, sl-target: {IAC: 3, UC: 2, SI: 2, DC: 2, RDF: 2, TRE: 2, RA: 2},")
        let d = try diff(PlantFixture.yaml(), PlantFixture.yaml(zones: raised))
        XCTAssertTrue(d.targetChanges.contains(.init(target: "bpcs", targetKind: .zone, fr: .iac, old: 2, new: 3)), "\(d.targetChanges)")
        XCTAssertFalse(d.targetChanges.contains { $0.target == "bpcs" && $0.fr != .iac })
        XCTAssertEqual(d.changes(of: .zone).map(\.id), ["bpcs"])
    }

    func testLoweringComponentCapabilityLowersSLAAndTheReverseResolvesTheFinding() throws {
        let weak = PlantFixture.assets.replacingOccurrences(of: "{ id: plc, zone: bpcs, role: plc, ip: 10.10.2.10, component: { sl-capability: 4 } }",
                                                            with: "{ id: plc, zone: bpcs, role: plc, ip: 10.10.2.10, component: { sl-capability: 1 } }")
        XCTAssertNotEqual(weak, PlantFixture.assets)
        let worse = try diff(PlantFixture.yaml(), PlantFixture.yaml(assets: weak))
        XCTAssertTrue(worse.achievedChanges.contains { $0.target == "bpcs" && $0.targetKind == .zone && $0.fr == .iac && $0.old == 4 && $0.new == 1 }, "\(worse.achievedChanges)")
        XCTAssertEqual(worse.changes(of: .asset).first?.fields.map(\.field), ["component.sl-capability"])
        XCTAssertTrue(worse.introduced.contains { $0.check == "ZC-SL-01" && $0.subject == "zone:bpcs" })

        let better = try diff(PlantFixture.yaml(assets: weak), PlantFixture.yaml())
        XCTAssertTrue(better.resolved.contains { $0.check == "ZC-SL-01" && $0.subject == "zone:bpcs" })
        XCTAssertTrue(better.introduced.isEmpty)
    }

    func testAddedAndRemovedObjectsByID() throws {
        let flows = PlantFixture.flows + "\n  - { id: extra, from: hmi, to: plc, protocol: modbus, port: 502 }"
        let countermeasures = "  - { id: only-crypto, conduits: [corp-dmz], satisfies: [\"SR 3.1\"] }"
        let d = try diff(PlantFixture.yaml(), PlantFixture.yaml(flows: flows, countermeasures: countermeasures))
        XCTAssertEqual(d.changes(of: .flow).map { "\($0.change.rawValue) \($0.id)" }, ["added extra"])
        XCTAssertEqual(d.changes(of: .countermeasure).map { "\($0.change.rawValue) \($0.id)" }, ["added only-crypto", "removed conduit-crypto"])
        XCTAssertEqual(d.changes(of: .countermeasure).last?.location.file, "old.yaml", "a removed object points into the old file")
        XCTAssertTrue(d.introduced.contains { $0.subject == "conduit:bpcs-sis" }, "removing the crypto countermeasure opens conduit gaps")
    }

    func testAFindingThatGrowsIsChangedNotIntroducedAndItsRequirementsAreListed() throws {
        func conduits(_ enforcement: String) -> String {
            PlantFixture.conduits.replacingOccurrences(of: "{ id: bpcs-sis, zones: [bpcs, sis], enforcement: data-diode, direction: bpcs->sis,",
                                                       with: "{ id: bpcs-sis, zones: [bpcs, sis], enforcement: \(enforcement),")
        }
        let old = try PlantFixture.load(PlantFixture.yaml(conduits: conduits("firewall")))
        XCTAssertTrue(Analyzer.assess(old).findings.contains { $0.check == "ZC-SL-02" && $0.subject == "conduit:bpcs-sis" }, "the old version already has the gap")
        let d = try diff(PlantFixture.yaml(conduits: conduits("firewall")), PlantFixture.yaml(conduits: conduits("none")))
        let grown = try XCTUnwrap(d.changedFindings.first { $0.new.check == "ZC-SL-02" && $0.new.subject == "conduit:bpcs-sis" }, "\(d.changedFindings)")
        XCTAssertNotEqual(grown.old.message, grown.new.message)
        XCTAssertFalse(d.introduced.contains { $0.check == "ZC-SL-02" && $0.subject == "conduit:bpcs-sis" })
        XCTAssertFalse(d.resolved.contains { $0.check == "ZC-SL-02" && $0.subject == "conduit:bpcs-sis" })
        let lost = d.requirementChanges.filter { $0.target == "bpcs-sis" && $0.targetKind == .conduit }
        XCTAssertFalse(lost.isEmpty)
        XCTAssertTrue(lost.allSatisfy { !$0.nowMet }, "weakening the boundary only loses requirements")
        let back = try diff(PlantFixture.yaml(conduits: conduits("none")), PlantFixture.yaml(conduits: conduits("firewall")))
        XCTAssertEqual(Set(back.requirementChanges.filter { $0.target == "bpcs-sis" }.map(\.requirement)), Set(lost.map(\.requirement)))
        XCTAssertTrue(back.requirementChanges.filter { $0.target == "bpcs-sis" }.allSatisfy(\.nowMet))
    }

    func testSystemEnvironmentAndPolicyChangesAreSectionChanges() throws {
        let d = try diff(PlantFixture.yaml(), PlantFixture.yaml(extra: """
            environment: { tolerable-risk: No loss of view }
            policy: { enforcement: { 1: [data-diode] } }
            """))
        XCTAssertEqual(d.changes(of: .section).map(\.id), ["environment", "policy"])
        XCTAssertEqual(d.changes(of: .section).first?.fields, [.init(field: "tolerable-risk", old: nil, new: "No loss of view")])
        XCTAssertEqual(d.changes(of: .section).last?.fields.first { $0.field == "enforcement.1" }?.new, "[data-diode]")
        XCTAssertTrue(d.introduced.contains { $0.check == "ZC-CD-06" }, "a stricter policy turns the dpi-firewall conduit inadequate")
    }
}
