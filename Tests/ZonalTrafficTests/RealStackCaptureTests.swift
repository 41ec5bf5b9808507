import Foundation
import XCTest
import ZonalTraffic

/// Traffic from a protocol stack nobody here wrote: pymodbus's server and client on loopback, captured by tcpdump,
/// dissected by Zonal and by tshark. Needs root (tcpdump on lo), tcpdump, tshark and pymodbus; .ci/run installs them.
final class RealStackCaptureTests: XCTestCase {
    func testPymodbusSessionMatchesTsharkAndTheClientLog() throws {
        guard let tcpdump = TrafficFixture.tool("tcpdump") else { throw XCTSkip("tcpdump is not installed: the real-stack capture test did not run") }
        guard let python = TrafficFixture.tool("python3"), run(python, ["-c", "import pymodbus"]) == 0 else {
            throw XCTSkip("pymodbus is not installed (pip install pymodbus): the real-stack capture test did not run")
        }
        guard getuid() == 0 else { throw XCTSkip("capturing on the loopback interface needs root: the real-stack capture test did not run") }
        let port = 20_000 + Int(getpid() % 20_000)
        let capture = try TrafficFixture.directory().appendingPathComponent("pymodbus.pcap").path
        let dumper = Process()
        dumper.executableURL = URL(fileURLWithPath: tcpdump)
        dumper.arguments = ["-i", "lo", "-U", "-w", capture, "tcp", "port", String(port)]
        let dumperErrors = Pipe()
        dumper.standardError = dumperErrors
        try dumper.run()
        Thread.sleep(forTimeInterval: 1.0)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("RealStacks/modbus_session.py").path
        let session = Process()
        session.executableURL = URL(fileURLWithPath: python)
        session.arguments = [script, String(port)]
        let output = Pipe()
        session.standardOutput = output
        session.standardError = Pipe()
        try session.run()
        let sent = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        session.waitUntilExit()
        Thread.sleep(forTimeInterval: 0.5)
        dumper.interrupt()
        dumper.waitUntilExit()
        XCTAssertEqual(session.terminationStatus, 0, "the pymodbus session failed")

        let requests = sent.split(separator: "\n").compactMap { Int($0) }
        XCTAssertEqual(requests.count, 8)
        let observation = try TrafficReader.read([capture])
        let modbus = observation.flows.filter { $0.protocol == .modbus }
        XCTAssertEqual(modbus.count, 1, "the session on port \(port) is identified as Modbus by its payload")
        XCTAssertEqual(modbus.first?.serverPort, UInt16(port))
        // Each request is answered with the same function code: every code twice as many PDUs as requests.
        var expected: [Int: Int] = [:]
        for code in requests { expected[code, default: 0] += 2 }
        let ours = Dictionary(uniqueKeysWithValues: (observation.functionHistogram[.modbus] ?? [:]).map { (Int($0.key), $0.value) })
        XCTAssertEqual(ours, expected)
        let theirs = try TrafficFixture.tsharkHistograms(capture, fields: ["modbus.func_code"], decodeAs: ["tcp.port==\(port),mbtcp"])
        XCTAssertEqual(ours, theirs[0], "Zonal and tshark disagree on the pymodbus capture")
        XCTAssertEqual(modbus.first.map { Set($0.functions.filter { $0.requests > 0 }.map(\.code)) }, Set(requests.map(UInt16.init)))
    }

    func run(_ executable: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
