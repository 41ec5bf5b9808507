extension PlantScenario {
    /// A model of the scenario's plant: the hosts as assets (the stranger and the rogue host left out on purpose),
    /// conduits whose rules the scenario's traffic partly breaks.
    public static let modelYAML = """
    zonal: 1
    system: { name: Generated test plant, owner: Zonal tests }
    zones:
      - { id: corp, kind: enterprise, sl-target: 1, networks: [10.100.0.0/16] }
      - { id: dmz, kind: dmz, sl-target: 2, networks: [10.20.0.0/24] }
      - { id: bpcs, kind: control, sl-target: 2, networks: [10.10.2.0/24, "fd00:10:2::/64"] }
      - { id: sis, kind: safety, sl-target: 3, networks: [10.10.1.0/24] }
    assets:
      - { id: corp-ws, zone: corp, role: office-workstation, ip: 10.100.5.20 }
      - { id: laptop, zone: corp, role: engineering-workstation, ip: 10.100.7.7, transient: true }
      - { id: historian, zone: dmz, role: historian, ip: 10.20.0.10 }
      - { id: hmi, zone: bpcs, role: hmi, ip: [10.10.2.20, "fd00:10:2::20"], mac: "02:00:0a:0a:02:14" }
      - { id: plc, zone: bpcs, role: plc, ip: [10.10.2.10, "fd00:10:2::10"], mac: "02:00:0a:0a:02:0a" }
      - { id: rtu, zone: bpcs, role: rtu, ip: 10.10.2.40 }
      - { id: bms, zone: bpcs, role: controller, ip: 10.10.2.50 }
      - { id: bpcs-dns, zone: bpcs, role: server, ip: 10.10.2.1 }
      - { id: sis-ls, zone: sis, role: sis-logic-solver, ip: 10.10.1.10, safety: true }
    flows:
      - { id: hist-collect, from: hmi, to: historian, protocol: opc-ua, port: 4840, essential: true }
      - { id: sis-status, from: hmi, to: sis-ls, protocol: modbus, port: 502, functions: [read-only], essential: true }
      - { id: reports, from: corp-ws, to: historian, protocol: tls, port: 443 }
    conduits:
      - { id: bpcs-dmz, zones: [bpcs, dmz], direction: bpcs->dmz, enforcement: firewall, allows: [hist-collect] }
      - { id: bpcs-sis, zones: [bpcs, sis], enforcement: dpi-firewall, allows: [sis-status] }
      - { id: corp-dmz, zones: [corp, dmz], enforcement: firewall, allows: [reports] }
    """
}
