import Foundation

/// Prints an HTML document to PDF with headless Chromium (the browser's own print engine, so the PDF matches print-to-PDF).
enum ChromiumPrinter {
    static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The first Chromium on PATH, or nil.
    static func executable() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in candidates {
            for dir in path.split(separator: ":") {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    static func printPDF(html: String, to output: String) throws {
        guard let chromium = executable() else {
            Diagnostics.error("--format pdf needs headless Chromium, and none was found on PATH (\(candidates.joined(separator: ", "))). "
                              + "Install it (Debian/Ubuntu: apt-get install chromium), or write HTML and print it to PDF from a browser.")
            throw ExitStatus.toolUnavailable
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zonal-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("report.html"), pdf = dir.appendingPathComponent("report.pdf")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: page)
        } catch {
            Diagnostics.error("cannot write a temporary file in \(dir.path): \((error as NSError).localizedDescription)")
            throw ExitStatus.fileError
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        // Chromium refuses to run as root with its sandbox; the page is Zonal's own and loads nothing from the network.
        process.arguments = (geteuid() == 0 ? ["--no-sandbox"] : []) + ["--headless", "--disable-gpu", "--no-pdf-header-footer",
                                                                          "--print-to-pdf=\(pdf.path)", page.absoluteString]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do { try process.run() } catch {
            Diagnostics.error("cannot start \(chromium): \((error as NSError).localizedDescription)")
            throw ExitStatus.toolUnavailable
        }
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let bytes = FileManager.default.contents(atPath: pdf.path), bytes.starts(with: Array("%PDF".utf8)) else {
            Diagnostics.error("\(chromium) did not print the PDF (exit \(process.terminationStatus)): \(String(decoding: stderr, as: UTF8.self).suffix(400))")
            throw ExitStatus.toolUnavailable
        }
        try CommandOutput(path: output).write(bytes)
    }
}
