import Foundation
import XCTest
import ZonalAnalysis
import ZonalModel
import ZonalReports
import ZonalTestSupport

/// The HTML report: self-contained, escaped, and rendered by a real headless Chromium with its diagram, chart and findings.
final class ReportPageTests: XCTestCase {
    func testThePageIsSelfContained() throws {
        let e = try ReportFixtures.example("refinery")
        let html = AssessmentReportPage.html(e.assessment, header: e.header)
        XCTAssertFalse(html.contains("<script"), "no scripts")
        XCTAssertFalse(html.contains("<link"), "no external stylesheets")
        XCTAssertNil(html.range(of: #"(src|href)="(https?:)?//"#, options: .regularExpression), "no network references")
        XCTAssertTrue(html.contains(e.header.modelDigest))
        XCTAssertEqual(e.header.modelDigest.count, 64)
        XCTAssertTrue(html.contains("@media print"))
    }

    func testModelTextIsEscapedEverywhereItAppears() throws {
        let hostile = #"<script>alert(1)</script> "quoted" & 'single'"#
        let zones = PlantFixture.zones.replacingOccurrences(of: "{ id: corp, kind: enterprise,", with: "{ id: corp, name: '\(hostile.replacingOccurrences(of: "'", with: "''"))', kind: enterprise,")
        let model = try PlantFixture.load(PlantFixture.yaml(zones: zones, extra: "environment: { threat-environment: '<img src=x onerror=alert(2)>' }"))
        XCTAssertEqual(model.zone("corp")?.name, hostile)
        let assessment = Analyzer.assess(model)
        let html = AssessmentReportPage.html(assessment, header: ReportHeader(date: "2026-01-15", modelDigest: "00"))
        XCTAssertFalse(html.contains("<script>alert"), "text must not become markup")
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39;"))
        let svg = ZoneDiagram.svg(assessment)
        XCTAssertFalse(svg.contains("<script>"))
        XCTAssertTrue(svg.contains("&lt;script&gt;"))
        let markdown = AssessmentReportMarkdown.markdown(assessment, header: ReportHeader(date: "2026-01-15", modelDigest: "00"))
        XCTAssertFalse(markdown.contains("<script>"))
    }

    /// Opens the refinery report in Debian's headless Chromium, checks the rendered DOM and writes a screenshot.
    func testChromiumRendersTheDiagramTheChartAndTheFindingsTable() throws {
        let which = try ReportFixtures.run(["sh", "-c", "command -v chromium || command -v chromium-browser"])
        try XCTSkipIf(which.status != 0, "headless Chromium is needed: apt-get install chromium (.ci/run installs it)")
        let chromium = which.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let dir = try ReportFixtures.outputDirectory("chromium")
        for name in ReportFixtures.examples {
            let e = try ReportFixtures.example(name)
            let page = dir.appendingPathComponent("\(name)-report.html")
            try AssessmentReportPage.html(e.assessment, header: e.header).write(to: page, atomically: true, encoding: .utf8)
            let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
            let dom = try ReportFixtures.run([chromium] + flags + ["--dump-dom", page.absoluteString])
            XCTAssertEqual(dom.status, 0, dom.stderr)
            let rendered = dom.stdout
            XCTAssertTrue(rendered.contains("class=\"zone-diagram\""), "\(name): diagram")
            for zone in e.assessment.model.zones { XCTAssertTrue(rendered.contains("id=\"zone-\(zone.id)\""), "\(name): zone \(zone.id) drawn") }
            for conduit in e.assessment.model.conduits { XCTAssertTrue(rendered.contains("id=\"conduit-\(conduit.id)\""), "\(name): conduit \(conduit.id) drawn") }
            XCTAssertTrue(rendered.contains("class=\"sl-chart\""), "\(name): chart")
            for zone in e.assessment.zones { XCTAssertTrue(rendered.contains("id=\"chart-\(zone.id)\""), "\(name): chart panel \(zone.id)") }
            XCTAssertTrue(rendered.contains("id=\"findings-table\""), "\(name): findings table")
            if e.assessment.risk != nil {
                for map in ["Unmitigated risk", "Residual risk"] { XCTAssertTrue(rendered.contains("aria-label=\"\(map)\""), "\(name): \(map) heat map") }
                XCTAssertTrue(rendered.contains("id=\"risk-register\""), "\(name): risk register")
            } else {
                XCTAssertFalse(rendered.contains("id=\"risk\""), "\(name): no risk section")
            }
            let rows = rendered.components(separatedBy: "<span class=\"badge ").count - 1
            XCTAssertEqual(rows, 2 * e.assessment.findings.count, "\(name): one badge in the table and one in the detail per finding")

            let screenshot = dir.appendingPathComponent("\(name)-report.png")
            try? FileManager.default.removeItem(at: screenshot)
            let shot = try ReportFixtures.run([chromium] + flags + ["--screenshot=\(screenshot.path)", "--window-size=1280,900", page.absoluteString])
            XCTAssertEqual(shot.status, 0, shot.stderr)
            let png = try Data(contentsOf: screenshot)
            XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG")
            XCTAssertGreaterThan(png.count, 20_000, "\(name): the screenshot shows a page, not a blank")
            print("screenshot: \(screenshot.path)")

            let crs = dir.appendingPathComponent("\(name)-crs.html")
            try RequirementsSpecificationPage.html(e.assessment, header: e.header).write(to: crs, atomically: true, encoding: .utf8)
            let crsDOM = try ReportFixtures.run([chromium] + flags + ["--dump-dom", crs.absoluteString])
            XCTAssertEqual(crsDOM.status, 0, crsDOM.stderr)
            XCTAssertTrue(crsDOM.stdout.contains("class=\"zone-diagram\""), "\(name): CRS drawing")
            for zone in e.assessment.model.zones { XCTAssertTrue(crsDOM.stdout.contains("id=\"crs-zone-\(zone.id)\""), "\(name): CRS zone \(zone.id)") }
            for conduit in e.assessment.model.conduits { XCTAssertTrue(crsDOM.stdout.contains("id=\"crs-conduit-\(conduit.id)\""), "\(name): CRS conduit \(conduit.id)") }
            for clause in ["ZCR 6.2", "ZCR 6.3", "ZCR 6.4", "ZCR 6.5", "ZCR 6.6", "ZCR 6.7", "ZCR 6.8", "ZCR 6.9"] {
                XCTAssertTrue(crsDOM.stdout.contains("<h2>\(clause) "), "\(name): CRS section \(clause)")
            }
        }
    }

    func testTheSpecificationSaysNotStatedForWhatTheModelLeavesOut() throws {
        let e = try ReportFixtures.example("water-utility")
        let spec = RequirementsSpecificationMarkdown.markdown(e.assessment, header: e.header)
        XCTAssertTrue(spec.contains("| Boundary | Each station's locked kiosk; the cellular router is the only network path out. |"), "stated facts appear")
        XCTAssertTrue(spec.contains("| Access points | cellular router at each station; RTU maintenance serial port |"))
        XCTAssertTrue(spec.contains("## ZCR 6.8 Tolerable risk for the SUC\n\nNo loss of pumping"))
        let refinery = try ReportFixtures.example("refinery")
        let bare = RequirementsSpecificationMarkdown.markdown(refinery.assessment, header: refinery.header)
        XCTAssertTrue(bare.contains("## ZCR 6.6 Threat environment\n\n*not stated*"), "the refinery states no environment")
        XCTAssertTrue(bare.contains("| Boundary | *not stated* |"))
        XCTAssertTrue(bare.contains("| Safety designation | safety zone |"))
    }
}

/// CSV cells from model text never start a spreadsheet formula.
final class AssessmentCSVTests: XCTestCase {
    func testFormulaLikeTextIsNeutralisedAndQuoted() {
        XCTAssertEqual(CSVField.text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"")
        XCTAssertEqual(CSVField.text("@SUM(A1)"), "'@SUM(A1)")
        XCTAssertEqual(CSVField.text("plain, text"), "\"plain, text\"")
        XCTAssertEqual(CSVField.text("zone:sis"), "zone:sis")
    }
}
