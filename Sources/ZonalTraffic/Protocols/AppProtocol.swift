import ZonalModel

/// The application protocols Zonal identifies, with the names used in models, reports and JSON.
public enum AppProtocol: UInt8, CaseIterable, Sendable, Comparable {
    case unknown
    case modbus, dnp3, s7comm, enip, opcua, iec104, bacnet, goose, mms, profinetDCP, hartip
    case ssh, rdp, telnet, ftp, http, tls, smb, dns, ntp, snmp, vnc

    /// The name a model's `protocol:` uses for it.
    public var name: String {
        switch self {
        case .unknown: "unknown"
        case .modbus: "modbus"
        case .dnp3: "dnp3"
        case .s7comm: "s7comm"
        case .enip: "enip"
        case .opcua: "opc-ua"
        case .iec104: "iec104"
        case .bacnet: "bacnet"
        case .goose: "goose"
        case .mms: "mms"
        case .profinetDCP: "profinet-dcp"
        case .hartip: "hart-ip"
        case .ssh: "ssh"
        case .rdp: "rdp"
        case .telnet: "telnet"
        case .ftp: "ftp"
        case .http: "http"
        case .tls: "tls"
        case .smb: "smb"
        case .dns: "dns"
        case .ntp: "ntp"
        case .snmp: "snmp"
        case .vnc: "vnc"
        }
    }

    /// Names a model may use for the same protocol.
    static let aliases: [String: AppProtocol] = ProtocolFunctions.aliases.compactMapValues { name in AppProtocol.allCases.first { $0.name == name } }.merging([
        "opcua": .opcua, "opc-ua-binary": .opcua,
        "bacnet-ip": .bacnet, "iec61850-goose": .goose, "iec61850-mms": .mms, "hartip": .hartip, "https": .tls, "ssl": .tls,
        "pndcp": .profinetDCP, "profinet": .profinetDCP, "rfb": .vnc, "cifs": .smb,
    ]) { listed, _ in listed }

    /// The protocol a model's name stands for; nil when Zonal cannot identify it on the wire.
    public init?(modelName: String) {
        let lower = modelName.lowercased()
        if let found = AppProtocol.allCases.first(where: { $0.name == lower }) { self = found; return }
        guard let alias = AppProtocol.aliases[lower] else { return nil }
        self = alias
    }

    /// Remote access or file transfer without encryption or with no authentication of the peer.
    public var isCleartextRemoteAccess: Bool {
        switch self {
        case .telnet, .ftp, .http, .vnc: true
        default: false
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The family whose operations a conduit's `functions` name for this protocol: CIP services for EtherNet/IP (its
    /// encapsulation commands only carry them); nil for protocols whose operations are not named.
    public var functionFamily: FunctionFamily? {
        switch self {
        case .modbus: .modbus
        case .dnp3: .dnp3
        case .s7comm: .s7comm
        case .iec104: .iec104
        case .enip: .cip
        default: nil
        }
    }
}

/// The protocol families whose operations are counted, with the tshark field that counts the same thing.
public enum FunctionFamily: UInt8, CaseIterable, Sendable, Comparable {
    case modbus, dnp3, s7comm, iec104, cip, enip

    public var name: String {
        switch self {
        case .modbus: "modbus"
        case .dnp3: "dnp3"
        case .s7comm: "s7comm"
        case .iec104: "iec104"
        case .cip: "cip"
        case .enip: "enip"
        }
    }

    /// The tshark field counted the same way (per PDU, requests and responses alike).
    public var tsharkField: String {
        switch self {
        case .modbus: "modbus.func_code"
        case .dnp3: "dnp3.al.func"
        case .s7comm: "s7comm.param.func"
        case .iec104: "iec60870_asdu.typeid"
        case .cip: "cip.sc"
        case .enip: "enip.command"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
