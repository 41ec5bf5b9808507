/// The one place that says which framing and dissector each industrial protocol uses.
enum Dissectors {
    static func framing(_ proto: AppProtocol) -> ((ByteView) -> FrameLength)? {
        switch proto {
        case .modbus: ModbusDissector.frameLength
        case .dnp3: DNP3Dissector.frameLength
        case .s7comm: TPKTDissector.frameLength
        case .iec104: IEC104Dissector.frameLength
        case .enip: ENIPDissector.frameLength
        case .opcua: OPCUADissector.frameLength
        default: nil
        }
    }

    /// Dissects one PDU; false when it is framing only (a COTP connection TPDU on an S7comm stream).
    @discardableResult
    static func dissect(_ proto: AppProtocol, _ pdu: ByteView, frame: Int, fromClient: Bool, into flow: inout FlowRecord) -> Bool {
        switch proto {
        case .modbus: ModbusDissector.dissect(pdu, frame: frame, fromClient: fromClient, into: &flow)
        case .dnp3: DNP3Dissector.dissect(pdu, frame: frame, fromClient: fromClient, into: &flow)
        case .s7comm: return TPKTDissector.dissectS7(pdu, frame: frame, fromClient: fromClient, into: &flow)
        case .iec104: IEC104Dissector.dissect(pdu, frame: frame, fromClient: fromClient, into: &flow)
        case .enip: ENIPDissector.dissect(pdu, frame: frame, fromClient: fromClient, into: &flow)
        case .opcua: OPCUADissector.dissect(pdu, frame: frame, into: &flow)
        default: return false
        }
        return true
    }
}
