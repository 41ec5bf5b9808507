/// The container formats Zonal reads, told apart by their first bytes, never by the file name.
public enum CaptureFormat: String, Sendable, CaseIterable {
    case pcap, pcapng, zeekTSV = "zeek-tsv", zeekJSON = "zeek-json", flowCSV = "flow-csv"

    /// The format whose magic number (or header line) starts `bytes`; nil when none does.
    public static func detect(_ bytes: ByteView) -> CaptureFormat? {
        if let magic = bytes.u32le(0) {
            switch magic {
            case 0xA1B2_C3D4, 0xD4C3_B2A1, 0xA1B2_3C4D, 0x4D3C_B2A1: return .pcap
            case 0x0A0D_0D0A: return .pcapng
            default: break
            }
        }
        if bytes.starts(with: Array("#separator".utf8)) { return .zeekTSV }
        if bytes.starts(with: Array("{".utf8)) { return .zeekJSON }
        if let head = bytes.ascii(0, min(bytes.count, FlowCSVFormat.header.utf8.count)), head == FlowCSVFormat.header { return .flowCSV }
        return nil
    }
}
