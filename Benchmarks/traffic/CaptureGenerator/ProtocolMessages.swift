import ZonalTraffic

/// Builders for the application messages of each protocol, laid out as the public specifications give them.
public enum ProtocolMessages {
    static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    static func le32(_ v: UInt32) -> [UInt8] { le16(UInt16(v & 0xFFFF)) + le16(UInt16(v >> 16)) }
    static func be16(_ v: UInt16) -> [UInt8] { [UInt8(v >> 8), UInt8(v & 0xFF)] }

    // MARK: Modbus/TCP

    /// An MBAP header and PDU: function code then its data.
    public static func modbus(transaction: UInt16, unit: UInt8 = 1, function: UInt8, data: [UInt8]) -> [UInt8] {
        be16(transaction) + [0, 0] + be16(UInt16(2 + data.count)) + [unit, function] + data
    }

    /// Request data for a read (address, quantity).
    public static func modbusRead(transaction: UInt16, function: UInt8, address: UInt16, count: UInt16) -> [UInt8] {
        modbus(transaction: transaction, function: function, data: be16(address) + be16(count))
    }

    /// A read response with `count` registers.
    public static func modbusReadResponse(transaction: UInt16, function: UInt8, count: Int) -> [UInt8] {
        modbus(transaction: transaction, function: function, data: [UInt8(count * 2)] + [UInt8](repeating: 0x11, count: count * 2))
    }

    // MARK: DNP3

    /// A data-link frame: header with CRC, then the user data in 16-byte blocks each followed by its CRC.
    public static func dnp3Frame(destination: UInt16, source: UInt16, control: UInt8, userData: [UInt8]) -> [UInt8] {
        var header: [UInt8] = [0x05, 0x64, UInt8(5 + userData.count), control] + le16(destination) + le16(source)
        header += le16(DNP3CRC.compute(header))
        var out = header
        var i = 0
        while i < userData.count {
            let block = Array(userData[i..<min(i + 16, userData.count)])
            out += block + le16(DNP3CRC.compute(block))
            i += 16
        }
        return out
    }

    /// One application fragment in one transport segment (FIR and FIN set).
    public static func dnp3Application(function: UInt8, sequence: UInt8, master: Bool, objects: [UInt8]) -> [UInt8] {
        let transport: UInt8 = 0xC0 | (sequence & 0x3F)
        let control: UInt8 = 0xC0 | (sequence & 0x0F) | (function == 130 ? 0x10 : 0)
        let iin: [UInt8] = function >= 129 ? [0x00, 0x00] : []
        let user = [transport, control, function] + iin + objects
        return dnp3Frame(destination: master ? 10 : 1, source: master ? 1 : 10, control: master ? 0xC4 : 0x44, userData: user)
    }

    /// An application fragment long enough to need several link frames (transport segments FIR…FIN).
    public static func dnp3MultiSegment(function: UInt8, sequence: UInt8, objectBytes: Int) -> [[UInt8]] {
        let app = [0xC0 | (sequence & 0x0F), function] + [UInt8](repeating: 0x01, count: objectBytes)
        var frames: [[UInt8]] = []
        var offset = 0
        var segment: UInt8 = 0
        while offset < app.count {
            let chunk = Array(app[offset..<min(offset + 200, app.count)])
            let first = offset == 0, last = offset + chunk.count >= app.count
            let transport: UInt8 = (last ? 0x80 : 0) | (first ? 0x40 : 0) | (segment & 0x3F)
            frames.append(dnp3Frame(destination: 10, source: 1, control: 0xC4, userData: [transport] + chunk))
            offset += chunk.count
            segment &+= 1
        }
        return frames
    }

    // MARK: ISO-on-TCP and S7comm

    public static func tpkt(_ payload: [UInt8]) -> [UInt8] { [3, 0] + be16(UInt16(4 + payload.count)) + payload }

    /// COTP connection request with S7 TSAPs (client 0x0100, rack 0 slot 2).
    public static func cotpConnectRequest() -> [UInt8] {
        tpkt([17, 0xE0, 0, 0, 0, 1, 0, 0xC1, 2, 0x01, 0x00, 0xC2, 2, 0x01, 0x02, 0xC0, 1, 0x0A])
    }

    public static func cotpConnectConfirm() -> [UInt8] {
        tpkt([17, 0xD0, 0, 1, 0, 1, 0, 0xC1, 2, 0x01, 0x00, 0xC2, 2, 0x01, 0x02, 0xC0, 1, 0x0A])
    }

    /// An S7comm message in a COTP data TPDU: ROSCTR 1 (job) or 3 (ack-data), parameters, data.
    public static func s7(rosctr: UInt8, reference: UInt16, parameters: [UInt8], data: [UInt8] = []) -> [UInt8] {
        var header: [UInt8] = [0x32, rosctr, 0, 0] + be16(reference) + be16(UInt16(parameters.count)) + be16(UInt16(data.count))
        if rosctr == 2 || rosctr == 3 { header += [0, 0] }
        return tpkt([2, 0xF0, 0x80] + header + parameters + data)
    }

    public static func s7SetupCommunication(rosctr: UInt8, reference: UInt16) -> [UInt8] {
        s7(rosctr: rosctr, reference: reference, parameters: [0xF0, 0x00, 0x00, 0x01, 0x00, 0x01, 0x01, 0xE0])
    }

    /// Read var (0x04) or write var (0x05) of one DB item; the ack-data carries one item result.
    public static func s7ReadWrite(function: UInt8, rosctr: UInt8, reference: UInt16) -> [UInt8] {
        if rosctr == 3 {
            let data: [UInt8] = function == 0x04 ? [0xFF, 0x04, 0x00, 0x10, 0x12, 0x34] : [0xFF]
            return s7(rosctr: 3, reference: reference, parameters: [function, 0x01], data: data)
        }
        let item: [UInt8] = [0x12, 0x0A, 0x10, 0x02, 0x00, 0x02, 0x00, 0x01, 0x84, 0x00, 0x00, 0x00]
        let data: [UInt8] = function == 0x05 ? [0x00, 0x04, 0x00, 0x10, 0xAB, 0xCD] : []
        return s7(rosctr: 1, reference: reference, parameters: [function, 0x01] + item, data: data)
    }

    /// PLC stop (0x29) job with the PI service name, and its ack-data.
    public static func s7PLCStop(rosctr: UInt8, reference: UInt16) -> [UInt8] {
        if rosctr == 3 { return s7(rosctr: 3, reference: reference, parameters: [0x29]) }
        return s7(rosctr: 1, reference: reference, parameters: [0x29, 0, 0, 0, 0, 0, 0x09] + Array("P_PROGRAM".utf8))
    }

    // MARK: IEC 60870-5-104

    public static func iec104U(_ control: UInt8) -> [UInt8] { [0x68, 4, control, 0, 0, 0] }

    public static func iec104S(receive: UInt16) -> [UInt8] { [0x68, 4, 1, 0] + le16(receive << 1) }

    /// An I-format APDU with one ASDU: type id, one object (cause of transmission `cause`, common address 1).
    public static func iec104I(send: UInt16, receive: UInt16, type: UInt8, cause: UInt8, element: [UInt8]) -> [UInt8] {
        let asdu: [UInt8] = [type, 1, cause, 0, 1, 0, 0x01, 0x00, 0x00] + element
        return [0x68, UInt8(4 + asdu.count)] + le16(send << 1) + le16(receive << 1) + asdu
    }

    // MARK: EtherNet/IP and CIP

    public static func enip(command: UInt16, session: UInt32, data: [UInt8]) -> [UInt8] {
        le16(command) + le16(UInt16(data.count)) + le32(session) + le32(0) + [UInt8](repeating: 0x5A, count: 8) + le32(0) + data
    }

    public static func enipRegisterSession(session: UInt32) -> [UInt8] {
        enip(command: 0x65, session: session, data: [1, 0, 0, 0])
    }

    /// SendRRData with a null address item and an unconnected data item holding the CIP message.
    public static func enipSendRRData(session: UInt32, cip: [UInt8]) -> [UInt8] {
        enip(command: 0x6F, session: session, data: le32(0) + le16(10) + le16(2) + [0, 0, 0, 0] + le16(0xB2) + le16(UInt16(cip.count)) + cip)
    }

    /// A CIP request to class/instance/attribute, or its response (service | 0x80, status 0).
    public static func cip(service: UInt8, response: Bool, data: [UInt8] = []) -> [UInt8] {
        if response { return [service | 0x80, 0, 0, 0] + data }
        return [service, 3, 0x20, 0x01, 0x24, 0x01, 0x30, 0x07] + data
    }

    /// A CIP request with the given path (EPATH segments, an even number of bytes).
    public static func cipRequest(service: UInt8, path: [UInt8], data: [UInt8] = []) -> [UInt8] {
        [service, UInt8(path.count / 2)] + path + data
    }

    /// An ANSI extended symbolic path segment (0x91) naming a Logix tag, padded to a whole word.
    public static func tagPath(_ tag: String) -> [UInt8] {
        let name = Array(tag.utf8)
        return [0x91, UInt8(name.count)] + name + (name.count % 2 == 1 ? [0] : [])
    }

    /// The Connection Manager (class 0x06, instance 1).
    public static let connectionManagerPath: [UInt8] = [0x20, 0x06, 0x24, 0x01]

    /// A Multiple Service Packet (0x0A) request to the Message Router carrying the given services.
    public static func cipMultipleService(_ services: [[UInt8]]) -> [UInt8] {
        var offsets: [UInt8] = []
        var body: [UInt8] = []
        var at = 2 + 2 * services.count
        for service in services {
            offsets += le16(UInt16(at))
            body += service
            at += service.count
        }
        return [0x0A, 2, 0x20, 0x02, 0x24, 0x01] + le16(UInt16(services.count)) + offsets + body
    }

    // MARK: OPC UA binary

    public static func opcua(_ type: String, chunk: Character = "F", body: [UInt8]) -> [UInt8] {
        Array(type.utf8) + [UInt8(ascii: chunk.unicodeScalars.first!)] + le32(UInt32(8 + body.count)) + body
    }

    public static func opcuaHello(endpoint: String) -> [UInt8] {
        opcua("HEL", body: le32(0) + le32(65536) + le32(65536) + le32(0) + le32(0) + le32(UInt32(endpoint.utf8.count)) + Array(endpoint.utf8))
    }

    /// OpenSecureChannel with the given security policy URI and no certificates.
    public static func opcuaOpen(policy: String) -> [UInt8] {
        opcua("OPN", body: le32(0) + le32(UInt32(policy.utf8.count)) + Array(policy.utf8) + le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF)
              + le32(1) + le32(1) + [0x01, 0x00] + le16(446) + [UInt8](repeating: 0, count: 24))
    }

    // MARK: IT protocols

    public static func httpGet(host: String, path: String = "/") -> [UInt8] {
        Array("GET \(path) HTTP/1.1\r\nHost: \(host)\r\nUser-Agent: zonal-capgen\r\n\r\n".utf8)
    }

    public static func httpResponse(body: Int) -> [UInt8] {
        Array("HTTP/1.1 200 OK\r\nContent-Length: \(body)\r\n\r\n".utf8) + [UInt8](repeating: 0x61, count: body)
    }

    /// A TLS 1.2 ClientHello with one cipher suite and a server_name extension.
    public static func tlsClientHello(serverName: String) -> [UInt8] {
        let name = Array(serverName.utf8)
        let sni = be16(0) + be16(UInt16(name.count + 5)) + be16(UInt16(name.count + 3)) + [0] + be16(UInt16(name.count)) + name
        let hello: [UInt8] = [3, 3] + [UInt8](repeating: 0x42, count: 32) + [0] + be16(2) + [0xC0, 0x2F] + [1, 0] + be16(UInt16(sni.count)) + sni
        let handshake: [UInt8] = [1, 0] + be16(UInt16(hello.count)) + hello
        return [0x16, 3, 1] + be16(UInt16(handshake.count)) + handshake
    }

    public static func tlsApplicationData(_ length: Int) -> [UInt8] {
        [0x17, 3, 3] + be16(UInt16(length)) + [UInt8](repeating: 0x99, count: length)
    }

    public static func dnsQuery(id: UInt16, name: String) -> [UInt8] {
        var out = be16(id) + [1, 0] + be16(1) + be16(0) + be16(0) + be16(0)
        for label in name.split(separator: ".") { out += [UInt8(label.utf8.count)] + Array(label.utf8) }
        return out + [0] + be16(1) + be16(1)
    }

    /// A response to a TXT query whose answer holds `strings` character-strings of 250 bytes: large enough to be fragmented.
    public static func dnsTXTResponse(id: UInt16, name: String, strings: Int) -> [UInt8] {
        var out = be16(id) + [0x81, 0x80] + be16(1) + be16(1) + be16(0) + be16(0)
        for label in name.split(separator: ".") { out += [UInt8(label.utf8.count)] + Array(label.utf8) }
        out += [0] + be16(16) + be16(1)
        let text = (0..<strings).flatMap { i in [250] + [UInt8](repeating: UInt8(ascii: "a") + UInt8(i % 26), count: 250) }
        return out + [0xC0, 0x0C] + be16(16) + be16(1) + [0, 0, 0x0E, 0x10] + be16(UInt16(text.count)) + text
    }

    /// A BACnet/IP (Annex J) Original-Unicast-NPDU carrying a ReadProperty request.
    public static func bacnetReadProperty(invoke: UInt8) -> [UInt8] {
        let npdu: [UInt8] = [0x01, 0x04, 0x00, 0x05, invoke, 0x0C, 0x0C, 0x00, 0x00, 0x00, 0x01, 0x19, 0x55]
        return [0x81, 0x0A] + be16(UInt16(4 + npdu.count)) + npdu
    }

    public static func ntpRequest() -> [UInt8] { [0x23] + [UInt8](repeating: 0, count: 47) }

    /// A GOOSE PDU header (APPID, length, reserved) with a minimal goosePdu body.
    public static func goose(appID: UInt16) -> [UInt8] {
        let body: [UInt8] = [0x61, 0x0A, 0x80, 0x03] + Array("GCB".utf8) + [0x81, 0x03, 0x00, 0x00, 0x01]
        return be16(appID) + be16(UInt16(8 + body.count)) + [0, 0, 0, 0] + body
    }

    /// A Profinet DCP Identify-All request (frame id 0xFEFE).
    public static func profinetDCPIdentify() -> [UInt8] {
        [0xFE, 0xFE, 0x05, 0x00, 0x01, 0x00, 0x00, 0x01, 0x00, 0x80, 0x00, 0x04, 0xFF, 0xFF, 0x00, 0x00]
    }
}
