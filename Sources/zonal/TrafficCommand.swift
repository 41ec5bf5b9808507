import ArgumentParser
import Foundation
import ZonalAnalysis
import ZonalModel
import ZonalReports
import ZonalTraffic

/// `zonal traffic`: check what really crossed the conduits, from captures or flow logs; `zonal traffic discover` proposes a model from them.
struct TrafficCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "traffic",
        abstract: "Check packet captures or flow logs against a model's zones and conduits.",
        discussion: """
        Inputs are told by their content: pcap, pcapng, Zeek conn.log (TSV or JSON) or Zonal's flow CSV (docs/traffic.md).
        Examples:
          zonal traffic plant.yaml capture.pcapng
          zonal traffic plant.yaml day1.pcap day2.pcap --format json -o traffic.json
          zonal traffic discover capture.pcap > proposed.yaml
        Exit codes: 0 no violation at or above --fail-on, 1 violations, 2 invalid model or input format,
        3 a file could not be read or written, 4 a capture is damaged (results up to the damage are reported).
        """,
        subcommands: [TrafficCheckCommand.self, TrafficDiscoverCommand.self],
        defaultSubcommand: TrafficCheckCommand.self)
}

/// The captures argument and the shared way of reading them, with a progress bar when standard error is a terminal.
struct CaptureInput: ParsableArguments {
    @Argument(help: ArgumentHelp("Captures (pcap, pcapng) or flow logs (Zeek conn.log, flow CSV), told by their content.", valueName: "capture"))
    var captures: [String]

    @Flag(name: .customLong("no-progress"), help: "Never draw the progress bar (it is drawn only when standard error is a terminal).")
    var noProgress = false

    @Option(help: ArgumentHelp("Threads that read a large capture in parts (the result is the same with any number); default: one per core.",
                               valueName: "n"))
    var threads: Int = TrafficReader.defaultThreads

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    /// Reads every capture; unreadable or unknown files end the command, damage is reported and kept for the exit code.
    func read() throws -> TrafficObservation { try Self.read(captures, progress: !noProgress, threads: threads) }

    /// Reads `captures` the same way for `zonal traffic` and `zonal report --capture`.
    static func read(_ captures: [String], progress: Bool, threads: Int = TrafficReader.defaultThreads) throws -> TrafficObservation {
        let bar = ProgressBar(enabled: progress && isatty(STDERR_FILENO) == 1)
        do {
            let observation = try TrafficReader.read(captures, threads: threads) { done, total, packets in
                bar.update(done: done, total: total, packets: packets)
            }
            bar.finish()
            for damage in observation.damage { Diagnostics.note("zonal: warning: \(damage)") }
            return observation
        } catch {
            bar.finish()
            Diagnostics.error(error.description)
            switch error {
            case .unreadable: throw ExitStatus.fileError
            case .unknownFormat, .badHeader: throw ExitStatus.invalidInput
            }
        }
    }
}

/// `zonal traffic MODEL CAPTURE...`.
struct TrafficCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Map every flow to zones and a conduit and report violations (the default subcommand).")

    @OptionGroup var model: ModelInput
    @OptionGroup var input: CaptureInput
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Output format: text, json, csv (one row per flow), markdown or sarif.", valueName: "format"))
    var format: TrafficFormat = .text

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Exit 1 when a violation is at or above this severity.", valueName: "severity"))
    var failOn: Severity = .low

    @Flag(help: "Print read and analysis times on standard error (used by the benchmark).")
    var timings = false

    func run() throws {
        let loaded = try model.load()
        let start = DispatchTime.now()
        let observation = try input.read()
        let read = DispatchTime.now()
        let assessment = TrafficAnalyzer.assess(loaded, observation: observation)
        let analysed = DispatchTime.now()
        let destination = output.destination
        switch format {
        case .text: try destination.write(TrafficReport.text(assessment, style: destination.style))
        case .json: try destination.write(TrafficReport.json(assessment))
        case .csv: try destination.write(TrafficReport.csv(assessment))
        case .markdown: try destination.write(TrafficReport.markdown(assessment))
        case .sarif: try destination.write(SARIFReport.traffic(assessment))
        }
        if timings {
            Diagnostics.note("timings: read \(Diagnostics.seconds(start, read)) s, analysis \(Diagnostics.seconds(read, analysed)) s, packets \(observation.counters.packets), flows \(observation.flows.count), parts \(observation.parts.parts) (spanning flows joined \(observation.parts.joined), re-walked \(observation.parts.rewalked); parts walked again from a false boundary \(observation.parts.fellBack), for datagrams in progress \(observation.parts.fragmentsCarried); "
                             + "fragments \(observation.counters.fragments), datagrams reassembled \(observation.counters.reassembled))")
        }
        if !observation.damage.isEmpty { throw ExitStatus.damagedInput }
        if assessment.hasFindings(atOrAbove: failOn) { throw ExitStatus.findings }
    }
}

/// `zonal traffic discover CAPTURE...`.
struct TrafficDiscoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: "Propose zones, assets and flows as a YAML model fragment from what the captures show.")

    @OptionGroup var input: CaptureInput
    @OptionGroup var output: OutputOptions

    func run() throws {
        let observation = try input.read()
        try output.destination.write(DiscoveryReport.yaml(TrafficDiscovery.discover(observation), sources: observation.sources))
        if !observation.damage.isEmpty { throw ExitStatus.damagedInput }
    }
}

/// The formats of `zonal traffic`.
enum TrafficFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv, markdown, sarif
}

/// Bytes read, packets per second and time left, redrawn in place on standard error.
final class ProgressBar {
    let enabled: Bool
    let start = DispatchTime.now()
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(done: Int, total: Int, packets: Int) {
        guard enabled, total > 0 else { return }
        let elapsed = max(1e-9, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
        let fraction = Double(done) / Double(total)
        let width = 30
        let filled = Int(fraction * Double(width))
        let eta = fraction > 0 ? elapsed / fraction - elapsed : 0
        let line = String(format: "\r[%@%@] %5.1f%%  %.0f MB  %.2f M packets/s  ETA %.0f s ",
                          String(repeating: "#", count: filled), String(repeating: " ", count: width - filled), fraction * 100,
                          Double(done) / 1e6, Double(packets) / elapsed / 1e6, eta)
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
