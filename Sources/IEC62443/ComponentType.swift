/// The four component types of IEC 62443-4-2, to which component-specific requirements (SAR, EDR, HDR, NDR) apply.
public enum ComponentType: String, CaseIterable, Sendable, Codable, Hashable {
    case softwareApplication = "software-application"
    case embeddedDevice = "embedded-device"
    case hostDevice = "host-device"
    case networkDevice = "network-device"

    /// Accepts the full name or its first word ("software", "embedded", "host", "network") and the requirement prefixes SAR/EDR/HDR/NDR.
    public init?(parsing text: String) {
        let t = text.lowercased()
        if let exact = ComponentType(rawValue: t) {
            self = exact
            return
        }
        switch t {
        case "software", "application", "app", "sar": self = .softwareApplication
        case "embedded", "edr", "plc", "controller": self = .embeddedDevice
        case "host", "hdr", "workstation", "server": self = .hostDevice
        case "network", "ndr": self = .networkDevice
        default: return nil
        }
    }
}
