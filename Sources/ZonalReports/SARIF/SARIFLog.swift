import Foundation

/// The part of the SARIF 2.1.0 object model Zonal writes (OASIS Static Analysis Results Interchange Format,
/// https://docs.oasis-open.org/sarif/sarif/v2.1.0/): one run, its tool's rules, and results with physical locations.
/// Written by hand because no SARIF library is in the package mirror; a test validates the output against the official schema.
struct SARIFLog: Encodable {
    struct Message: Encodable { let text: String }
    struct MultiformatMessage: Encodable { let text: String; let markdown: String? }

    struct Rule: Encodable {
        let id: String
        let name: String
        let shortDescription: Message
        let fullDescription: Message
        let help: MultiformatMessage
        let defaultConfiguration: Configuration
        let properties: [String: String]
        struct Configuration: Encodable { let level: String }
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Message
        let locations: [Location]
        let partialFingerprints: [String: String]
        let properties: [String: String]
    }

    struct Location: Encodable {
        let physicalLocation: PhysicalLocation
        struct PhysicalLocation: Encodable {
            let artifactLocation: ArtifactLocation
            let region: Region?
        }
        struct ArtifactLocation: Encodable { let uri: String; let uriBaseId: String? }
        struct Region: Encodable { let startLine: Int; let startColumn: Int }
    }

    struct Run: Encodable {
        struct Tool: Encodable { let driver: Driver }
        struct Driver: Encodable {
            let name: String
            let rules: [Rule]
        }
        let tool: Tool
        let columnKind: String
        let results: [Result]
    }

    enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    let version = "2.1.0"
    let runs: [Run]
}
