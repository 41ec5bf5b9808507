import XCTest
import ZonalAnalysis
import ZonalCaptureGenerator
import ZonalTestSupport
import ZonalTraffic

/// Flow records instead of captures: Zeek conn.log in both forms and Zonal's CSV, read into flows the conformance check accepts.
final class FlowLogReaderTests: XCTestCase {
    static let tsv = """
    #separator \\x09
    #set_separator\t,
    #path\tconn
    #fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\tresp_bytes\tconn_state\tlocal_orig\tlocal_resp\tmissed_bytes\thistory\torig_pkts\torig_ip_bytes\tresp_pkts\tresp_ip_bytes\ttunnel_parents
    #types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring\tbool\tbool\tcount\tstring\tcount\tcount\tcount\tcount\tset[string]
    1767225600.000000\tC1\t10.100.7.7\t50800\t10.10.2.10\t102\ttcp\t-\t1.5\t100\t200\tSF\t-\t-\t0\tShADadFf\t6\t400\t5\t500\t-
    1767225601.000000\tC2\t10.100.5.20\t51300\t10.20.0.10\t443\ttcp\tssl\t0.5\t100\t200\tSF\t-\t-\t0\tShADadFf\t6\t400\t5\t500\t-

    """

    static let json = """
    {"ts":1767225600.0,"uid":"C1","id.orig_h":"10.100.7.7","id.orig_p":50800,"id.resp_h":"10.10.2.10","id.resp_p":102,"proto":"tcp","duration":1.5,"orig_pkts":6,"orig_ip_bytes":400,"resp_pkts":5,"resp_ip_bytes":500}
    {"ts":1767225601.0,"uid":"C2","id.orig_h":"10.100.5.20","id.orig_p":51300,"id.resp_h":"10.20.0.10","id.resp_p":443,"proto":"tcp","service":"ssl","duration":0.5,"orig_pkts":6,"orig_ip_bytes":400,"resp_pkts":5,"resp_ip_bytes":500}

    """

    static let csv = """
    \(FlowCSVFormat.header)
    1767225600,1767225601.5,10.100.7.7,50800,10.10.2.10,102,tcp,s7comm,11,900
    1767225601,1767225601.5,10.100.5.20,51300,10.20.0.10,443,tcp,tls,11,900

    """

    func testEveryFormatGivesTheSameFlowsAndVerdicts() throws {
        let model = try PlantFixture.load(PlantScenario.modelYAML)
        for (name, text) in [("conn.log", Self.tsv), ("conn.json", Self.json), ("flows.csv", Self.csv)] {
            let observation = try TrafficReader.read([try TrafficFixture.write(Array(text.utf8), name: name)])
            XCTAssertTrue(observation.damage.isEmpty, "\(name): \(observation.damage)")
            XCTAssertEqual(observation.flows.map(\.protocol), [.s7comm, .tls], name)
            XCTAssertEqual(observation.flows.map(\.packets), [11, 11], name)
            XCTAssertEqual(observation.flows.map(\.bytes), [900, 900], name)
            let assessment = TrafficAnalyzer.assess(model, observation: observation)
            XCTAssertEqual(assessment.violations.map(\.kind), [.noConduit], name)
            XCTAssertEqual(assessment.conduitUse["corp-dmz"]?.flows, 1, name)
        }
    }

    func testABadLineIsReportedWithItsNumber() throws {
        let broken = Self.csv.replacingOccurrences(of: "10.20.0.10,443", with: "10.20.0.999,443")
        let observation = try TrafficReader.read([try TrafficFixture.write(Array(broken.utf8), name: "flows.csv")])
        XCTAssertEqual(observation.flows.count, 1)
        XCTAssertTrue(observation.damage.first?.reason.contains("line 3") ?? false, "\(observation.damage)")
    }
}
