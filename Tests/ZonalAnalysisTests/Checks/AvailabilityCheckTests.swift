import XCTest
import ZonalAnalysis
import ZonalTestSupport

final class EssentialFlowBlockedCheckTests: XCTestCase {
    func testAnEssentialFlowTheConduitDoesNotAllow() throws {
        let yaml = PlantFixture.yaml(conduits: PlantFixture.conduits.replacingOccurrences(of: "allows: [status]", with: "allows: []"))
        let result = try findings(of: EssentialFlowBlockedCheck(), in: yaml)
        XCTAssertEqual(result.map(\.subject), ["flow:status"])
        XCTAssertEqual(result.first?.severity, .critical)
        XCTAssertEqual(result.first?.remediation, "Add 'status' to 'allows' of conduit 'bpcs-sis'.")
    }

    func testAnEssentialFlowThatIsAllowedPasses() throws {
        XCTAssertEqual(try findings(of: EssentialFlowBlockedCheck(), in: PlantFixture.yaml()), [])
    }
}

final class EssentialFlowAgainstDirectionCheckTests: XCTestCase {
    func testAnEssentialPollAgainstTheDiode() throws {
        let yaml = PlantFixture.yaml(flows: PlantFixture.flows + "\n  - { id: backfill, from: historian, to: plc, essential: true }",
                                     conduits: PlantFixture.conduits.replacingOccurrences(of: "allows: [repl]", with: "allows: [repl, backfill]"))
        let result = try findings(of: EssentialFlowAgainstDirectionCheck(), in: yaml)
        XCTAssertEqual(result.map(\.subject), ["flow:backfill"])
        XCTAssertTrue(result[0].message.contains("against one-way conduit 'bpcs-dmz' (bpcs->dmz)"))
        // It is not also reported as blocked: one finding per cause.
        XCTAssertEqual(try findings(of: EssentialFlowBlockedCheck(), in: yaml), [])
    }

    func testEssentialFlowsWithTheDirectionPass() throws {
        XCTAssertEqual(try findings(of: EssentialFlowAgainstDirectionCheck(), in: PlantFixture.yaml()), [])
    }
}
