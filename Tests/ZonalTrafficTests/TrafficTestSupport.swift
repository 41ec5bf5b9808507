import Foundation
import XCTest
import ZonalCaptureGenerator
import ZonalTraffic

/// Temporary captures written by the project's generator, and the real tshark run on them.
enum TrafficFixture {
    /// One directory per test run; files in it are named by the tests and overwritten.
    static let root = FileManager.default.temporaryDirectory.appendingPathComponent("zonal-traffic-\(UUID().uuidString)")

    static func directory() throws -> URL {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    /// The plant scenario written with these options; returns the file path.
    static func scenario(_ options: CaptureOptions, name: String) throws -> String {
        let path = try directory().appendingPathComponent(name).path
        let writer = CaptureWriter(options: options)
        PlantScenario.write(to: writer)
        try writer.finish(to: path)
        return path
    }

    /// Every public fact of an observation, one line per flow, in order.
    static func fingerprint(_ o: TrafficObservation) -> [String] {
        var lines = ["\(o.counters)", "\(o.damage)"]
        for f in o.flows {
            let functions = f.functions.map { "\($0.family.name):\($0.code)=\($0.count)/\($0.requests)@\($0.frames)" }.joined(separator: " ")
            lines.append("\(f.client):\(f.clientPort) \(f.server):\(f.serverPort) ip\(f.ipProtocol) et\(f.etherType) \(f.clientMAC)/\(f.serverMAC) v\(f.vlan) "
                         + "\(f.protocol.name) p\(f.packets) b\(f.bytes) s\(f.serverPackets) pdu\(f.pduFrames) \(f.firstFrame)-\(f.lastFrame) "
                         + "\(f.firstTime)-\(f.lastTime) \(f.sampleFrames) \(f.serverSampleFrames) [\(functions)] opc\(f.opcuaSecurityNone)@\(f.opcuaNoneFrame) "
                         + "\(f.serverName ?? "-") hs\(f.rolesFromHandshake) c\(f.capture)")
        }
        return lines
    }

    /// `gzip -c` of `path` written beside it as NAME; skips the test when gzip is absent.
    static func gzip(_ path: String, name: String) throws -> String {
        guard let gzip = tool("gzip") else { throw XCTSkip("gzip is not installed") }
        let out = try directory().appendingPathComponent(name).path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gzip)
        process.arguments = ["-c", "-6", path]
        FileManager.default.createFile(atPath: out, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "gzip \(path)")
        return out
    }

    static func write(_ bytes: [UInt8], name: String) throws -> String {
        let path = try directory().appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The path of an executable on PATH, or nil.
    static func tool(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs tshark with these arguments and returns its standard output; skips the test (never silently) when tshark is absent.
    static func tshark(_ arguments: [String]) throws -> String {
        guard let tshark = tool("tshark") else {
            throw XCTSkip("tshark is not installed: the cross-check against Wireshark's dissectors did not run (install it with `apt-get install tshark`; .ci/run does)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tshark)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        _ = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "tshark \(arguments.joined(separator: " ")) failed")
        return String(decoding: data, as: UTF8.self)
    }

    /// tshark's count of each value of each field (comma-joined values counted one by one, hex or decimal).
    static func tsharkHistograms(_ path: String, fields: [String], decodeAs: [String]) throws -> [[Int: Int]] {
        var arguments = ["-n", "-r", path, "-T", "fields", "-E", "separator=\t", "-E", "aggregator=,"]
        for rule in decodeAs { arguments += ["-d", rule] }
        for field in fields { arguments += ["-e", field] }
        let text = try tshark(arguments)
        var result = Array(repeating: [Int: Int](), count: fields.count)
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            for (i, column) in columns.enumerated() where i < fields.count && !column.isEmpty {
                for value in column.split(separator: ",") {
                    let v = value.hasPrefix("0x") ? Int(value.dropFirst(2), radix: 16) : Int(value)
                    if let v { result[i][v, default: 0] += 1 }
                }
            }
        }
        return result
    }

    /// tshark's number of frames whose protocol stack names each protocol.
    static func tsharkFrameCounts(_ path: String, protocols: [String], decodeAs: [String]) throws -> [String: Int] {
        var arguments = ["-n", "-r", path, "-T", "fields", "-e", "frame.protocols"]
        for rule in decodeAs { arguments += ["-d", rule] }
        let text = try tshark(arguments)
        var counts: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let names = Set(line.split(separator: ":").map(String.init))
            for proto in protocols where names.contains(proto) { counts[proto, default: 0] += 1 }
        }
        return counts
    }
}
