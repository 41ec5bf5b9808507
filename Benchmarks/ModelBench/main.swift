import Foundation
import Yams

/// `zonal-bench`: the model benchmark's tools.
///   zonal-bench generate --assets N --zones Z --conduits C --flows F [--json] -o FILE   writes a deterministic synthetic plant
///   zonal-bench compose FILE                                                             times Yams composing the file (the reference)
///
/// Hand-rolled argument handling keeps this harness free of the CLI's dependencies.

struct Generator {
    let assets: Int, zones: Int, conduits: Int, flows: Int
    /// A linear congruential generator: the same sizes always give the same plant, byte for byte.
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }

    static let kinds = ["enterprise", "dmz", "supervisory", "control", "control", "control", "safety", "supervisory", "control", "field"]
    static let roles: [String: [String]] = [
        "enterprise": ["office-workstation", "erp", "file-server"],
        "dmz": ["historian", "jump-host", "patch-server"],
        "supervisory": ["scada-server", "hmi", "engineering-workstation", "historian"],
        "control": ["plc", "dcs-controller", "hmi", "rtu"],
        "safety": ["sis-logic-solver", "safety-io"],
        "field": ["sensor", "actuator", "io-module"],
    ]
    static let enforcements = ["firewall", "dpi-firewall", "data-diode", "protocol-break", "jump-host", "vpn"]

    func zoneKind(_ z: Int) -> String { Generator.kinds[z % Generator.kinds.count] }
    func network(_ z: Int) -> String { "10.\(z >> 8 & 255).\(z & 255).0/24" }
    func address(zone z: Int, host h: Int) -> String { "10.\(z >> 8 & 255).\(z & 255).\(h % 250 + 2)" }

    mutating func yaml() -> String {
        var out = "zonal: 1\nsystem: { name: Synthetic plant \(assets), owner: Benchmarks }\nzones:\n"
        out.reserveCapacity(assets * 260)
        for z in 0..<zones {
            let sl = zoneKind(z) == "safety" ? 3 : (zoneKind(z) == "enterprise" ? 1 : 2)
            out += "  - { id: z\(z), name: Zone \(z), kind: \(zoneKind(z)), sl-target: \(sl), networks: [\(network(z))] }\n"
        }
        out += "assets:\n"
        let perZone = max(1, assets / zones)
        for a in 0..<assets {
            let z = a / perZone % zones
            let role = Generator.roles[zoneKind(z)]!
            let sl = next(10) == 0 ? "" : ", component: { vendor: V\(next(40)), product: P\(next(200)), sl-capability: \(1 + next(4)) }"
            out += "  - { id: a\(a), zone: z\(z), role: \(role[a % role.count]), ip: \(address(zone: z, host: a % perZone))\(sl) }\n"
        }
        // Conduits join each zone to its neighbours first (a connected plant), then random pairs.
        var pairs: [(Int, Int)] = []
        for c in 0..<conduits {
            let a = c < zones - 1 ? c : next(zones)
            var b = c < zones - 1 ? c + 1 : next(zones)
            if b == a { b = (a + 1) % zones }
            pairs.append((a, b))
        }
        out += "flows:\n"
        var allowed = Array(repeating: [String](), count: conduits)
        for f in 0..<flows {
            let c = next(conduits)
            let (za, zb) = pairs[c]
            let from = za * perZone + next(perZone), to = zb * perZone + next(perZone)
            let modbus = next(3) == 0
            let proto = modbus ? "protocol: modbus, port: 502, functions: [read-holding-registers]" : "protocol: opc-ua, port: 4840"
            out += "  - { id: f\(f), from: a\(min(from, assets - 1)), to: a\(min(to, assets - 1)), \(proto)\(next(5) == 0 ? ", essential: true" : "") }\n"
            if next(20) != 0 { allowed[c].append("f\(f)") }
        }
        out += "conduits:\n"
        for (c, (a, b)) in pairs.enumerated() {
            let enforcement = Generator.enforcements[next(Generator.enforcements.count)]
            let direction = enforcement == "data-diode" ? ", direction: z\(a)->z\(b)" : ""
            out += "  - { id: c\(c), zones: [z\(a), z\(b)], enforcement: \(enforcement)\(direction), allows: [\(allowed[c].joined(separator: ", "))] }\n"
        }
        out += "countermeasures:\n"
        for m in 0..<max(1, zones / 10) {
            out += "  - { id: m\(m), zones: [z\(next(zones))], conduits: [c\(next(conduits))], satisfies: [\"SR 3.1\", \"SR 4.1\", \"SR 1.13\", \"SR 7.1\"] }\n"
        }
        return out
    }
}

/// The same document as JSON, produced from the YAML by Yams so both files say exactly the same thing.
func jsonText(ofYAML text: String) throws -> String {
    guard let root = try Yams.compose(yaml: text) else { return "{}" }
    var out = ""
    out.reserveCapacity(text.utf8.count * 2)
    func emit(_ node: Node) {
        switch node {
        case .scalar(let s):
            if s.style == .plain, Int(s.string) != nil || ["true", "false"].contains(s.string) {
                out += s.string
            } else {
                out += "\""
                for c in s.string.unicodeScalars {
                    switch c {
                    case "\"": out += "\\\""
                    case "\\": out += "\\\\"
                    default: out.unicodeScalars.append(c)
                    }
                }
                out += "\""
            }
        case .mapping(let m):
            out += "{"
            for (i, pair) in m.enumerated() {
                if i > 0 { out += "," }
                emit(pair.key)
                out += ":"
                emit(pair.value)
            }
            out += "}"
        case .sequence(let s):
            out += "["
            for (i, item) in s.enumerated() {
                if i > 0 { out += ",\n" }
                emit(item)
            }
            out += "]"
        case .alias:
            out += "null"
        }
    }
    emit(root)
    return out + "\n"
}

func option(_ name: String, in args: [String]) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

let args = Array(CommandLine.arguments.dropFirst())
switch args.first {
case "generate":
    func int(_ name: String, _ fallback: Int) -> Int { option(name, in: args).flatMap(Int.init) ?? fallback }
    var generator = Generator(assets: int("--assets", 10_000), zones: int("--zones", 100), conduits: int("--conduits", 1_000), flows: int("--flows", 20_000))
    guard let path = option("-o", in: args) else {
        FileHandle.standardError.write(Data("zonal-bench generate: -o FILE is required\n".utf8))
        exit(64)
    }
    let yaml = generator.yaml()
    try yaml.write(toFile: path, atomically: true, encoding: .utf8)
    if let json = option("--json", in: args) {
        try jsonText(ofYAML: yaml).write(toFile: json, atomically: true, encoding: .utf8)
    }
case "compose":
    guard args.count == 2, let data = FileManager.default.contents(atPath: args[1]) else {
        FileHandle.standardError.write(Data("zonal-bench compose FILE\n".utf8))
        exit(64)
    }
    let start = DispatchTime.now()
    let node = try Yams.compose(yaml: String(decoding: data, as: UTF8.self))
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    print(String(format: "compose %.3f s (%@)", seconds, node == nil ? "empty" : "ok"))
default:
    FileHandle.standardError.write(Data("usage: zonal-bench generate --assets N --zones Z --conduits C --flows F -o FILE [--json FILE] | zonal-bench compose FILE\n".utf8))
    exit(64)
}
