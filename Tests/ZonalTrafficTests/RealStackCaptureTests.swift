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
        // On a loaded machine the kernel can drop loopback packets before tcpdump sees them; Zonal must agree with tshark
        // on every capture, and one of five captures should be complete enough to match the client's own log.
        var complete = false
        for attempt in 0..<5 where !complete {
            let port = 20_000 + Int((getpid() + Int32(attempt) * 7) % 20_000)
            let capture = try TrafficFixture.directory().appendingPathComponent("pymodbus-\(attempt).pcap").path
            let requests = try captureSession(port: port, to: capture, tcpdump: tcpdump, python: python)
            XCTAssertEqual(requests.count, 8, "the pymodbus client log")
            let observation = try TrafficReader.read([capture])
            let ours = Dictionary(uniqueKeysWithValues: (observation.functionHistogram[.modbus] ?? [:]).map { (Int($0.key), $0.value) })
            let theirs = try TrafficFixture.tsharkHistograms(capture, fields: ["modbus.func_code"], decodeAs: ["tcp.port==\(port),mbtcp"])
            XCTAssertEqual(ours, theirs[0], "Zonal and tshark disagree on the pymodbus capture \(capture)")
            // Each request is answered with the same function code: every code twice as many PDUs as requests.
            var expected: [Int: Int] = [:]
            for code in requests { expected[code, default: 0] += 2 }
            guard ours == expected else { continue }
            complete = true
            let modbus = observation.flows.filter { $0.protocol == .modbus }
            XCTAssertEqual(modbus.count, 1, "the session on port \(port) is identified as Modbus by its payload")
            XCTAssertEqual(modbus.first?.serverPort, UInt16(port))
            XCTAssertEqual(modbus.first.map { Set($0.functions.filter { $0.requests > 0 }.map(\.code)) }, Set(requests.map(UInt16.init)))
        }
        // Zonal's agreement with tshark was asserted on every capture above; what remains unchecked when the kernel kept
        // dropping loopback packets is only the comparison with the client's log, so say so rather than fail the build
        // on a property of the machine.
        if !complete {
            throw XCTSkip("none of five loopback captures held the whole pymodbus session (packets dropped before tcpdump on a loaded machine); Zonal agreed with tshark on all five, the comparison with the client's log did not run")
        }
    }

    /// Runs the pymodbus session on `port` under tcpdump; returns the function codes the client says it sent.
    func captureSession(port: Int, to capture: String, tcpdump: String, python: String) throws -> [Int] {
        // --immediate-mode: without it, packets still in the kernel ring's current block are lost when tcpdump is interrupted.
        let dumper = Process()
        dumper.executableURL = URL(fileURLWithPath: tcpdump)
        dumper.arguments = ["-i", "lo", "--immediate-mode", "-U", "-w", capture, "tcp", "port", String(port)]
        let dumperErrors = Pipe()
        dumper.standardError = dumperErrors
        try dumper.run()
        // tcpdump says "listening on lo" once it captures; on a loaded machine that takes a while, so wait for it.
        var said = ""
        let deadline = Date().addingTimeInterval(20)
        while !said.contains("listening on"), Date() < deadline, dumper.isRunning {
            said += String(decoding: dumperErrors.fileHandleForReading.availableData, as: UTF8.self)
        }
        XCTAssertTrue(said.contains("listening on"), "tcpdump did not start: \(said)")
        // "listening on" can come just before the capture filter is attached: give it a moment.
        Thread.sleep(forTimeInterval: 0.5)
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
        return sent.split(separator: "\n").compactMap { Int($0) }
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
