import ZonalModel

/// Threat scenarios for the base plant of `PlantFixture`, for the risk assessment tests.
extension PlantFixture {
    /// Four scenarios: SIS tampering by a sophisticated attacker (three FRs), BPCS ransomware, a casual corporate infection,
    /// and a DMZ nuisance whose unmitigated risk is already tolerable.
    public static let scenarios = """
    threat-scenarios:
      - { id: sis-tamper, source: nation state, attacker: sophisticated-moderate, entry: bpcs-sis, targets: [sis], frs: [IAC, UC, SI],
          consequences: { health-and-safety: catastrophic, production: major }, likelihood: possible }
      - { id: bpcs-ransom, source: criminal, attacker: simple-means, entry: dmz, targets: [bpcs], consequences: { production: major }, likelihood: likely }
      - { id: corp-virus, source: careless user, attacker: casual, entry: corp, targets: [corp], consequences: { financial: moderate }, likelihood: almost-certain }
      - { id: dmz-nuisance, source: hacktivist, attacker: simple-means, entry: corp-dmz, targets: [dmz], consequences: { reputation: minor }, likelihood: likely }
    """

    /// The base plant with `scenarios` (or other risk sections) added.
    public static func riskYAML(zones: String = zones, assets: String = assets, countermeasures: String = countermeasures,
                                risk: String = scenarios) -> String {
        yaml(zones: zones, assets: assets, countermeasures: countermeasures, extra: risk)
    }
}
