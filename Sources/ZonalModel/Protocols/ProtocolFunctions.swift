/// The operations of industrial protocols that a flow or conduit rule may name in `functions`, with their wire codes.
///
/// Codes are from the public protocol specifications (Modbus Application Protocol v1.1b3, IEEE 1815 DNP3,
/// the S7comm function codes as documented by Wireshark's dissector; IEC 60870-5-104 ASDU type identifiers as Wireshark's
/// `iec60870_asdu.typeid` and open implementations such as lib60870 and j60870 name them, written in lower case since
/// model function names are compared in lower case; CIP service codes as Wireshark's CIP dissector and open EtherNet/IP
/// clients such as libplctag and gologix define them). Protocols not listed accept any function name.
public enum ProtocolFunctions {
    /// One named operation and its function code.
    public struct Function: Sendable, Hashable {
        public let name: String
        public let code: Int
        /// True for operations that change the process or the device (writes, commands, downloads, restarts).
        public let changesState: Bool
    }

    public static let table: [String: [Function]] = [
        "modbus": [
            .init(name: "read-coils", code: 1, changesState: false),
            .init(name: "read-discrete-inputs", code: 2, changesState: false),
            .init(name: "read-holding-registers", code: 3, changesState: false),
            .init(name: "read-input-registers", code: 4, changesState: false),
            .init(name: "write-single-coil", code: 5, changesState: true),
            .init(name: "write-single-register", code: 6, changesState: true),
            .init(name: "read-exception-status", code: 7, changesState: false),
            .init(name: "diagnostics", code: 8, changesState: true),
            .init(name: "get-comm-event-counter", code: 11, changesState: false),
            .init(name: "get-comm-event-log", code: 12, changesState: false),
            .init(name: "write-multiple-coils", code: 15, changesState: true),
            .init(name: "write-multiple-registers", code: 16, changesState: true),
            .init(name: "report-server-id", code: 17, changesState: false),
            .init(name: "read-file-record", code: 20, changesState: false),
            .init(name: "write-file-record", code: 21, changesState: true),
            .init(name: "mask-write-register", code: 22, changesState: true),
            .init(name: "read-write-multiple-registers", code: 23, changesState: true),
            .init(name: "read-fifo-queue", code: 24, changesState: false),
            .init(name: "encapsulated-interface-transport", code: 43, changesState: false),
        ],
        "dnp3": [
            .init(name: "confirm", code: 0, changesState: false),
            .init(name: "read", code: 1, changesState: false),
            .init(name: "write", code: 2, changesState: true),
            .init(name: "select", code: 3, changesState: true),
            .init(name: "operate", code: 4, changesState: true),
            .init(name: "direct-operate", code: 5, changesState: true),
            .init(name: "direct-operate-no-ack", code: 6, changesState: true),
            .init(name: "immediate-freeze", code: 7, changesState: true),
            .init(name: "immediate-freeze-no-ack", code: 8, changesState: true),
            .init(name: "freeze-clear", code: 9, changesState: true),
            .init(name: "freeze-clear-no-ack", code: 10, changesState: true),
            .init(name: "freeze-at-time", code: 11, changesState: true),
            .init(name: "freeze-at-time-no-ack", code: 12, changesState: true),
            .init(name: "cold-restart", code: 13, changesState: true),
            .init(name: "warm-restart", code: 14, changesState: true),
            .init(name: "initialize-data", code: 15, changesState: true),
            .init(name: "initialize-application", code: 16, changesState: true),
            .init(name: "start-application", code: 17, changesState: true),
            .init(name: "stop-application", code: 18, changesState: true),
            .init(name: "save-configuration", code: 19, changesState: true),
            .init(name: "enable-unsolicited", code: 20, changesState: true),
            .init(name: "disable-unsolicited", code: 21, changesState: true),
            .init(name: "assign-class", code: 22, changesState: true),
            .init(name: "delay-measure", code: 23, changesState: false),
            .init(name: "record-current-time", code: 24, changesState: false),
            .init(name: "open-file", code: 25, changesState: true),
            .init(name: "close-file", code: 26, changesState: true),
            .init(name: "delete-file", code: 27, changesState: true),
            .init(name: "get-file-info", code: 28, changesState: false),
            .init(name: "authenticate-file", code: 29, changesState: false),
            .init(name: "abort-file", code: 30, changesState: true),
            .init(name: "activate-config", code: 31, changesState: true),
            .init(name: "authenticate-request", code: 32, changesState: false),
            .init(name: "authenticate-request-no-ack", code: 33, changesState: false),
            .init(name: "response", code: 129, changesState: false),
            .init(name: "unsolicited-response", code: 130, changesState: false),
            .init(name: "authenticate-response", code: 131, changesState: false),
        ],
        "s7comm": [
            .init(name: "cpu-services", code: 0x00, changesState: false),
            .init(name: "read-var", code: 0x04, changesState: false),
            .init(name: "write-var", code: 0x05, changesState: true),
            .init(name: "request-download", code: 0x1A, changesState: true),
            .init(name: "download-block", code: 0x1B, changesState: true),
            .init(name: "download-ended", code: 0x1C, changesState: true),
            .init(name: "start-upload", code: 0x1D, changesState: false),
            .init(name: "upload", code: 0x1E, changesState: false),
            .init(name: "end-upload", code: 0x1F, changesState: false),
            .init(name: "plc-control", code: 0x28, changesState: true),
            .init(name: "plc-stop", code: 0x29, changesState: true),
            .init(name: "setup-communication", code: 0xF0, changesState: false),
        ],
        // CIP services carried by EtherNet/IP. Services from 0x4B up mean different things on different object classes, so
        // those are named only with the class the request path names, encoded above the service byte: 0x100 the
        // Connection Manager (class 0x06), 0x200 a Logix tag (a symbolic path segment, or the Symbol object 0x6B),
        // 0x300 the PCCC object (0x67). On any other class they are `code-N` (N the bare service), allowed only as such.
        // Unconnected Send carries another request that is not inspected, so it counts as state-changing.
        "enip": [
            .init(name: "get-attributes-all", code: 0x01, changesState: false),
            .init(name: "set-attributes-all", code: 0x02, changesState: true),
            .init(name: "get-attribute-list", code: 0x03, changesState: false),
            .init(name: "set-attribute-list", code: 0x04, changesState: true),
            .init(name: "reset", code: 0x05, changesState: true),
            .init(name: "start", code: 0x06, changesState: true),
            .init(name: "stop", code: 0x07, changesState: true),
            .init(name: "create", code: 0x08, changesState: true),
            .init(name: "delete", code: 0x09, changesState: true),
            .init(name: "multiple-service-packet", code: 0x0A, changesState: false),
            .init(name: "apply-attributes", code: 0x0D, changesState: true),
            .init(name: "get-attribute-single", code: 0x0E, changesState: false),
            .init(name: "set-attribute-single", code: 0x10, changesState: true),
            .init(name: "find-next-object-instance", code: 0x11, changesState: false),
            .init(name: "restore", code: 0x15, changesState: true),
            .init(name: "save", code: 0x16, changesState: true),
            .init(name: "no-operation", code: 0x17, changesState: false),
            .init(name: "get-member", code: 0x18, changesState: false),
            .init(name: "set-member", code: 0x19, changesState: true),
            .init(name: "insert-member", code: 0x1A, changesState: true),
            .init(name: "remove-member", code: 0x1B, changesState: true),
            .init(name: "group-sync", code: 0x1C, changesState: false),
            .init(name: "forward-close", code: 0x14E, changesState: false),
            .init(name: "unconnected-send", code: 0x152, changesState: true),
            .init(name: "forward-open", code: 0x154, changesState: false),
            .init(name: "get-connection-data", code: 0x156, changesState: false),
            .init(name: "search-connection-data", code: 0x157, changesState: false),
            .init(name: "get-connection-owner", code: 0x15A, changesState: false),
            .init(name: "large-forward-open", code: 0x15B, changesState: false),
            .init(name: "read-tag", code: 0x24C, changesState: false),
            .init(name: "write-tag", code: 0x24D, changesState: true),
            .init(name: "read-modify-write-tag", code: 0x24E, changesState: true),
            .init(name: "read-tag-fragmented", code: 0x252, changesState: false),
            .init(name: "write-tag-fragmented", code: 0x253, changesState: true),
            .init(name: "get-instance-attribute-list", code: 0x255, changesState: false),
            .init(name: "execute-pccc", code: 0x34B, changesState: true),
        ],
        // Monitoring (m_*) flows from the controlled station; commands (c_*), parameters (p_*) and file transfer (f_*) from the controlling one.
        "iec104": [
            .init(name: "m_sp_na_1", code: 1, changesState: false), .init(name: "m_sp_ta_1", code: 2, changesState: false),
            .init(name: "m_dp_na_1", code: 3, changesState: false), .init(name: "m_dp_ta_1", code: 4, changesState: false),
            .init(name: "m_st_na_1", code: 5, changesState: false), .init(name: "m_st_ta_1", code: 6, changesState: false),
            .init(name: "m_bo_na_1", code: 7, changesState: false), .init(name: "m_bo_ta_1", code: 8, changesState: false),
            .init(name: "m_me_na_1", code: 9, changesState: false), .init(name: "m_me_ta_1", code: 10, changesState: false),
            .init(name: "m_me_nb_1", code: 11, changesState: false), .init(name: "m_me_tb_1", code: 12, changesState: false),
            .init(name: "m_me_nc_1", code: 13, changesState: false), .init(name: "m_me_tc_1", code: 14, changesState: false),
            .init(name: "m_it_na_1", code: 15, changesState: false), .init(name: "m_it_ta_1", code: 16, changesState: false),
            .init(name: "m_ps_na_1", code: 20, changesState: false), .init(name: "m_me_nd_1", code: 21, changesState: false),
            .init(name: "m_sp_tb_1", code: 30, changesState: false), .init(name: "m_dp_tb_1", code: 31, changesState: false),
            .init(name: "m_st_tb_1", code: 32, changesState: false), .init(name: "m_bo_tb_1", code: 33, changesState: false),
            .init(name: "m_me_td_1", code: 34, changesState: false), .init(name: "m_me_te_1", code: 35, changesState: false),
            .init(name: "m_me_tf_1", code: 36, changesState: false), .init(name: "m_it_tb_1", code: 37, changesState: false),
            .init(name: "m_ep_td_1", code: 38, changesState: false), .init(name: "m_ep_te_1", code: 39, changesState: false),
            .init(name: "m_ep_tf_1", code: 40, changesState: false),
            .init(name: "c_sc_na_1", code: 45, changesState: true), .init(name: "c_dc_na_1", code: 46, changesState: true),
            .init(name: "c_rc_na_1", code: 47, changesState: true), .init(name: "c_se_na_1", code: 48, changesState: true),
            .init(name: "c_se_nb_1", code: 49, changesState: true), .init(name: "c_se_nc_1", code: 50, changesState: true),
            .init(name: "c_bo_na_1", code: 51, changesState: true),
            .init(name: "c_sc_ta_1", code: 58, changesState: true), .init(name: "c_dc_ta_1", code: 59, changesState: true),
            .init(name: "c_rc_ta_1", code: 60, changesState: true), .init(name: "c_se_ta_1", code: 61, changesState: true),
            .init(name: "c_se_tb_1", code: 62, changesState: true), .init(name: "c_se_tc_1", code: 63, changesState: true),
            .init(name: "c_bo_ta_1", code: 64, changesState: true),
            .init(name: "m_ei_na_1", code: 70, changesState: false),
            .init(name: "c_ic_na_1", code: 100, changesState: false), .init(name: "c_ci_na_1", code: 101, changesState: false),
            .init(name: "c_rd_na_1", code: 102, changesState: false), .init(name: "c_cs_na_1", code: 103, changesState: true),
            .init(name: "c_rp_na_1", code: 105, changesState: true), .init(name: "c_ts_ta_1", code: 107, changesState: false),
            .init(name: "p_me_na_1", code: 110, changesState: true), .init(name: "p_me_nb_1", code: 111, changesState: true),
            .init(name: "p_me_nc_1", code: 112, changesState: true), .init(name: "p_ac_na_1", code: 113, changesState: true),
            .init(name: "f_fr_na_1", code: 120, changesState: true), .init(name: "f_sr_na_1", code: 121, changesState: true),
            .init(name: "f_sc_na_1", code: 122, changesState: false), .init(name: "f_ls_na_1", code: 123, changesState: true),
            .init(name: "f_af_na_1", code: 124, changesState: true), .init(name: "f_sg_na_1", code: 125, changesState: true),
            .init(name: "f_dr_ta_1", code: 126, changesState: false), .init(name: "f_sc_nb_1", code: 127, changesState: false),
        ],
    ]

    /// Other names a model may give the listed protocols (the traffic reader accepts them too).
    public static let aliases: [String: String] = [
        "modbus-tcp": "modbus", "mbtcp": "modbus", "s7": "s7comm", "iso-tsap": "s7comm", "ethernet-ip": "enip", "ethernetip": "enip",
        "cip": "enip", "iec-104": "iec104", "iec60870-5-104": "iec104",
    ]

    /// The functions of a protocol named by its own name or an alias; nil when it is not listed.
    public static func functions(of proto: String) -> [Function]? {
        table[proto] ?? aliases[proto].flatMap { table[$0] }
    }

    /// Group names accepted for every listed protocol: all reading operations, all state-changing ones.
    public static let groups = ["read-only", "any-write"]

    /// The function names a protocol accepts; empty for protocols Zonal does not list.
    public static func names(for proto: String) -> [String] {
        guard let functions = functions(of: proto) else { return [] }
        return functions.map(\.name) + groups
    }

    public static func isKnown(_ name: String, protocol proto: String) -> Bool {
        guard let functions = functions(of: proto) else { return true }
        return groups.contains(name) || functions.contains { $0.name == name }
    }

    /// Expands group names to the functions they stand for.
    public static func expand(_ names: [String], protocol proto: String?) -> Set<String> {
        guard let proto, let functions = functions(of: proto) else { return Set(names) }
        var result: Set<String> = []
        for name in names {
            switch name {
            case "read-only": result.formUnion(functions.filter { !$0.changesState }.map(\.name))
            case "any-write": result.formUnion(functions.filter(\.changesState).map(\.name))
            default: result.insert(name)
            }
        }
        return result
    }

    /// True when a function changes process or device state.
    public static func changesState(_ name: String, protocol proto: String?) -> Bool {
        guard let proto, let function = functions(of: proto)?.first(where: { $0.name == name }) else { return name == "any-write" }
        return function.changesState
    }
}
