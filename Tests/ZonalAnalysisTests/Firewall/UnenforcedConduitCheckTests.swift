import XCTest
import ZonalAnalysis
import ZonalModel

final class UnenforcedConduitCheckTests: XCTestCase {
    func testFirewallConduitWithoutRulesetIsReported() throws {
        let text = FirewallFixture.model.replacingOccurrences(of: "conduits: [bpcs-dmz, bpcs-sis, corp-dmz]", with: "conduits: [bpcs-dmz, corp-dmz]")
        let (model, _) = try ModelLoader.load(bytes: Array(text.utf8), file: "plant.yaml")
        let findings = UnenforcedConduitCheck().evaluate(AnalysisContext(model: model))
        XCTAssertEqual(findings.map(\.subject), ["conduit:bpcs-sis"])
        XCTAssertEqual(findings[0].location.file, "plant.yaml")
    }

    func testBoundConduitsAreNotReported() throws {
        let (model, _) = try ModelLoader.load(bytes: Array(FirewallFixture.model.utf8), file: "plant.yaml")
        XCTAssertEqual(UnenforcedConduitCheck().evaluate(AnalysisContext(model: model)), [])
    }
}
