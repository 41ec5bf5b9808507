/// One of the seven foundational requirements (FR 1 to FR 7) of IEC 62443-3-3 and 62443-4-2.
public enum FoundationalRequirement: Int, CaseIterable, Sendable, Hashable, Comparable, Codable {
    case iac = 1, uc, si, dc, rdf, tre, ra

    /// The abbreviation used throughout the standard and in model files ("IAC" … "RA").
    public var abbreviation: String {
        switch self {
        case .iac: "IAC"
        case .uc: "UC"
        case .si: "SI"
        case .dc: "DC"
        case .rdf: "RDF"
        case .tre: "TRE"
        case .ra: "RA"
        }
    }

    /// The short name of the foundational requirement, in Zonal's words.
    public var name: String {
        switch self {
        case .iac: "Identification and authentication control"
        case .uc: "Use control"
        case .si: "System integrity"
        case .dc: "Data confidentiality"
        case .rdf: "Restricted data flow"
        case .tre: "Timely response to events"
        case .ra: "Resource availability"
        }
    }

    /// Parses "IAC", "iac", "FR1", "FR 1" or "1".
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        if let fr = FoundationalRequirement.allCases.first(where: { $0.abbreviation == t }) {
            self = fr
            return
        }
        var digits = Substring(t)
        if digits.hasPrefix("FR") { digits = digits.dropFirst(2) }
        if let n = Int(digits.trimmingCharacters(in: .whitespaces)), let fr = FoundationalRequirement(rawValue: n) {
            self = fr
            return
        }
        return nil
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let fr = FoundationalRequirement(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown foundational requirement '\(text)'"))
        }
        self = fr
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(abbreviation)
    }
}

import Foundation
