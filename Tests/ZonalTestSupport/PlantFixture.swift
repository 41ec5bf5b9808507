import ZonalModel

/// Small plant models written as YAML in the tests themselves: a base plant that each test changes one thing in.
public enum PlantFixture {
    /// A clean four-zone plant (enterprise, DMZ, control, safety) whose only findings are what a test adds.
    public static let zones = """
      - { id: corp, kind: enterprise, sl-target: 1, networks: [10.100.0.0/16] }
      - { id: dmz, kind: dmz, sl-target: 2, networks: [10.20.0.0/24] }
      - { id: bpcs, kind: control, sl-target: 2, networks: [10.10.2.0/24] }
      - { id: sis, kind: safety, sl-target: 3, networks: [10.10.1.0/24] }
    """

    public static let assets = """
      - { id: office, zone: corp, role: office-workstation, ip: 10.100.0.5, component: { sl-capability: 4 } }
      - { id: historian, zone: dmz, role: historian, ip: 10.20.0.10, component: { sl-capability: 4 } }
      - { id: plc, zone: bpcs, role: plc, ip: 10.10.2.10, component: { sl-capability: 4 } }
      - { id: hmi, zone: bpcs, role: hmi, ip: 10.10.2.20, component: { sl-capability: 4 } }
      - { id: sis-ls, zone: sis, role: sis-logic-solver, ip: 10.10.1.10, safety: true, component: { sl-capability: 4 } }
    """

    public static let flows = """
      - { id: repl, from: plc, to: historian, protocol: opc-ua, port: 4840, essential: true }
      - { id: status, from: plc, to: sis-ls, protocol: modbus, port: 502, functions: [read-holding-registers], essential: true }
      - { id: reports, from: office, to: historian, protocol: https, port: 443 }
    """

    public static let conduits = """
      - { id: corp-dmz, zones: [corp, dmz], enforcement: dpi-firewall, allows: [reports] }
      - { id: bpcs-dmz, zones: [bpcs, dmz], direction: bpcs->dmz, enforcement: data-diode, allows: [repl] }
      - { id: bpcs-sis, zones: [bpcs, sis], enforcement: data-diode, direction: bpcs->sis, allows: [status] }
    """

    /// Cryptographic and access measures on every conduit, so the base plant has no conduit gap.
    public static let countermeasures = """
      - id: conduit-crypto
        conduits: [corp-dmz, bpcs-dmz, bpcs-sis]
        satisfies: ["SR 1.13", "SR 1.13 RE 1", "SR 2.6", "SR 3.1", "SR 3.1 RE 1", "SR 4.1", "SR 4.1 RE 1", "SR 4.1 RE 2", "SR 4.3", "SR 7.1", "SR 7.1 RE 1", "SR 7.1 RE 2"]
    """

    /// The plant as YAML, with any section replaced.
    public static func yaml(zones: String = zones, assets: String = assets, flows: String = flows, conduits: String = conduits,
                            countermeasures: String = countermeasures, extra: String = "") -> String {
        """
        zonal: 1
        system: { name: Test plant, owner: Tests }
        zones:
        \(zones)
        assets:
        \(assets)
        flows:
        \(flows)
        conduits:
        \(conduits)
        countermeasures:
        \(countermeasures)
        \(extra)
        """
    }

    /// Loads YAML text as a model; throws the loader's error for invalid models.
    public static func load(_ text: String, file: String = "plant.yaml") throws -> SystemModel {
        try ModelLoader.load(bytes: Array(text.utf8), file: file).model
    }

    /// The diagnostics of an invalid model (empty when it loads).
    public static func errors(_ text: String, file: String = "plant.yaml") -> [ModelDiagnostic] {
        do {
            _ = try ModelLoader.load(bytes: Array(text.utf8), file: file)
            return []
        } catch {
            return error.errors
        }
    }
}
