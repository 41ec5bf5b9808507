import ZonalModel

/// The deterministic test plant: every protocol Zonal dissects, split and coalesced PDUs, VLAN and QinQ tags, IPv6,
/// IP fragments and a truncated packet, between hosts whose addresses `PlantScenario.model` places in zones.
///
/// Zones: corp 10.100.0.0/16 (SL 1), dmz 10.20.0.0/24 (SL 2), bpcs 10.10.2.0/24 + fd00:10:2::/64 (SL 2), sis 10.10.1.0/24 (SL 3).
public enum PlantScenario {
    public static let hmi = Host("10.10.2.20", mac: 0x0200_0A0A_0214)
    public static let plc = Host("10.10.2.10", mac: 0x0200_0A0A_020A)
    public static let rtu = Host("10.10.2.40", mac: 0x0200_0A0A_0228)
    public static let bms = Host("10.10.2.50", mac: 0x0200_0A0A_0232)
    public static let dns = Host("10.10.2.1", mac: 0x0200_0A0A_0201)
    public static let hmi6 = Host("fd00:10:2::20", mac: 0x0200_0A0A_0214)
    public static let plc6 = Host("fd00:10:2::10", mac: 0x0200_0A0A_020A)
    public static let sis = Host("10.10.1.10", mac: 0x0200_0A0A_010A)
    public static let historian = Host("10.20.0.10", mac: 0x0200_0A14_000A)
    public static let corpWS = Host("10.100.5.20", mac: 0x0200_0A64_0514)
    public static let laptop = Host("10.100.7.7", mac: 0x0200_0A64_0707)
    public static let rogue = Host("192.168.77.7", mac: 0x0200_C0A8_4D07)
    public static let stranger = Host("10.10.2.99", mac: 0x0200_0A0A_0263)

    /// The DNP3 port used off the standard one (found by payload; tshark needs `-d tcp.port==20500,dnp3`).
    public static let dnp3OddPort: UInt16 = 20500

    /// Writes the scenario; `writer` decides pcap or pcapng.
    public static func write(to writer: CaptureWriter) {
        let clock = CaptureClock()
        let datagrams = DatagramWriter(writer: writer, clock: clock)
        typealias M = ProtocolMessages

        // Modbus HMI → PLC on VLAN 102: reads, writes, exception, diagnostics, coalesced and split PDUs.
        let modbus = TCPConversation(client: hmi, server: plc, clientPort: 50100, serverPort: 502, vlans: [102], writer: writer, clock: clock, seed: 1)
        modbus.open()
        for t in 1...3 {
            modbus.send(M.modbusRead(transaction: UInt16(t), function: 3, address: 100, count: 4), fromClient: true)
            modbus.send(M.modbusReadResponse(transaction: UInt16(t), function: 3, count: 4), fromClient: false)
        }
        modbus.send(M.modbus(transaction: 4, function: 6, data: [0, 10, 0, 99]), fromClient: true)
        modbus.send(M.modbus(transaction: 4, function: 6, data: [0, 10, 0, 99]), fromClient: false)
        modbus.send(M.modbus(transaction: 5, function: 16, data: [0, 20, 0, 2, 4, 0, 1, 0, 2]), fromClient: true)
        modbus.send(M.modbus(transaction: 5, function: 16, data: [0, 20, 0, 2]), fromClient: false)
        modbus.send(M.modbusRead(transaction: 6, function: 3, address: 1, count: 2) + M.modbusRead(transaction: 7, function: 4, address: 1, count: 2),
                    fromClient: true)
        modbus.send(M.modbusReadResponse(transaction: 6, function: 3, count: 2) + M.modbusReadResponse(transaction: 7, function: 4, count: 2),
                    fromClient: false)
        modbus.send(M.modbus(transaction: 8, function: 16, data: [0, 30, 0, 3, 6, 0, 1, 0, 2, 0, 3]), fromClient: true, cuts: [10])
        // tshark only reassembles a Modbus PDU whose first segment holds at least 8 bytes; both cuts respect that.
        modbus.send(M.modbus(transaction: 8, function: 16, data: [0, 30, 0, 3]), fromClient: false, cuts: [9])
        modbus.send(M.modbus(transaction: 9, function: 6, data: [0xFF, 0xFF, 0, 1]), fromClient: true)
        modbus.send(M.modbus(transaction: 9, function: 0x86, data: [2]), fromClient: false)
        modbus.send(M.modbus(transaction: 10, function: 8, data: [0, 0, 0xA5, 0x37]), fromClient: true)
        modbus.send(M.modbus(transaction: 10, function: 8, data: [0, 0, 0xA5, 0x37]), fromClient: false)
        modbus.send(M.modbus(transaction: 11, function: 43, data: [14, 1, 0]), fromClient: true)
        modbus.send(M.modbus(transaction: 11, function: 43, data: [14, 1, 1, 0, 0, 1, 0, 3] + Array("ACM".utf8)), fromClient: false)
        modbus.close()

        // Modbus over IPv6 inside QinQ tags.
        let modbus6 = TCPConversation(client: hmi6, server: plc6, clientPort: 50200, serverPort: 502, vlans: [100, 102], writer: writer, clock: clock, seed: 2)
        modbus6.open()
        for t in 1...2 {
            modbus6.send(M.modbusRead(transaction: UInt16(t), function: 4, address: 0, count: 8), fromClient: true)
            modbus6.send(M.modbusReadResponse(transaction: UInt16(t), function: 4, count: 8), fromClient: false)
        }
        modbus6.close()

        // Modbus HMI → SIS logic solver: reads, then a coil write the conduit forbids.
        let sisLink = TCPConversation(client: hmi, server: sis, clientPort: 50300, serverPort: 502, writer: writer, clock: clock, seed: 3)
        sisLink.open()
        sisLink.send(M.modbusRead(transaction: 1, function: 3, address: 0, count: 2), fromClient: true)
        sisLink.send(M.modbusReadResponse(transaction: 1, function: 3, count: 2), fromClient: false)
        sisLink.send(M.modbus(transaction: 2, function: 5, data: [0, 7, 0xFF, 0]), fromClient: true)
        sisLink.send(M.modbus(transaction: 2, function: 5, data: [0, 7, 0xFF, 0]), fromClient: false)
        sisLink.close()

        // A host on the BPCS network that the inventory does not list.
        let strange = TCPConversation(client: stranger, server: plc, clientPort: 50400, serverPort: 502, writer: writer, clock: clock, seed: 4)
        strange.open()
        strange.send(M.modbusRead(transaction: 1, function: 1, address: 0, count: 16), fromClient: true)
        strange.send(M.modbus(transaction: 1, function: 1, data: [2, 0xFF, 0x00]), fromClient: false)
        strange.close()

        // HTTP on the Modbus port: the payload, not the port, decides.
        let web502 = TCPConversation(client: hmi, server: plc, clientPort: 50500, serverPort: 502, writer: writer, clock: clock, seed: 5)
        web502.open()
        web502.send(M.httpGet(host: "plc"), fromClient: true)
        web502.send(M.httpResponse(body: 20), fromClient: false)
        web502.close()

        // DNP3 master (HMI) → outstation (RTU): reads, controls, restarts, file-less unsolicited, multi-frame and split PDUs.
        let dnp3 = TCPConversation(client: hmi, server: rtu, clientPort: 50600, serverPort: 20000, writer: writer, clock: clock, seed: 6)
        dnp3.open()
        let classRead: [UInt8] = [0x3C, 0x02, 0x06, 0x3C, 0x03, 0x06, 0x3C, 0x04, 0x06, 0x3C, 0x01, 0x06]
        dnp3.send(M.dnp3Application(function: 1, sequence: 0, master: true, objects: classRead), fromClient: true)
        dnp3.send(M.dnp3Application(function: 129, sequence: 0, master: false, objects: [0x01, 0x02, 0x00, 0x00, 0x03, 0x01, 0x01, 0x81, 0x01]),
                  fromClient: false)
        let crob: [UInt8] = [0x0C, 0x01, 0x28, 0x01, 0x00, 0x00, 0x00, 0x03, 0x01, 0xE8, 0x03, 0, 0, 0xE8, 0x03, 0, 0, 0]
        dnp3.send(M.dnp3Application(function: 3, sequence: 1, master: true, objects: crob), fromClient: true)
        dnp3.send(M.dnp3Application(function: 129, sequence: 1, master: false, objects: crob), fromClient: false)
        dnp3.send(M.dnp3Application(function: 4, sequence: 2, master: true, objects: crob), fromClient: true)
        dnp3.send(M.dnp3Application(function: 129, sequence: 2, master: false, objects: crob), fromClient: false)
        dnp3.send(M.dnp3Application(function: 5, sequence: 3, master: true, objects: crob), fromClient: true, cuts: [12])
        dnp3.send(M.dnp3Application(function: 129, sequence: 3, master: false, objects: crob), fromClient: false)
        // Two link frames in one segment: a write (time and date) and a read.
        dnp3.send(M.dnp3Application(function: 2, sequence: 4, master: true, objects: [0x32, 0x01, 0x07, 0x01, 1, 2, 3, 4, 5, 6])
                  + M.dnp3Application(function: 1, sequence: 5, master: true, objects: [0x3C, 0x01, 0x06]), fromClient: true)
        dnp3.send(M.dnp3Application(function: 129, sequence: 4, master: false, objects: []), fromClient: false)
        for frame in M.dnp3MultiSegment(function: 129, sequence: 5, objectBytes: 420) { dnp3.send(frame, fromClient: false) }
        dnp3.send(M.dnp3Application(function: 130, sequence: 6, master: false, objects: [0x02, 0x01, 0x28, 0x01, 0x00, 0x00, 0x00, 0x81]),
                  fromClient: false)
        dnp3.send(M.dnp3Application(function: 0, sequence: 6, master: true, objects: []), fromClient: true)
        dnp3.send(M.dnp3Application(function: 13, sequence: 7, master: true, objects: []), fromClient: true)
        dnp3.send(M.dnp3Application(function: 129, sequence: 7, master: false, objects: [0x34, 0x02, 0x07, 0x01, 0xE8, 0x03]), fromClient: false)
        // Link-layer only: request link status (no application layer).
        dnp3.send(M.dnp3Frame(destination: 10, source: 1, control: 0xC9, userData: []), fromClient: true)
        dnp3.close()

        // DNP3 from a host in no zone, on a non-standard port.
        let odd = TCPConversation(client: rogue, server: rtu, clientPort: 50700, serverPort: dnp3OddPort, writer: writer, clock: clock, seed: 7)
        odd.open()
        odd.send(M.dnp3Application(function: 1, sequence: 0, master: true, objects: classRead), fromClient: true)
        odd.send(M.dnp3Application(function: 129, sequence: 0, master: false, objects: []), fromClient: false)
        odd.close()

        // DNP3 over UDP.
        datagrams.udp(from: hmi, to: rtu, sourcePort: 20000, destinationPort: 20000,
                      payload: M.dnp3Application(function: 1, sequence: 8, master: true, objects: classRead))
        datagrams.udp(from: rtu, to: hmi, sourcePort: 20000, destinationPort: 20000,
                      payload: M.dnp3Application(function: 129, sequence: 8, master: false, objects: []))

        // S7comm from a corporate laptop to the PLC: setup, read, write, PLC stop.
        let s7 = TCPConversation(client: laptop, server: plc, clientPort: 50800, serverPort: 102, writer: writer, clock: clock, seed: 8)
        s7.open()
        s7.send(M.cotpConnectRequest(), fromClient: true)
        s7.send(M.cotpConnectConfirm(), fromClient: false)
        s7.send(M.s7SetupCommunication(rosctr: 1, reference: 1), fromClient: true)
        s7.send(M.s7SetupCommunication(rosctr: 3, reference: 1), fromClient: false)
        s7.send(M.s7ReadWrite(function: 4, rosctr: 1, reference: 2), fromClient: true)
        s7.send(M.s7ReadWrite(function: 4, rosctr: 3, reference: 2), fromClient: false)
        s7.send(M.s7ReadWrite(function: 5, rosctr: 1, reference: 3), fromClient: true, cuts: [10])
        s7.send(M.s7ReadWrite(function: 5, rosctr: 3, reference: 3), fromClient: false)
        s7.send(M.s7PLCStop(rosctr: 1, reference: 4), fromClient: true)
        s7.send(M.s7PLCStop(rosctr: 3, reference: 4), fromClient: false)
        s7.close()

        // IEC 60870-5-104: HMI (controlling station) → RTU.
        let iec = TCPConversation(client: hmi, server: rtu, clientPort: 50900, serverPort: 2404, writer: writer, clock: clock, seed: 9)
        iec.open()
        iec.send(M.iec104U(0x07), fromClient: true)
        iec.send(M.iec104U(0x0B), fromClient: false)
        iec.send(M.iec104I(send: 0, receive: 0, type: 100, cause: 6, element: [20]), fromClient: true)
        iec.send(M.iec104I(send: 0, receive: 1, type: 100, cause: 7, element: [20]), fromClient: false)
        iec.send(M.iec104I(send: 1, receive: 1, type: 13, cause: 20, element: [0, 0, 0x80, 0x3F, 0]) + M.iec104I(send: 2, receive: 1, type: 13, cause: 20, element: [0, 0, 0, 0x40, 0]),
                 fromClient: false)
        iec.send(M.iec104S(receive: 3), fromClient: true)
        iec.send(M.iec104I(send: 1, receive: 3, type: 45, cause: 6, element: [0x01]), fromClient: true, cuts: [7])
        iec.send(M.iec104I(send: 3, receive: 2, type: 45, cause: 7, element: [0x01]), fromClient: false)
        iec.send(M.iec104U(0x43), fromClient: true)
        iec.send(M.iec104U(0x83), fromClient: false)
        iec.close()

        // EtherNet/IP: session, Get_Attribute_Single, Read Tag, and a Multiple Service Packet.
        let enip = TCPConversation(client: hmi, server: plc, clientPort: 51000, serverPort: 44818, writer: writer, clock: clock, seed: 10)
        enip.open()
        enip.send(M.enipRegisterSession(session: 0), fromClient: true)
        enip.send(M.enipRegisterSession(session: 0x1234), fromClient: false)
        enip.send(M.enipSendRRData(session: 0x1234, cip: M.cip(service: 0x0E, response: false)), fromClient: true)
        enip.send(M.enipSendRRData(session: 0x1234, cip: M.cip(service: 0x0E, response: true, data: [1, 0])), fromClient: false)
        enip.send(M.enipSendRRData(session: 0x1234, cip: M.cipRequest(service: 0x4C, path: M.tagPath("Tank_Level"), data: [1, 0])), fromClient: true)
        enip.send(M.enipSendRRData(session: 0x1234, cip: M.cip(service: 0x4C, response: true, data: [0xC4, 0, 1, 0, 0, 0])), fromClient: false)
        enip.send(M.enipSendRRData(session: 0x1234, cip: M.cipRequest(service: 0x4D, path: M.tagPath("Pump_Cmd"), data: [0xC4, 0, 1, 0, 5, 0, 0, 0])),
                  fromClient: true)
        enip.send(M.enipSendRRData(session: 0x1234, cip: M.cip(service: 0x4D, response: true)), fromClient: false)
        // A class-specific service on another class: 0x4C on the Identity object is neither Read Tag nor named.
        enip.send(M.enipSendRRData(session: 0x1234, cip: M.cip(service: 0x4C, response: false, data: [1, 0])), fromClient: true)
        enip.send(M.enipSendRRData(session: 0x1234, cip: M.cip(service: 0x4C, response: true)), fromClient: false)
        enip.send(M.enipSendRRData(session: 0x1234, cip: M.cipRequest(service: 0x4E, path: M.connectionManagerPath, data: [0x0A, 0x0E, 0x01, 0x00])),
                  fromClient: true)
        enip.send(M.enipSendRRData(session: 0x1234, cip: M.cip(service: 0x4E, response: true)), fromClient: false)
        enip.close()

        // OPC UA HMI → historian with security policy None (allowed by the conduit, but cleartext into an SL 2 zone).
        let opc = TCPConversation(client: hmi, server: historian, clientPort: 51100, serverPort: 4840, writer: writer, clock: clock, seed: 11)
        opc.open()
        opc.send(M.opcuaHello(endpoint: "opc.tcp://10.20.0.10:4840"), fromClient: true)
        opc.send(M.opcua("ACK", body: [UInt8](repeating: 0, count: 20)), fromClient: false)
        opc.send(M.opcuaOpen(policy: "http://opcfoundation.org/UA/SecurityPolicy#None"), fromClient: true)
        opc.send(M.opcuaOpen(policy: "http://opcfoundation.org/UA/SecurityPolicy#None"), fromClient: false)
        opc.send(M.opcua("MSG", body: [UInt8](repeating: 1, count: 40)), fromClient: true)
        opc.send(M.opcua("CLO", body: [UInt8](repeating: 0, count: 16)), fromClient: true)
        opc.close()

        // OPC UA opened from the DMZ into the BPCS, against the one-way conduit (Basic256Sha256, not None).
        let back = TCPConversation(client: historian, server: hmi, clientPort: 51200, serverPort: 4840, writer: writer, clock: clock, seed: 12)
        back.open()
        back.send(M.opcuaHello(endpoint: "opc.tcp://10.10.2.20:4840"), fromClient: true)
        back.send(M.opcua("ACK", body: [UInt8](repeating: 0, count: 20)), fromClient: false)
        back.send(M.opcuaOpen(policy: "http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256"), fromClient: true)
        back.close()

        // Corporate workstation → historian: TLS (allowed), HTTP and Telnet (not), SSH, SMB, RDP, FTP, VNC.
        let tls = TCPConversation(client: corpWS, server: historian, clientPort: 51300, serverPort: 443, writer: writer, clock: clock, seed: 13)
        tls.open()
        tls.send(M.tlsClientHello(serverName: "historian.plant.example"), fromClient: true)
        tls.send(M.tlsApplicationData(200), fromClient: false)
        tls.close()
        let http = TCPConversation(client: corpWS, server: historian, clientPort: 51400, serverPort: 80, writer: writer, clock: clock, seed: 14)
        http.open()
        http.send(M.httpGet(host: "historian.plant.example", path: "/trends"), fromClient: true)
        http.send(M.httpResponse(body: 64), fromClient: false)
        http.close()
        let simple: [(UInt16, [UInt8], [UInt8])] = [
            (23, [0xFF, 0xFD, 0x18, 0xFF, 0xFD, 0x20], [0xFF, 0xFB, 0x18]),
            (22, Array("SSH-2.0-OpenSSH_9.2\r\n".utf8), Array("SSH-2.0-OpenSSH_9.2\r\n".utf8)),
            (445, [0, 0, 0, 12, 0xFE] + Array("SMB".utf8) + [64, 0, 0, 0], [0, 0, 0, 12, 0xFE] + Array("SMB".utf8) + [64, 0, 1, 0]),
            (3389, M.tpkt([14, 0xE0, 0, 0, 0, 0, 0] + Array("Cookie:".utf8)), M.tpkt([6, 0xD0, 0, 0, 0x12, 0x34, 0])),
            (21, Array("USER operator\r\n".utf8), Array("331 Password required\r\n".utf8)),
            (5900, Array("RFB 003.008\n".utf8), Array("RFB 003.008\n".utf8)),
        ]
        for (i, (port, request, reply)) in simple.enumerated() {
            let c = TCPConversation(client: corpWS, server: historian, clientPort: 51500 + UInt16(i), serverPort: port, writer: writer, clock: clock,
                                    seed: 20 + UInt32(i))
            c.open()
            if port == 21 || port == 5900 || port == 22 {
                c.send(reply, fromClient: false)
                c.send(request, fromClient: true)
            } else {
                c.send(request, fromClient: true)
                c.send(reply, fromClient: false)
            }
            c.close()
        }

        // UDP services: DNS, NTP, SNMP, BACnet/IP, HART-IP; a fragmented datagram.
        datagrams.udp(from: hmi, to: dns, sourcePort: 53001, destinationPort: 53, payload: M.dnsQuery(id: 7, name: "historian.plant.example"))
        datagrams.udp(from: hmi, to: dns, sourcePort: 123, destinationPort: 123, payload: M.ntpRequest())
        datagrams.udp(from: hmi, to: plc, sourcePort: 53002, destinationPort: 161,
                      payload: [0x30, 0x19, 0x02, 0x01, 0x01, 0x04, 0x06] + Array("public".utf8) + [0xA0, 0x0C, 0x02, 0x01, 0x01, 0x02, 0x01, 0, 0x02, 0x01, 0, 0x30, 0x01, 0x00])
        datagrams.udp(from: hmi, to: bms, sourcePort: 47808, destinationPort: 47808, payload: M.bacnetReadProperty(invoke: 1))
        datagrams.udp(from: hmi, to: rtu, sourcePort: 53003, destinationPort: 5094, payload: [1, 0, 0, 0, 0, 1, 0, 13, 0, 0, 0, 0, 0])
        // Fragmented datagrams, which Zonal reassembles as tshark does: plain data; DNP3 over UDP and DNS over IPv4 and IPv6
        // (fragment header), in order, out of order, with a fragment sent twice.
        datagrams.fragmentedUDP(from: hmi, to: dns, sourcePort: 53004, destinationPort: 5555, payload: [UInt8](repeating: 0x33, count: 1600), identification: 77)
        let points = [UInt8](repeating: 0x0C, count: 180)
        datagrams.fragmentedUDP(from: hmi, to: rtu, sourcePort: 20000, destinationPort: 20000,
                                payload: M.dnp3Application(function: 5, sequence: 3, master: true, objects: points), identification: 501, size: 96, order: [2, 0, 1])
        datagrams.fragmentedUDP(from: rtu, to: hmi, sourcePort: 20000, destinationPort: 20000,
                                payload: M.dnp3Application(function: 129, sequence: 3, master: false, objects: points), identification: 502, size: 64,
                                order: [0, 1, 3, 1, 2])
        datagrams.fragmentedUDP(from: dns, to: hmi, sourcePort: 53, destinationPort: 53001,
                                payload: M.dnsTXTResponse(id: 7, name: "historian.plant.example", strings: 6), identification: 503, size: 600, order: [1, 2, 0])
        datagrams.fragmentedUDP(from: hmi6, to: plc6, sourcePort: 20000, destinationPort: 20000,
                                payload: M.dnp3Application(function: 2, sequence: 4, master: true, objects: points), identification: 0x0102_0304, size: 80,
                                order: [1, 0, 2])
        datagrams.fragmentedUDP(from: plc6, to: hmi6, sourcePort: 53, destinationPort: 53005,
                                payload: M.dnsTXTResponse(id: 8, name: "plc.plant.example", strings: 5), identification: 0x0102_0305, size: 512)

        // Layer 2: GOOSE from the PLC, Profinet DCP identify from the HMI.
        for _ in 0..<3 { datagrams.ethernet(from: plc.mac, to: 0x010C_CD01_0001, etherType: 0x88B8, payload: M.goose(appID: 1)) }
        datagrams.ethernet(from: hmi.mac, to: 0x010E_CF00_0000, etherType: 0x8892, payload: M.profinetDCPIdentify())

        // IEC 61850 MMS on ISO-on-TCP: the ISO session CONNECT after COTP tells it from S7comm on the same port.
        let mms = TCPConversation(client: hmi, server: plc, clientPort: 51600, serverPort: 102, writer: writer, clock: clock, seed: 30)
        mms.open()
        mms.send(M.cotpConnectRequest(), fromClient: true)
        mms.send(M.cotpConnectConfirm(), fromClient: false)
        mms.send(M.tpkt([2, 0xF0, 0x80, 0x0D, 0x06, 0x05, 0x04, 0x01, 0x00, 0x02, 0x00]), fromClient: true)
        mms.close()

        // A packet cut inside its TCP header by the snapshot length.
        let cut = FrameBuilder.ip(source: hmi.ip, destination: plc.ip, protocol: 6,
                                  payload: FrameBuilder.tcp(sourcePort: 51900, destinationPort: 502, sequence: 1, acknowledgement: 0, flags: 0x02, payload: []))
        writer.write(FrameBuilder.ethernet(source: hmi.mac, destination: plc.mac, etherType: 0x0800, payload: cut.bytes), time: clock.tick(), keep: 40)
    }
}
