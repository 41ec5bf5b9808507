import Foundation
import ZonalCaptureGenerator

// zonal-capgen: writes the deterministic captures the tests and the benchmark use.
//   zonal-capgen scenario OUT [--pcapng] [--nanoseconds] [--big-endian]
//   zonal-capgen mix OUT --packets N [--pcapng]
//   zonal-capgen scenario-model OUT | mix-model OUT   (the models covering those captures)
let arguments = Array(CommandLine.arguments.dropFirst())
func flag(_ name: String) -> Bool { arguments.contains(name) }
func value(_ name: String) -> String? { arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil } }

if arguments.count == 2, arguments[0].hasSuffix("-model") {
    let yaml = arguments[0] == "mix-model" ? OTTrafficMix.modelYAML : PlantScenario.modelYAML
    do { try yaml.write(toFile: arguments[1], atomically: true, encoding: .utf8) } catch {
        FileHandle.standardError.write(Data("zonal-capgen: \(error)\n".utf8))
        exit(3)
    }
    exit(0)
}
guard arguments.count >= 2, ["scenario", "mix"].contains(arguments[0]) else {
    FileHandle.standardError.write(Data("usage: zonal-capgen scenario|mix|scenario-model|mix-model OUT [--packets N] [--pcapng] [--nanoseconds] [--big-endian]\n".utf8))
    exit(64)
}
let options = CaptureOptions(container: flag("--pcapng") ? .pcapng : .pcap, nanoseconds: flag("--nanoseconds"), bigEndian: flag("--big-endian"))
do {
    let writer = try CaptureWriter(path: arguments[1], options: options)
    if arguments[0] == "scenario" {
        PlantScenario.write(to: writer)
    } else {
        let packets = Int(value("--packets") ?? "5000000") ?? 5_000_000
        OTTrafficMix.write(to: writer, packets: packets)
    }
    try writer.finish()
    FileHandle.standardError.write(Data("wrote \(writer.packets) packets to \(arguments[1])\n".utf8))
} catch {
    FileHandle.standardError.write(Data("zonal-capgen: \(error)\n".utf8))
    exit(3)
}
