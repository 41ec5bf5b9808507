/// Identifies a flow's protocol from its first payload (so DNP3 or OPC UA on an unusual port is still found, and a
/// well-known port carrying something else is not mislabelled), falling back to the server port.
enum ProtocolClassifier {
    static let tcpPorts: [UInt16: AppProtocol] = [
        502: .modbus, 20000: .dnp3, 102: .s7comm, 44818: .enip, 4840: .opcua, 2404: .iec104, 5094: .hartip,
        22: .ssh, 3389: .rdp, 23: .telnet, 21: .ftp, 80: .http, 8080: .http, 443: .tls, 8443: .tls, 445: .smb, 139: .smb,
        53: .dns, 5900: .vnc, 5901: .vnc,
    ]
    static let udpPorts: [UInt16: AppProtocol] = [
        20000: .dnp3, 2222: .enip, 44818: .enip, 47808: .bacnet, 5094: .hartip, 53: .dns, 123: .ntp, 161: .snmp, 162: .snmp,
        4840: .opcua,
    ]

    /// The protocol told by the payload alone, when its signature is distinctive.
    static func bySignature(_ payload: ByteView, tcp: Bool, serverPort: UInt16) -> AppProtocol? {
        guard payload.count >= 4, let b0 = payload.u8(0) else { return nil }
        if DNP3Dissector.matches(payload) { return .dnp3 }
        if OPCUADissector.matches(payload) { return .opcua }
        if b0 == 0x03, let proto = TPKTDissector.classify(payload) { return proto }
        if b0 == 0x16 || b0 == 0x17, payload.u8(1) == 0x03, let minor = payload.u8(2), minor <= 4 { return .tls }
        if payload.starts(with: Array("SSH-".utf8)) { return .ssh }
        if payload.starts(with: Array("RFB 0".utf8)) { return .vnc }
        if isHTTP(payload) { return .http }
        if tcp, payload.u8(4) == 0xFF || payload.u8(4) == 0xFE, payload.starts(with: Array("SMB".utf8), at: 5) { return .smb }
        if tcp, ENIPDissector.matches(payload) { return .enip }
        if tcp, IEC104Dissector.matches(payload), serverPort == 2404 || payload.u8(2).map({ $0 & 0x03 == 0x03 }) == true { return .iec104 }
        if tcp, ModbusDissector.matches(payload), serverPort == 502 || exactModbus(payload) { return .modbus }
        if !tcp, b0 == 0x81, let length = payload.u16be(2), Int(length) == payload.count { return .bacnet }
        if b0 == 0xFF, let option = payload.u8(1), (0xFB...0xFE).contains(option), serverPort == 23 { return .telnet }
        return nil
    }

    /// A Modbus signature off port 502 needs the MBAP length to match the whole segment exactly.
    static func exactModbus(_ payload: ByteView) -> Bool {
        guard let length = payload.u16be(4) else { return false }
        return Int(length) + 6 == payload.count
    }

    static let httpMethods: [[UInt8]] = ["GET ", "POST ", "PUT ", "HEAD ", "DELETE ", "OPTIONS ", "PATCH ", "HTTP/1."].map { Array($0.utf8) }

    static func isHTTP(_ payload: ByteView) -> Bool {
        guard let first = payload.u8(0), (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) else { return false }
        return httpMethods.contains { payload.starts(with: $0) }
    }

    static func byPort(tcp: Bool, client: UInt16, server: UInt16) -> AppProtocol? {
        let table = tcp ? tcpPorts : udpPorts
        return table[server] ?? table[client]
    }

    /// The protocol of a non-IP Ethernet frame.
    static func byEtherType(_ type: UInt16, payload: ByteView) -> AppProtocol {
        switch type {
        case 0x88B8: .goose
        case 0x8892:
            // Profinet real-time frames; DCP uses frame ids 0xFEFC...0xFEFF.
            (payload.u16be(0).map { $0 >= 0xFEFC && $0 <= 0xFEFF } ?? false) ? .profinetDCP : .unknown
        default: .unknown
        }
    }

    /// A server name from the first client payload: TLS ClientHello SNI or HTTP Host.
    static func serverName(_ payload: ByteView, protocol proto: AppProtocol) -> String? {
        switch proto {
        case .tls: tlsServerName(payload)
        case .http: httpHost(payload)
        default: nil
        }
    }

    /// Walks a TLS ClientHello (RFC 8446 §4.1.2) to the server_name extension (RFC 6066 §3).
    static func tlsServerName(_ p: ByteView) -> String? {
        guard p.u8(0) == 0x16, p.u8(5) == 0x01 else { return nil }
        var at = 9 + 2 + 32
        guard let sessionLength = p.u8(at) else { return nil }
        at += 1 + Int(sessionLength)
        guard let suites = p.u16be(at) else { return nil }
        at += 2 + Int(suites)
        guard let compression = p.u8(at) else { return nil }
        at += 1 + Int(compression)
        guard let extensionsLength = p.u16be(at) else { return nil }
        at += 2
        let end = at + Int(extensionsLength)
        while at + 4 <= end, let type = p.u16be(at), let length = p.u16be(at + 2) {
            if type == 0, let nameLength = p.u16be(at + 7), p.u8(at + 6) == 0 { return p.ascii(at + 9, Int(nameLength)) }
            at += 4 + Int(length)
        }
        return nil
    }

    static func httpHost(_ p: ByteView) -> String? {
        let limit = min(p.count, 2048)
        guard let head = p.slice(0, limit) else { return nil }
        let text = String(decoding: UnsafeRawBufferPointer(start: head.base, count: head.count), as: UTF8.self)
        for line in text.split(separator: "\r\n") where line.lowercased().hasPrefix("host:") {
            return line.dropFirst(5).trimmingCharacters(in: " ")
        }
        return nil
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        var s = self
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
