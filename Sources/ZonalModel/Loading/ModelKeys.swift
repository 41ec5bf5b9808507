/// The keys each object of a model file may have. The loader rejects any other key, and a test holds the JSON Schema to the same lists.
public enum ModelKeys {
    /// The keys of one kind of object.
    public struct Object: Sendable {
        public let name: String
        public let names: [String]
    }

    public static let document = Object(name: "document", names: ["zonal", "system", "zones", "assets", "flows", "conduits", "countermeasures", "policy", "environment", "risk-criteria", "threat-scenarios"])
    public static let system = Object(name: "system", names: ["name", "owner", "description"])
    public static let zone = Object(name: "zone", names: ["id", "name", "kind", "sl-target", "networks", "purdue-level", "description", "owner",
                                                                   "boundary", "access-points", "assumptions", "external-dependencies"])
    public static let asset = Object(name: "asset", names: ["id", "name", "zone", "role", "ip", "addresses", "mac", "safety", "wireless", "transient", "external", "component", "description"])
    public static let component = Object(name: "component", names: ["vendor", "product", "version", "type", "sl-capability", "certification"])
    public static let certification = Object(name: "certification", names: ["scheme", "standard", "level", "id"])
    public static let flow = Object(name: "flow", names: ["id", "from", "to", "protocol", "port", "transport", "functions", "essential", "description"])
    public static let conduit = Object(name: "conduit", names: ["id", "name", "zones", "direction", "enforcement", "sl-target", "allows", "description",
                                                                         "owner", "boundary", "access-points", "assumptions", "external-dependencies"])
    public static let inlineRule = Object(name: "rule", names: ["from", "to", "protocol", "port", "transport", "functions"])
    public static let countermeasure = Object(name: "countermeasure", names: ["id", "name", "satisfies", "zones", "conduits", "description", "mitigates"])
    public static let policy = Object(name: "policy", names: ["enforcement"])
    public static let environment = Object(name: "environment", names: ["operating-environment", "threat-environment", "tolerable-risk", "regulatory-requirements", "assumptions", "external-dependencies", "security-policies"])

    public static let riskCriteria = Object(name: "riskCriteria", names: ["likelihood", "consequence", "categories", "risk-levels", "matrix", "tolerable", "sl-credit"])
    public static let scaleLevel = Object(name: "scaleLevel", names: ["name", "description"])
    public static let threatScenario = Object(name: "threatScenario", names: ["id", "name", "source", "attacker", "entry", "targets", "vulnerabilities", "consequences", "likelihood", "frs", "description"])
    public static let mitigation = Object(name: "mitigation", names: ["scenario", "lowers", "by", "categories"])

    /// Every object kind, for the schema consistency test.
    public static let all: [Object] = [document, system, zone, asset, component, certification, flow, conduit, inlineRule, countermeasure, policy, environment, riskCriteria, scaleLevel, threatScenario, mitigation]

    /// The model format version this loader reads (`zonal: 1`).
    public static let formatVersion = 1
}
