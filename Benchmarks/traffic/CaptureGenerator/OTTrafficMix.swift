import ZonalModel

/// The benchmark capture: about 4,100 long-lived flows with a realistic OT mix (Modbus, DNP3, S7comm, EtherNet/IP,
/// IEC 104 and OPC UA polling inside the control zone and towards the DMZ, HTTP, TLS and DNS at the boundaries),
/// interleaved at random (seeded) until the requested number of packets is written.
///
/// Address plan (the model `OTTrafficMix.modelYAML` covers it): control 10.10.0.0/16 (HMIs 10.10.0.x, PLCs and RTUs
/// 10.10.{1...8}.x), DMZ 10.20.0.0/24, corporate 10.100.0.0/16.
public enum OTTrafficMix {
    enum Kind: CaseIterable { case modbus, dnp3, s7, enip, iec104, opcua, http, tls, dns }

    /// Flows per kind.
    static let counts: [Kind: Int] = [.modbus: 1200, .dnp3: 500, .s7: 400, .enip: 400, .iec104: 300, .opcua: 300, .http: 400, .tls: 400, .dns: 200]

    static func hmi(_ i: Int) -> Host { Host("10.10.0.\(1 + i % 20)", mac: 0x0200_0A0A_0000 | UInt64(1 + i % 20)) }
    static func field(_ i: Int) -> Host { Host("10.10.\(1 + i % 8).\(10 + (i / 8) % 200)", mac: 0x0200_0A0A_0000 | UInt64(0x100 * (1 + i % 8) + 10 + (i / 8) % 200)) }
    static func historian(_ i: Int) -> Host { Host("10.20.0.\(10 + i % 4)", mac: 0x0200_0A14_0000 | UInt64(10 + i % 4)) }
    static func office(_ i: Int) -> Host { Host("10.100.\(1 + i % 10).\(20 + i % 50)", mac: 0x0200_0A64_0000 | UInt64(i % 500)) }
    static let dnsServer = Host("10.10.0.53", mac: 0x0200_0A0A_0035)

    final class Session {
        let kind: Kind
        let tcp: TCPConversation?
        let client: Host
        let server: Host
        let clientPort: UInt16
        var opened = false
        var counter: UInt16 = 0

        init(kind: Kind, index: Int, writer: CaptureWriter, clock: CaptureClock) {
            self.kind = kind
            let port: UInt16
            switch kind {
            case .modbus: (client, server, port) = (hmi(index), field(index), 502)
            case .dnp3: (client, server, port) = (hmi(index + 3), field(index + 1200), 20000)
            case .s7: (client, server, port) = (hmi(index + 7), field(index + 1700), 102)
            case .enip: (client, server, port) = (hmi(index + 11), field(index + 100), 44818)
            case .iec104: (client, server, port) = (hmi(index + 13), field(index + 1300), 2404)
            case .opcua: (client, server, port) = (hmi(index), historian(index), 4840)
            case .http: (client, server, port) = (office(index), historian(index), 80)
            case .tls: (client, server, port) = (office(index + 7), historian(index + 1), 443)
            case .dns: (client, server, port) = (hmi(index), dnsServer, 53)
            }
            clientPort = UInt16(20000 + index * 7 % 40000)
            tcp = kind == .dns ? nil : TCPConversation(client: client, server: server, clientPort: clientPort, serverPort: port, writer: writer,
                                                      clock: clock, seed: UInt32(index * 31 + Int(port)))
            tcp?.acknowledges = index % 2 == 0
        }
    }

    public static func write(to writer: CaptureWriter, packets: Int) {
        var random = SplitMix64(seed: 2026)
        let clock = CaptureClock()
        let datagrams = DatagramWriter(writer: writer, clock: clock)
        var sessions: [Session] = []
        for kind in Kind.allCases {
            for i in 0..<(counts[kind] ?? 0) { sessions.append(Session(kind: kind, index: i, writer: writer, clock: clock)) }
        }
        typealias M = ProtocolMessages
        var dnsExchanges = 0
        while writer.packets < packets {
            let s = sessions[Int.random(in: 0..<sessions.count, using: &random)]
            s.counter &+= 1
            let t = s.counter
            guard let tcp = s.tcp else {
                let name = "host\(Int.random(in: 1...500, using: &random)).plant.example"
                datagrams.udp(from: s.client, to: s.server, sourcePort: s.clientPort, destinationPort: 53, payload: M.dnsQuery(id: t, name: name))
                dnsExchanges += 1
                if dnsExchanges % 64 == 0 {
                    // One answer in 64 is a large TXT record, fragmented (three IPv4 fragments) as a real resolver's would be.
                    datagrams.fragmentedUDP(from: s.server, to: s.client, sourcePort: 53, destinationPort: s.clientPort,
                                            payload: M.dnsTXTResponse(id: t, name: name, strings: 6), identification: UInt32(t), size: 600)
                    continue
                }
                datagrams.udp(from: s.server, to: s.client, sourcePort: 53, destinationPort: s.clientPort,
                              payload: M.dnsQuery(id: t, name: name) + [0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 10, 10, 0, 9])
                continue
            }
            if !s.opened {
                tcp.open()
                s.opened = true
                switch s.kind {
                case .s7:
                    tcp.send(M.cotpConnectRequest(), fromClient: true)
                    tcp.send(M.cotpConnectConfirm(), fromClient: false)
                case .opcua:
                    tcp.send(M.opcuaHello(endpoint: "opc.tcp://historian:4840"), fromClient: true)
                    tcp.send(M.opcuaOpen(policy: "http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256"), fromClient: true)
                case .iec104:
                    tcp.send(M.iec104U(0x07), fromClient: true)
                    tcp.send(M.iec104U(0x0B), fromClient: false)
                case .enip:
                    tcp.send(M.enipRegisterSession(session: 0), fromClient: true)
                    tcp.send(M.enipRegisterSession(session: 0x1000 + UInt32(t)), fromClient: false)
                default: break
                }
                continue
            }
            let roll = Int.random(in: 0..<100, using: &random)
            switch s.kind {
            case .modbus:
                let function: UInt8 = roll < 60 ? 3 : (roll < 90 ? 4 : (roll < 96 ? 6 : 16))
                let registers = Int.random(in: 1...60, using: &random)
                if function == 3 || function == 4 {
                    tcp.send(M.modbusRead(transaction: t, function: function, address: UInt16(roll * 10), count: UInt16(registers)), fromClient: true)
                    tcp.send(M.modbusReadResponse(transaction: t, function: function, count: registers), fromClient: false)
                } else {
                    tcp.send(M.modbus(transaction: t, function: function, data: [0, 1, 0, 1, 2, 0, 7]), fromClient: true)
                    tcp.send(M.modbus(transaction: t, function: function, data: [0, 1, 0, 1]), fromClient: false)
                }
            case .dnp3:
                let function: UInt8 = roll < 85 ? 1 : (roll < 95 ? 5 : 2)
                tcp.send(M.dnp3Application(function: function, sequence: UInt8(t & 0x0F), master: true, objects: [0x3C, 0x02, 0x06, 0x3C, 0x01, 0x06]),
                         fromClient: true)
                tcp.send(M.dnp3Application(function: 129, sequence: UInt8(t & 0x0F), master: false,
                                           objects: [UInt8](repeating: 0x01, count: Int.random(in: 8...180, using: &random))), fromClient: false)
            case .s7:
                let function: UInt8 = roll < 92 ? 4 : 5
                tcp.send(M.s7ReadWrite(function: function, rosctr: 1, reference: t), fromClient: true)
                tcp.send(M.s7ReadWrite(function: function, rosctr: 3, reference: t), fromClient: false)
            case .enip:
                let service: UInt8 = roll < 90 ? 0x4C : 0x4D
                tcp.send(M.enipSendRRData(session: 0x1000, cip: M.cip(service: service, response: false, data: [1, 0])), fromClient: true)
                tcp.send(M.enipSendRRData(session: 0x1000, cip: M.cip(service: service, response: true,
                                                                      data: [UInt8](repeating: 0x22, count: Int.random(in: 4...200, using: &random)))),
                         fromClient: false)
            case .iec104:
                let send = t & 0x7FFF
                if roll < 80 {
                    tcp.send(M.iec104I(send: send, receive: 0, type: 13, cause: 3, element: [0, 0, 0x80, 0x3F, 0]), fromClient: false)
                } else if roll < 95 {
                    tcp.send(M.iec104S(receive: send), fromClient: true)
                } else {
                    tcp.send(M.iec104I(send: send, receive: 0, type: 45, cause: 6, element: [1]), fromClient: true)
                }
            case .opcua:
                tcp.send(M.opcua("MSG", body: [UInt8](repeating: 0x31, count: Int.random(in: 60...200, using: &random))), fromClient: true)
                tcp.send(M.opcua("MSG", body: [UInt8](repeating: 0x32, count: Int.random(in: 200...1400, using: &random))), fromClient: false)
            case .http:
                tcp.send(M.httpGet(host: "historian", path: "/trend/\(t)"), fromClient: true)
                tcp.send(M.httpResponse(body: Int.random(in: 200...1300, using: &random)), fromClient: false)
            case .tls:
                if t == 1 { tcp.send(M.tlsClientHello(serverName: "historian.plant.example"), fromClient: true) }
                tcp.send(M.tlsApplicationData(Int.random(in: 40...300, using: &random)), fromClient: true)
                tcp.send(M.tlsApplicationData(Int.random(in: 100...1400, using: &random)), fromClient: false)
            case .dns:
                break
            }
        }
    }

    /// A model covering the benchmark's addresses: zones by network, the HMIs, historians and DNS server as assets,
    /// conduits for OPC UA to the DMZ and HTTP/TLS from the office (HTTP is not allowed: a finding per flow).
    public static let modelYAML = """
    zonal: 1
    system: { name: Benchmark plant }
    zones:
      - { id: control, kind: control, sl-target: 2, networks: [10.10.0.0/16] }
      - { id: dmz, kind: dmz, sl-target: 2, networks: [10.20.0.0/24] }
      - { id: corp, kind: enterprise, sl-target: 1, networks: [10.100.0.0/16] }
    assets:
      - { id: dns, zone: control, role: server, ip: 10.10.0.53 }
    \((1...20).map { "  - { id: hmi-\($0), zone: control, role: hmi, ip: 10.10.0.\($0) }" }.joined(separator: "\n"))
    \((10...13).map { "  - { id: historian-\($0), zone: dmz, role: historian, ip: 10.20.0.\($0) }" }.joined(separator: "\n"))
    flows:
      - { id: collect, from: control, to: dmz, protocol: opc-ua, port: 4840 }
      - { id: reports, from: corp, to: dmz, protocol: tls, port: 443 }
    conduits:
      - { id: control-dmz, zones: [control, dmz], direction: control->dmz, enforcement: firewall, allows: [collect] }
      - { id: corp-dmz, zones: [corp, dmz], enforcement: firewall, allows: [reports] }
    """
}
