import Foundation
import XCTest
import ZonalTestSupport

/// Runs the built `zonal` executable as a user or a CI job would, and checks what it prints and how it exits.
final class ZonalCommandTests: XCTestCase {
    typealias Run = ProgramRun

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var executable: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0])
        for directory in [testBinary.deletingLastPathComponent(), Bundle.main.bundleURL, testBinary.deletingLastPathComponent().deletingLastPathComponent()] {
            let candidate = directory.appendingPathComponent("zonal")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/zonal")
    }

    func zonal(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        try Self.run(arguments, environment: environment)
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        try ProgramRun.run(executable, arguments, in: packageRoot,
                           environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
    }

    func temporaryFile(_ name: String, _ contents: String) throws -> String { try Self.temporaryFile(name, contents) }

    static func temporaryFile(_ name: String, _ contents: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zonal-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static let cleanPlant = """
    zonal: 1
    system: { name: Small plant }
    zones:
      - { id: corp, kind: enterprise, sl-target: 1, networks: [10.1.0.0/16] }
      - { id: dmz, kind: dmz, sl-target: 1, networks: [10.2.0.0/24] }
    assets:
      - { id: pc, zone: corp, role: office-workstation, ip: 10.1.0.5, component: { sl-capability: 2 } }
      - { id: hist, zone: dmz, role: historian, ip: 10.2.0.5, component: { sl-capability: 2 } }
    flows:
      - { id: web, from: pc, to: hist, protocol: https, port: 443 }
    conduits:
      - { id: c, zones: [corp, dmz], enforcement: dpi-firewall, allows: [web] }
    countermeasures:
      - { id: tls, conduits: [c], satisfies: ["SR 1.13", "SR 3.1", "SR 4.1", "SR 4.3", "SR 7.1"] }
    """

    func testCheckOnTheRefineryReportsItsFindingsAndExitsOne() throws {
        let run = try zonal(["check", "Examples/refinery/plant.yaml", "--format", "json"])
        XCTAssertEqual(run.status, 1, run.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try XCTUnwrap(json["findings"] as? [[String: Any]])
        XCTAssertFalse(findings.isEmpty)
        for finding in findings {
            for key in ["check", "severity", "message", "clause", "location"] { XCTAssertNotNil(finding[key], key) }
            let location = try XCTUnwrap(finding["location"] as? [String: Any])
            XCTAssertEqual(location["file"] as? String, "Examples/refinery/plant.yaml")
            XCTAssertGreaterThan(location["line"] as? Int ?? 0, 0)
            XCTAssertGreaterThan(location["column"] as? Int ?? 0, 0)
        }
        XCTAssertTrue(findings.contains { $0["check"] as? String == "ZC-AV-02" && $0["severity"] as? String == "critical" })
    }

    func testFailOnSetsTheThreshold() throws {
        let clean = try temporaryFile("plant.yaml", Self.cleanPlant)
        XCTAssertEqual(try zonal(["check", clean]).status, 0)
        let lowOnly = try temporaryFile("plant.yaml", Self.cleanPlant.replacingOccurrences(of: "allows: [web]", with: "allows: [web, { from: corp, to: dmz, protocol: ssh }]"))
        XCTAssertEqual(try zonal(["check", lowOnly]).status, 1)
        XCTAssertEqual(try zonal(["check", lowOnly, "--fail-on", "medium"]).status, 0)
        XCTAssertEqual(try zonal(["check", "Examples/refinery/plant.yaml", "--fail-on", "critical"]).status, 1)
    }

    func testAnInvalidModelExitsTwoWithLocatedErrors() throws {
        let path = try temporaryFile("bad.yaml", Self.cleanPlant.replacingOccurrences(of: "kind: dmz", with: "kind: dmzz").replacingOccurrences(of: "to: hist", with: "to: hst"))
        let run = try zonal(["check", path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("\(path):5:22: error: 'dmzz' is not a valid 'kind'"), run.stderr)
        XCTAssertTrue(run.stderr.contains("did you mean 'hist'?"), run.stderr)
        XCTAssertTrue(run.stderr.contains("2 errors in"), run.stderr)
        XCTAssertEqual(run.stdout, "")
    }

    func testAMissingFileExitsThreeAndBadArgumentsSixtyFour() throws {
        let missing = try zonal(["check", "/nonexistent/plant.yaml"])
        XCTAssertEqual(missing.status, 3)
        XCTAssertTrue(missing.stderr.contains("cannot read the model file"), missing.stderr)
        XCTAssertEqual(try zonal(["check", "Examples/refinery/plant.yaml", "--fail-on", "severe"]).status, 64)
    }

    func testTextIsPlainWhenPiped() throws {
        let run = try zonal(["check", "Examples/refinery/plant.yaml"])
        XCTAssertFalse(run.stdout.contains("\u{1B}["))
        XCTAssertTrue(run.stdout.contains("CRITICAL ZC-AV-02  Examples/refinery/plant.yaml:"), run.stdout)
        XCTAssertTrue(run.stdout.contains("findings: 1 critical"), run.stdout)
    }

    func testOutputFileIsWrittenWhole() throws {
        let dir = URL(fileURLWithPath: try temporaryFile("x", "")).deletingLastPathComponent()
        let out = dir.appendingPathComponent("findings.json").path
        XCTAssertEqual(try zonal(["check", "Examples/refinery/plant.yaml", "--format", "json", "-o", out]).status, 1)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))))
        let unwritable = try zonal(["check", "Examples/refinery/plant.yaml", "-o", "/nonexistent/dir/out.txt"])
        XCTAssertEqual(unwritable.status, 3)
    }

    func testRequirementsAndPaths() throws {
        let requirements = try zonal(["requirements", "Examples/refinery/plant.yaml", "--zone", "sis", "--format", "json"])
        XCTAssertEqual(requirements.status, 0, requirements.stderr)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(requirements.stdout.utf8)) as? [String: Any])
        let zones = try XCTUnwrap(doc["zones"] as? [[String: Any]])
        XCTAssertEqual(zones.map { $0["id"] as? String }, ["sis"])
        let entries = try XCTUnwrap(zones[0]["requirements"] as? [[String: Any]])
        XCTAssertEqual(entries.count, 90 - 2, "SL-T {3,3,3,2,3,2,3} requires all SL 3 entries but SR 4.2 RE 1 (DC) and SR 6.1 RE 1 (TRE)")
        XCTAssertEqual(try zonal(["requirements", "Examples/refinery/plant.yaml", "--zone", "nope"]).status, 2)

        let paths = try zonal(["paths", "Examples/refinery/plant.yaml", "--format", "json"])
        let pathDoc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(paths.stdout.utf8)) as? [String: Any])
        let list = try XCTUnwrap(pathDoc["paths"] as? [[String: Any]])
        XCTAssertTrue(list.contains { $0["entry"] as? String == "corp" && $0["target"] as? String == "sis" })
    }

    func testCatalogFilters() throws {
        let run = try zonal(["catalog", "--standard", "3-3", "--sl", "3", "--format", "json"])
        let entries = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(entries.count, 90)
        let re = try XCTUnwrap(entries.first { $0["id"] as? String == "SR 1.1 RE 1" })
        XCTAssertEqual(re["fr"] as? String, "IAC")
        XCTAssertEqual(re["levels"] as? [Int], [2, 3, 4])
        let uc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try zonal(["catalog", "--standard", "4-2", "--component", "host", "--fr", "UC", "--format", "json"]).stdout.utf8)) as? [[String: Any]])
        XCTAssertFalse(uc.isEmpty)
        XCTAssertTrue(uc.allSatisfy { ($0["components"] as? [String])?.contains("host-device") ?? false && $0["fr"] as? String == "UC" })
        let csv = try zonal(["catalog", "--standard", "3-2", "--format", "csv"]).stdout
        XCTAssertTrue(csv.hasPrefix("id,standard,kind,parent,fr,title,levels,components\r\n"))
        XCTAssertEqual(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, 40)
        XCTAssertEqual(try zonal(["catalog", "--sl", "5"]).status, 64)
    }

    func testHelpHasAnExampleForEveryCommand() throws {
        for command in ["check", "requirements", "paths", "catalog", "schema"] {
            let run = try zonal([command, "--help"])
            XCTAssertEqual(run.status, 0)
            XCTAssertTrue(run.stdout.contains("zonal \(command)") || run.stdout.contains("Example"), command)
        }
    }

    /// The schema validates every shipped example (Python's jsonschema is the validator; .ci/run installs it).
    func testSchemaValidatesTheExamples() throws {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import jsonschema, yaml"]
        try check.run()
        check.waitUntilExit()
        try XCTSkipIf(check.terminationStatus != 0, "python3 with jsonschema and PyYAML is needed: pip install jsonschema pyyaml")
        let schema = try zonal(["schema"]).stdout
        let schemaPath = try temporaryFile("schema.json", schema)
        let examples = try FileManager.default.subpathsOfDirectory(atPath: Self.packageRoot.appendingPathComponent("Examples").path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }
        XCTAssertFalse(examples.isEmpty)
        for example in examples {
            let validate = Process()
            validate.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            validate.arguments = ["python3", "-c", """
            import json, sys, yaml, jsonschema
            schema = json.load(open(sys.argv[1]))
            doc = yaml.safe_load(open(sys.argv[2]))
            jsonschema.Draft202012Validator.check_schema(schema)
            jsonschema.validate(doc, schema, cls=jsonschema.Draft202012Validator)
            """, schemaPath, Self.packageRoot.appendingPathComponent("Examples").appendingPathComponent(example).path]
            let err = Pipe()
            validate.standardError = err
            try validate.run()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            validate.waitUntilExit()
            XCTAssertEqual(validate.terminationStatus, 0, "\(example): \(message)")
        }
        // And the schema rejects what the loader rejects: an unknown key.
        let bad = try temporaryFile("bad.yaml", Self.cleanPlant.replacingOccurrences(of: "kind: dmz", with: "kind: dmz, colour: red"))
        let reject = Process()
        reject.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        reject.arguments = ["python3", "-c", "import json,sys,yaml,jsonschema; jsonschema.validate(yaml.safe_load(open(sys.argv[2])), json.load(open(sys.argv[1])))", schemaPath, bad]
        reject.standardError = FileHandle.nullDevice
        try reject.run()
        reject.waitUntilExit()
        XCTAssertNotEqual(reject.terminationStatus, 0)
    }
}

/// Generated documents stay in step with the code that generates them.
final class GeneratedDocsTests: XCTestCase {
    func testRulesReferenceIsCurrent() throws {
        let generated = try ZonalCommandTests.run(["rules", "--format", "markdown"]).stdout
        let committed = try String(contentsOf: ZonalCommandTests.packageRoot.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        XCTAssertEqual(generated, committed, "docs/rules.md is stale: run `swift run zonal rules --format markdown -o docs/rules.md`")
    }
}

/// Models can come from pipes (process substitution in CI scripts) and directories get a clear error.
final class ModelInputTests: XCTestCase {
    func testAModelReadFromAPipe() throws {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        shell.arguments = ["-c", "\"$0\" check <(cat Examples/refinery/plant.yaml) --format json > /dev/null", ZonalCommandTests.executable.path]
        shell.currentDirectoryURL = ZonalCommandTests.packageRoot
        try shell.run()
        shell.waitUntilExit()
        XCTAssertEqual(shell.terminationStatus, 1, "the refinery read through a pipe has findings (exit 1), not a read error (exit 3)")
    }

    func testADirectoryIsRefusedWithAHint() throws {
        let run = try ZonalCommandTests.run(["check", "Examples/refinery"])
        XCTAssertEqual(run.status, 3)
        XCTAssertTrue(run.stderr.contains("it is a directory; give the model file itself"), run.stderr)
    }
}
