/// The parts of IEC 62443 whose requirements Zonal ships as data.
public enum Standard: String, CaseIterable, Sendable, Codable, Hashable {
    /// IEC 62443-3-2: security risk assessment for system design (ZCRs).
    case riskAssessment = "3-2"
    /// IEC 62443-3-3: system security requirements and security levels (SRs and REs).
    case systemRequirements = "3-3"
    /// IEC 62443-4-1: secure product development life cycle requirements (practices).
    case developmentLifecycle = "4-1"
    /// IEC 62443-4-2: technical security requirements for IACS components (CRs and REs).
    case componentRequirements = "4-2"

    /// The part's full designation, e.g. "IEC 62443-3-3".
    public var designation: String { "IEC 62443-\(rawValue)" }

    /// The bundled resource holding the part's catalog.
    var resourceName: String { "iec62443-\(rawValue)" }
}
