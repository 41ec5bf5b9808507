import Foundation
import ZonalAnalysis
import ZonalModel
import ZonalReports
import ZonalTestSupport

/// The shipped examples, loaded the way the CLI loads them (paths relative to the package root), for the report tests.
enum ReportFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = ["refinery", "water-utility", "substation"]
    /// A fixed issue date, so the reports are byte-identical from run to run.
    static let date = "2026-01-15"

    struct Example {
        let name: String
        let assessment: Assessment
        let header: ReportHeader
    }

    static func example(_ name: String) throws -> Example {
        let path = "Examples/\(name)/plant.yaml"
        let bytes = try Data(contentsOf: packageRoot.appendingPathComponent(path))
        let model = try ModelLoader.load(bytes: [UInt8](bytes), file: path).model
        return Example(name: name, assessment: Analyzer.assess(model), header: ReportHeader(date: date, modelBytes: bytes))
    }

    /// A fresh directory for a test's output files (screenshots, rendered pages), under the system's temporary directory.
    static func outputDirectory(_ test: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zonal-reports-tests").appendingPathComponent(test)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Runs a program to completion and returns its exit status and output.
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let run = try ProgramRun.run(URL(fileURLWithPath: "/usr/bin/env"), arguments, in: directory)
        return (run.status, run.stdout, run.stderr)
    }
}
