import IEC62443
import ZonalAnalysis
import ZonalModel

/// The JSON shapes shared by every report: locations, vectors, findings.
public enum ReportValues {
    public struct Location: Encodable, Sendable {
        public let file: String
        public let line: Int
        public let column: Int

        public init(_ location: SourceLocation) {
            file = location.file
            line = location.line
            column = location.column
        }
    }

    /// A vector as `{"IAC": 3, ...}` plus its `{3,3,...}` notation.
    public struct Vector: Encodable, Sendable {
        public let levels: [String: Int]
        public let notation: String

        public init(_ vector: SLVector) {
            var levels: [String: Int] = [:]
            for fr in FoundationalRequirement.allCases { levels[fr.abbreviation] = vector[fr].rawValue }
            self.levels = levels
            notation = vector.description
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: DynamicKey.self)
            for fr in FoundationalRequirement.allCases { try container.encode(levels[fr.abbreviation], forKey: DynamicKey(fr.abbreviation)) }
            try container.encode(notation, forKey: DynamicKey("notation"))
        }
    }

    public struct FindingValue: Encodable, Sendable {
        public let check: String
        public let title: String
        public let severity: String
        public let message: String
        public let clause: String
        public let location: Location
        public let subject: String
        public let remediation: String
        public let evidence: [String]

        public init(_ finding: Finding) {
            check = finding.check
            title = CheckRegistry.description(finding.check)?.title ?? finding.check
            severity = finding.severity.rawValue
            message = finding.message
            clause = finding.clause
            location = Location(finding.location)
            subject = finding.subject
            remediation = finding.remediation
            evidence = finding.evidence
        }
    }

    struct DynamicKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
