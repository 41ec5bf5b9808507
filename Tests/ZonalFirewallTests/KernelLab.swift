import Foundation
import XCTest
import ZonalFirewall
import ZonalModel

/// Three network namespaces joined by veth pairs — side A, a forwarding firewall, side B — for probing a ruleset with real traffic.
///
/// A has 10.61.0.10–29 and fd61::a–1d, B has 10.62.0.10–29 and fd62::a–1d; the firewall's interfaces are `fa` (towards A)
/// and `fb` (towards B).
/// Every namespace is deleted in `tearDown`, also when a test fails.
final class KernelLab {
    static let hostsA = (10...29).map { address(side: 1, $0, v6: false) }
    static let hostsB = (10...29).map { address(side: 2, $0, v6: false) }
    static let hostsA6 = (10...29).map { address(side: 1, $0, v6: true) }
    static let hostsB6 = (10...29).map { address(side: 2, $0, v6: true) }

    /// Host `n` of side 1 (A) or 2 (B): 10.6s.0.n, or fd6s::n with n in hexadecimal.
    static func address(side: Int, _ n: Int, v6: Bool) -> String {
        v6 ? "fd6\(side)::\(String(n, radix: 16))" : "10.6\(side).0.\(n)"
    }
    static let ports = Array(2000...2011)

    let a: String, fw: String, b: String
    private var listener: Process?
    private let listenerLog: URL

    /// Nil (with the reason) when the machine cannot run kernel tests: not root, or a tool is missing.
    static func unavailableReason() -> String? {
        if getuid() != 0 { return "kernel tests need root (they create network namespaces); CI runs them as root" }
        for tool in ["ip", "nft", "iptables", "iptables-save", "python3"] where Shell.which(tool) == nil {
            return "kernel tests need '\(tool)' (Debian: apt-get install iproute2 nftables iptables python3)"
        }
        return nil
    }

    init() throws {
        let tag = "\(getpid() % 100000)-\(Int.random(in: 0..<100000))"
        a = "zfwa-\(tag)"; fw = "zfwf-\(tag)"; b = "zfwb-\(tag)"
        listenerLog = FileManager.default.temporaryDirectory.appendingPathComponent("zonal-udp-\(tag).log")
        do {
            try setUp()
        } catch {
            tearDown()
            throw error
        }
    }

    private func setUp() throws {
        for ns in [a, fw, b] { try Shell.run("ip", "netns", "add", ns) }
        try Shell.run("ip", "link", "add", "a0", "netns", a, "type", "veth", "peer", "name", "fa", "netns", fw)
        try Shell.run("ip", "link", "add", "b0", "netns", b, "type", "veth", "peer", "name", "fb", "netns", fw)
        try inside(fw, "ip", "addr", "add", "10.61.0.1/24", "dev", "fa")
        try inside(fw, "ip", "addr", "add", "10.62.0.1/24", "dev", "fb")
        // IPv6 addresses skip duplicate address detection ('nodad'), so they are usable at once.
        try inside(fw, "ip", "addr", "add", "fd61::1/64", "dev", "fa", "nodad")
        try inside(fw, "ip", "addr", "add", "fd62::1/64", "dev", "fb", "nodad")
        for (ns, dev, side) in [(a, "a0", 1), (b, "b0", 2)] {
            for n in 10...29 {
                try inside(ns, "ip", "addr", "add", "\(KernelLab.address(side: side, n, v6: false))/24", "dev", dev)
                try inside(ns, "ip", "addr", "add", "\(KernelLab.address(side: side, n, v6: true))/64", "dev", dev, "nodad")
            }
            try inside(ns, "ip", "link", "set", dev, "up")
            try inside(ns, "ip", "link", "set", "lo", "up")
            try inside(ns, "ip", "route", "add", "default", "via", "10.6\(side).0.1")
            try inside(ns, "ip", "-6", "route", "add", "default", "via", "fd6\(side)::1")
        }
        for dev in ["fa", "fb", "lo"] { try inside(fw, "ip", "link", "set", dev, "up") }
        try inside(fw, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1")
        try inside(fw, "sysctl", "-q", "-w", "net.ipv6.conf.all.forwarding=1")
    }

    func tearDown() {
        if let listener, listener.isRunning { listener.terminate(); listener.waitUntilExit() }
        for ns in [a, fw, b] { _ = try? Shell.run("ip", "netns", "del", ns) }
        try? FileManager.default.removeItem(at: listenerLog)
    }

    @discardableResult
    func inside(_ ns: String, _ arguments: String..., input: String? = nil) throws -> String {
        try Shell.run(["ip", "netns", "exec", ns] + arguments, input: input)
    }

    func inside(_ ns: String, _ command: String, _ flag: String, _ script: String, _ arguments: [String]) throws {
        try Shell.run(["ip", "netns", "exec", ns, command, flag, script] + arguments)
    }

    /// Loads an nftables ruleset (text) into the firewall namespace.
    func loadNftables(_ ruleset: String) throws {
        try inside(fw, "nft", "-f", "-", input: ruleset)
    }

    /// Loads an iptables-restore (or, for IPv6, ip6tables-restore) file into the firewall namespace.
    func loadIptables(_ ruleset: String, v6: Bool = false) throws {
        try inside(fw, v6 ? "ip6tables-restore" : "iptables-restore", input: ruleset)
    }

    /// A probe: one TCP connect or one UDP datagram from an address of A to an address of B.
    struct Probe: Hashable {
        let id: Int
        let proto: String
        let source: String
        let sourcePort: Int
        let destination: String
        let destinationPort: Int
    }

    /// What Zonal predicts for each probe: TCP needs the opening packet and the reply accepted, UDP the datagram.
    static func predicted(_ evaluator: RulesetEvaluator, _ probes: [KernelLab.Probe]) -> Set<Int> {
        Set(probes.filter { p in
            let packet = Packet(source: IPAddress(p.source)!, destination: IPAddress(p.destination)!, proto: p.proto == "tcp" ? 6 : 17,
                                sourcePort: p.sourcePort, destinationPort: p.destinationPort, inInterface: "fa", outInterface: "fb")
            return p.proto == "tcp" ? evaluator.connectionPermitted(packet) : evaluator.decision(for: packet).verdict == .accept
        }.map(\.id))
    }

    /// Sends every probe (concurrently, each bounded by a short timeout) and returns the ids of those that got through.
    /// Neighbour caches are filled first, and probes that fail are tried once more, so a slow machine is not read as a verdict.
    func send(_ probes: [KernelLab.Probe]) throws -> Set<Int> {
        try warmUp()
        try startListener()
        defer { if let listener, listener.isRunning { listener.terminate(); listener.waitUntilExit() } }
        var passed = try attempt(probes, timeout: 1.5)
        let failed = probes.filter { !passed.contains($0.id) }
        if !failed.isEmpty { passed.formUnion(try attempt(failed, timeout: 3)) }
        return passed
    }

    /// The listener keeps its log open, so the log is read, never removed, between attempts (probe ids are unique).
    private func attempt(_ probes: [KernelLab.Probe], timeout: Double) throws -> Set<Int> {
        let lines = probes.map { "\($0.id) \($0.proto) \($0.source) \($0.sourcePort) \($0.destination) \($0.destinationPort)" }.joined(separator: "\n")
        let output = try Shell.run(["ip", "netns", "exec", a, "python3", "-c", KernelLab.prober, String(timeout)], input: lines + "\n", timeout: 60)
        var passed = Set(output.split(separator: "\n").compactMap { Int($0) })
        Thread.sleep(forTimeInterval: 0.3)
        let udpLog = (try? String(contentsOf: listenerLog, encoding: .utf8)) ?? ""
        passed.formUnion(udpLog.split(separator: "\n").compactMap { Int($0) })
        return passed
    }

    /// One datagram from the firewall to every host and from every host to its gateway, to resolve neighbours before probing.
    private func warmUp() throws {
        let script = "import socket,sys\nfor a in sys.argv[1:]:\n s=socket.socket(socket.AF_INET6 if ':' in a else socket.AF_INET, socket.SOCK_DGRAM); s.sendto(b'x',(a,9)); s.close()"
        try inside(fw, "python3", "-c", script, KernelLab.hostsA + KernelLab.hostsB + KernelLab.hostsA6 + KernelLab.hostsB6)
        try inside(a, "python3", "-c", script, ["10.61.0.1", "fd61::1"])
        try inside(b, "python3", "-c", script, ["10.62.0.1", "fd62::1"])
        Thread.sleep(forTimeInterval: 0.2)
    }

    private func startListener() throws {
        try? FileManager.default.removeItem(at: listenerLog)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Shell.which("ip")!)
        process.arguments = ["netns", "exec", b, "python3", "-c", KernelLab.listenerScript, listenerLog.path] + KernelLab.ports.map(String.init)
        let ready = Pipe()
        process.standardOutput = ready
        try process.run()
        listener = process
        // The listener prints one line once every socket is bound.
        let line = ready.fileHandleForReading.availableData
        guard String(decoding: line, as: UTF8.self).contains("ready") else { throw Shell.Failure(message: "the listener in \(b) did not start") }
    }

    /// Listens on every test port (TCP accepts and closes; UDP logs the probe id it carries).
    static let listenerScript = """
    import socket, selectors, sys
    log = open(sys.argv[1], "a", buffering=1)
    sel = selectors.DefaultSelector()
    for p in sys.argv[2:]:
        t = socket.socket(socket.AF_INET, socket.SOCK_STREAM); t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        t.bind(("0.0.0.0", int(p))); t.listen(512); t.setblocking(False); sel.register(t, selectors.EVENT_READ, "tcp")
        u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("0.0.0.0", int(p))); u.setblocking(False)
        sel.register(u, selectors.EVENT_READ, "udp")
        t6 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM); t6.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        t6.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); t6.bind(("::", int(p))); t6.listen(512); t6.setblocking(False)
        sel.register(t6, selectors.EVENT_READ, "tcp")
        u6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM); u6.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        u6.bind(("::", int(p))); u6.setblocking(False)
        sel.register(u6, selectors.EVENT_READ, "udp")
    print("ready", flush=True)
    while True:
        for key, _ in sel.select():
            s = key.fileobj
            try:
                if key.data == "tcp":
                    c, _ = s.accept(); c.close()
                else:
                    data, _ = s.recvfrom(64); log.write(data.decode() + "\\n")
            except OSError:
                pass
    """

    /// Reads probes from standard input, sends them all at once, prints the ids of TCP connects that succeeded.
    static let prober = """
    import asyncio, socket, sys
    async def tcp(pid, src, sport, dst, dport):
        try:
            r, w = await asyncio.wait_for(asyncio.open_connection(dst, dport, local_addr=(src, sport)), float(sys.argv[1]))
            w.close(); print(pid, flush=True)
        except Exception:
            pass
    def udp(pid, src, sport, dst, dport):
        s = socket.socket(socket.AF_INET6 if ":" in src else socket.AF_INET, socket.SOCK_DGRAM)
        s.bind((src, sport)); s.sendto(str(pid).encode(), (dst, dport)); s.close()
    async def main():
        tasks = []
        for line in sys.stdin:
            pid, proto, src, sport, dst, dport = line.split()
            if proto == "tcp":
                tasks.append(tcp(pid, src, int(sport), dst, int(dport)))
            else:
                udp(pid, src, int(sport), dst, int(dport))
        await asyncio.gather(*tasks)
    asyncio.run(main())
    """
}

/// Runs commands for the kernel tests, each bounded by a timeout.
enum Shell {
    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    static func which(_ tool: String) -> String? {
        for dir in ["/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/bin"] where FileManager.default.isExecutableFile(atPath: "\(dir)/\(tool)") {
            return "\(dir)/\(tool)"
        }
        return nil
    }

    @discardableResult
    static func run(_ arguments: String...) throws -> String { try run(arguments) }

    @discardableResult
    static func run(_ arguments: [String], input: String? = nil, timeout: TimeInterval = 20) throws -> String {
        guard let path = which(arguments[0]) else { throw Failure(message: "\(arguments[0]) is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = Array(arguments.dropFirst())
        // Files rather than pipes: output is read once the command has ended, and a full pipe can never stall it.
        let directory = FileManager.default.temporaryDirectory
        let outURL = directory.appendingPathComponent("zonal-shell-\(UUID().uuidString).out")
        let errURL = directory.appendingPathComponent("zonal-shell-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let inPipe = Pipe()
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try? inPipe.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning {
            process.terminate()
            throw Failure(message: "\(arguments.joined(separator: " ")) did not finish within \(Int(timeout)) s")
        }
        let stdout = (try? Data(contentsOf: outURL)) ?? Data()
        let stderr = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure(message: "\(arguments.prefix(6).joined(separator: " ")) failed (\(process.terminationStatus)): \(stderr)")
        }
        return String(decoding: stdout, as: UTF8.self)
    }
}
