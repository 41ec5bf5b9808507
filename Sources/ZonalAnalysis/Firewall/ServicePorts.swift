import ZonalFirewall

/// The transport and port a protocol uses when a flow names the protocol but no port (IANA service name registry).
public enum ServicePorts {
    /// Protocol name to (IP protocol number, port).
    public static let wellKnown: [String: (proto: Int, port: Int)] = [
        "modbus": (6, 502), "modbus-tcp": (6, 502), "opc-ua": (6, 4840), "opcua": (6, 4840), "dnp3": (6, 20000),
        "s7comm": (6, 102), "iec104": (6, 2404), "iec-104": (6, 2404), "iec60870-5-104": (6, 2404), "enip": (6, 44818),
        "ethernet-ip": (6, 44818), "bacnet": (17, 47808), "mqtt": (6, 1883), "ssh": (6, 22), "telnet": (6, 23),
        "rdp": (6, 3389), "vnc": (6, 5900), "http": (6, 80), "https": (6, 443), "smb": (6, 445), "ntp": (17, 123),
        "snmp": (17, 161), "syslog": (17, 514), "dns": (17, 53), "ldap": (6, 389), "ldaps": (6, 636), "ftp": (6, 21),
    ]

    /// Ports that give an interactive or administrative foothold; permitting them into control or safety zones is the worst kind of over-permission.
    public static let management: [(proto: Int, port: Int, name: String)] = [
        (6, 22, "ssh"), (6, 23, "telnet"), (6, 3389, "rdp"), (6, 5900, "vnc"), (6, 445, "smb"), (6, 135, "msrpc"),
        (6, 139, "netbios"), (6, 5985, "winrm"), (6, 5986, "winrm"), (17, 161, "snmp"), (6, 21, "ftp"),
    ]

    /// The management services a box includes.
    public static func managementServices(in box: PacketBox) -> [String] {
        management.filter { box[.proto].contains(SpaceValue($0.proto)) && box.hasPorts && box[.destinationPort].contains(SpaceValue($0.port)) }.map(\.name)
    }
}
