import ArgumentParser
import Foundation
import ZonalAnalysis
import ZonalModel
import ZonalReports

/// The formats of the documents (`report`, `crs`).
enum DocumentFormat: String, ExpressibleByArgument, CaseIterable {
    case html, markdown, pdf
}

/// The options shared by the documents: the date they are issued for.
struct DocumentOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The date the document is issued for, YYYY-MM-DD (default: today, UTC).", valueName: "date"))
    var date: String?

    func validate(format: DocumentFormat, output: OutputOptions) throws {
        if let date, date.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) == nil { throw ValidationError("--date takes a date as YYYY-MM-DD, e.g. 2026-11-26") }
        if format == .pdf && output.output == nil { throw ValidationError("--format pdf needs -o FILE.pdf") }
    }

    /// Loads and assesses the model, adds the findings `more` reads for it (captures, rulesets), then writes the document
    /// in `format`; PDF is the HTML printed by headless Chromium.
    func write(_ model: ModelInput, as format: DocumentFormat, to output: OutputOptions,
               html: (Assessment, ReportHeader) -> String, markdown: (Assessment, ReportHeader) -> String,
               more: (SystemModel) throws -> [Finding] = { _ in [] }) throws {
        let loaded = try model.load()
        let header = try header(forModelAt: model.path)
        let assessment = Analyzer.assess(loaded).including(try more(loaded))
        switch format {
        case .html: try output.destination.write(html(assessment, header))
        case .markdown: try output.destination.write(markdown(assessment, header))
        // validate(format:output:) has made sure a PDF has an output path.
        case .pdf: try ChromiumPrinter.printPDF(html: html(assessment, header), to: output.output ?? "report.pdf")
        }
    }

    /// The header for the model file at `path`: the given date (or today's) and the file's SHA-256.
    func header(forModelAt path: String) throws -> ReportHeader {
        let day = date ?? {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyy-MM-dd"
            return formatter.string(from: Date())
        }()
        guard let bytes = FileManager.default.contents(atPath: path) else {
            Diagnostics.error("cannot read \(path)")
            throw ExitStatus.fileError
        }
        return ReportHeader(date: day, modelBytes: bytes)
    }
}
