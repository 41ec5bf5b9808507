/// The benchmark capture: many concurrent flows with a realistic OT mix (placeholder filled below).
public enum OTTrafficMix {
    public static func write(to writer: CaptureWriter, packets: Int) {
        _ = packets
    }
}
