// Firewall benchmark: a generated nftables ruleset (`nft -j` JSON) with object groups (named sets) across many zones is
// read and its exact zone-to-zone matrix computed; prints time and peak memory. Run with Benchmarks/firewall/run.sh.
import Foundation
import ZonalFirewall
import ZonalModel

/// Command line: --rules N --zones Z [--keep FILE]
var rules = 10_000, zones = 200
var keep: String?
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    switch flag {
    case "--rules": rules = Int(arguments.popFirst() ?? "") ?? rules
    case "--zones": zones = Int(arguments.popFirst() ?? "") ?? zones
    case "--keep": keep = arguments.popFirst()
    default: FileHandle.standardError.write(Data("usage: zonal-firewall-bench [--rules N] [--zones Z] [--keep FILE]\n".utf8)); exit(64)
    }
}

/// A seeded generator so every run reads the same ruleset.
struct SplitMix {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

/// Zone i owns 10.i.0.0/24 and 10.i.1.0/24 (i < 250); ports are OT services.
func generate(rules: Int, zones: Int) -> String {
    var rng = SplitMix(state: 2026)
    let services = [502, 4840, 20000, 102, 2404, 44818, 443, 22, 3389, 161, 123, 1883]
    var objects: [String] = [
        #"{"metainfo": {"version": "1.0.6", "json_schema_version": 1}}"#,
        #"{"table": {"family": "inet", "name": "plant", "handle": 1}}"#,
        #"{"chain": {"family": "inet", "table": "plant", "name": "forward", "handle": 1, "type": "filter", "hook": "forward", "prio": 0, "policy": "drop"}}"#,
    ]
    for z in 0..<zones {
        objects.append(#"{"set": {"family": "inet", "name": "zone\#(z)", "table": "plant", "type": "ipv4_addr", "handle": \#(10 + z), "flags": ["interval"], "elem": [{"prefix": {"addr": "10.\#(z).0.0", "len": 24}}, {"prefix": {"addr": "10.\#(z).1.0", "len": 24}}]}}"#)
        let hosts = (0..<4).map { "\"10.\(z).0.\(10 + $0 * 7)\"" }.joined(separator: ", ")
        objects.append(#"{"set": {"family": "inet", "name": "hosts\#(z)", "table": "plant", "type": "ipv4_addr", "handle": \#(1000 + z), "elem": [\#(hosts)]}}"#)
    }
    objects.append(#"{"set": {"family": "inet", "name": "ot_services", "table": "plant", "type": "inet_service", "handle": 5000, "elem": [502, 4840, 20000, 102, 2404, 44818]}}"#)
    func match(_ proto: String, _ field: String, _ right: String) -> String {
        #"{"match": {"op": "==", "left": {"payload": {"protocol": "\#(proto)", "field": "\#(field)"}}, "right": \#(right)}}"#
    }
    var handle = 10_000
    func rule(_ expr: [String], comment: String? = nil) -> String {
        handle += 1
        return #"{"rule": {"family": "inet", "table": "plant", "chain": "forward", "handle": \#(handle), \#(comment.map { "\"comment\": \"\($0)\", " } ?? "")"expr": [\#(expr.joined(separator: ", "))]}}"#
    }
    objects.append(rule([#"{"match": {"op": "in", "left": {"ct": {"key": "state"}}, "right": ["established", "related"]}}"#, #"{"accept": null}"#]))
    for i in 1..<rules {
        // Each rule joins a zone to one of its nearby zones, as a plant's conduits do; a few are host-level or service groups.
        let a = rng.next(zones), b = (a + 1 + rng.next(4)) % zones
        let source = rng.next(3) == 0 ? "\"@hosts\(a)\"" : "\"@zone\(a)\""
        let destination = rng.next(4) == 0 ? "\"10.\(b).1.\(rng.next(250))\"" : "\"@zone\(b)\""
        let proto = rng.next(5) == 0 ? "udp" : "tcp"
        let port = rng.next(6) == 0 ? "\"@ot_services\"" : "\(services[rng.next(services.count)])"
        let verdict = rng.next(10) == 0 ? #"{"drop": null}"# : #"{"accept": null}"#
        objects.append(rule([match("ip", "saddr", source), match("ip", "daddr", destination), match(proto, "dport", port), verdict],
                            comment: "conduit \(a)-\(b) rule \(i)"))
    }
    return "{\"nftables\": [\n" + objects.joined(separator: ",\n") + "\n]}\n"
}

func usage() -> rusage {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage
}

func peakResidentMB() -> Double { Double(usage().ru_maxrss) / 1024 } // kilobytes on Linux

/// User plus system CPU seconds: steadier than wall time on a shared machine.
func cpuSeconds() -> Double {
    let u = usage()
    return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
}

let text = generate(rules: rules, zones: zones)
let path = keep ?? FileManager.default.temporaryDirectory.appendingPathComponent("zonal-fw-bench-\(rules).json").path
try text.write(toFile: path, atomically: true, encoding: .utf8)
defer { if keep == nil { try? FileManager.default.removeItem(atPath: path) } }
let groups = (0..<zones).map { z in
    AddressGroup(name: "zone\(z)", networks: [try! IPNetwork.parse("10.\(z).0.0/24"), try! IPNetwork.parse("10.\(z).1.0/24")])
}

let cpuStart = cpuSeconds()
let start = DispatchTime.now()
let ruleset = try RulesetReader.read(path: path)
let read = DispatchTime.now()
let evaluator = try RulesetEvaluator(ruleset)
let matrix = PermissionMatrix.compute(evaluator, groups: groups)
let done = DispatchTime.now()
let cpu = cpuSeconds() - cpuStart
func seconds(_ a: DispatchTime, _ b: DispatchTime) -> Double { Double(b.uptimeNanoseconds - a.uptimeNanoseconds) / 1e9 }
let permitted = matrix.reduce(0) { $0 + $1.permitted.count }
print(String(format: "rules %d  zones %d  file %.1f MB  read %.3f s  matrix %.3f s  total %.3f s  cpu %.3f s  peak RSS %.0f MB  cells %d  permitted ranges %d",
             ruleset.rules.count, zones, Double(text.utf8.count) / 1e6, seconds(start, read), seconds(read, done), seconds(start, done),
             cpu, peakResidentMB(), matrix.count, permitted))
