import Foundation
import ZonalReports

/// Where a command writes: standard output, or a file written whole (temporary file, then rename) so a failed run never leaves half a report.
struct CommandOutput {
    let path: String?

    /// Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org).
    var style: TextStyle {
        let tty = path == nil && isatty(STDOUT_FILENO) == 1
        return TextStyle(colored: tty && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
    }

    func write(_ text: String) throws {
        try write(Data(text.utf8))
    }

    func write(_ data: Data) throws {
        guard let path else {
            FileHandle.standardOutput.write(data)
            return
        }
        let url = URL(fileURLWithPath: path)
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            Diagnostics.error("cannot write \(path): \((error as NSError).localizedDescription)")
            throw ExitStatus.fileError
        }
    }
}

/// Messages to standard error.
enum Diagnostics {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("zonal: error: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// Seconds between two instants, for `--timings` lines.
    static func seconds(_ a: DispatchTime, _ b: DispatchTime) -> String {
        String(format: "%.3f", Double(b.uptimeNanoseconds - a.uptimeNanoseconds) / 1e9)
    }
}
