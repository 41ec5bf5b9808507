import Foundation

/// A security level per foundational requirement, e.g. SL-T(zone) = {3,3,3,2,3,2,3} (IEC 62443-3-3 clause 4.3).
public struct SLVector: Hashable, Sendable, CustomStringConvertible {
    /// Levels indexed by `FoundationalRequirement.rawValue - 1`.
    public private(set) var levels: [SecurityLevel]

    /// The same level for all seven FRs (the scalar shorthand a model may use).
    public init(uniform level: SecurityLevel) {
        levels = Array(repeating: level, count: 7)
    }

    /// One level per FR in FR order (IAC, UC, SI, DC, RDF, TRE, RA); nil unless exactly seven levels.
    public init?(_ levels: [SecurityLevel]) {
        guard levels.count == 7 else { return nil }
        self.levels = levels
    }

    public init(_ levelFor: (FoundationalRequirement) -> SecurityLevel) {
        levels = FoundationalRequirement.allCases.map(levelFor)
    }

    public static let zero = SLVector(uniform: .sl0)

    public subscript(fr: FoundationalRequirement) -> SecurityLevel {
        get { levels[fr.rawValue - 1] }
        set { levels[fr.rawValue - 1] = newValue }
    }

    /// The highest level over all FRs.
    public var maximum: SecurityLevel { levels.max() ?? .sl0 }
    /// The lowest level over all FRs.
    public var minimum: SecurityLevel { levels.min() ?? .sl0 }

    /// True when every FR of `self` is at least the level of `other`.
    public func meets(_ other: SLVector) -> Bool {
        zip(levels, other.levels).allSatisfy { $0 >= $1 }
    }

    /// Per FR, how many levels `self` falls short of `target` (0 where it meets it).
    public func shortfall(against target: SLVector) -> [FoundationalRequirement: Int] {
        var result: [FoundationalRequirement: Int] = [:]
        for fr in FoundationalRequirement.allCases where target[fr] > self[fr] {
            result[fr] = target[fr].rawValue - self[fr].rawValue
        }
        return result
    }

    /// Per-FR maximum of two vectors.
    public func union(_ other: SLVector) -> SLVector {
        SLVector { max(self[$0], other[$0]) }
    }

    /// Per-FR minimum of two vectors.
    public func intersection(_ other: SLVector) -> SLVector {
        SLVector { min(self[$0], other[$0]) }
    }

    /// The usual notation: `{3,3,3,2,3,2,3}`.
    public var description: String {
        "{" + levels.map { String($0.rawValue) }.joined(separator: ",") + "}"
    }

    /// The notation with FR names: `IAC 3, UC 3, SI 3, DC 2, RDF 3, TRE 2, RA 3`.
    public var namedDescription: String {
        FoundationalRequirement.allCases.map { "\($0.abbreviation) \(self[$0].rawValue)" }.joined(separator: ", ")
    }

    /// Parses `3` (uniform), `{3,3,3,2,3,2,3}` (FR order), or `{IAC: 3, UC: 2, ...}` / `IAC=3 UC=2` by name.
    /// Named forms must name every FR exactly once.
    public static func parse(_ text: String) throws(SLVectorParseError) -> SLVector {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let n = Int(trimmed) {
            guard let level = SecurityLevel(rawValue: n) else { throw .levelOutOfRange(n) }
            return SLVector(uniform: level)
        }
        var body = Substring(trimmed)
        if body.hasPrefix("{") && body.hasSuffix("}") { body = body.dropFirst().dropLast() }
        let parts = body.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).map(String.init).filter { !$0.isEmpty }
        if parts.allSatisfy({ Int($0) != nil }) {
            guard parts.count == 7 else { throw .wrongCount(parts.count) }
            return SLVector(try parts.map { part throws(SLVectorParseError) in try level(part) })!
        }
        // Named form: "IAC: 3" may have been split into "IAC:" and "3".
        var named: [FoundationalRequirement: SecurityLevel] = [:]
        var pending: FoundationalRequirement?
        for part in parts {
            let pieces = part.split(whereSeparator: { $0 == ":" || $0 == "=" }).map(String.init)
            if pieces.count == 2 {
                guard let fr = FoundationalRequirement(parsing: pieces[0]) else { throw .unknownFR(pieces[0]) }
                guard named[fr] == nil else { throw .duplicateFR(fr.abbreviation) }
                named[fr] = try level(pieces[1])
            } else if pieces.count == 1, let fr = FoundationalRequirement(parsing: pieces[0]), Int(pieces[0]) == nil {
                pending = fr
            } else if pieces.count == 1, let fr = pending {
                guard named[fr] == nil else { throw .duplicateFR(fr.abbreviation) }
                named[fr] = try level(pieces[0])
                pending = nil
            } else {
                throw .unknownFR(pieces.first ?? part)
            }
        }
        let missing = FoundationalRequirement.allCases.filter { named[$0] == nil }
        guard missing.isEmpty else { throw .missingFRs(missing.map(\.abbreviation)) }
        return SLVector { named[$0]! }
    }

    private static func level(_ text: String) throws(SLVectorParseError) -> SecurityLevel {
        guard let n = Int(text) else { throw .notALevel(text) }
        guard let level = SecurityLevel(rawValue: n) else { throw .levelOutOfRange(n) }
        return level
    }
}

/// Why a text is not a security level vector; each case says how to write it instead.
public enum SLVectorParseError: Error, Equatable, CustomStringConvertible {
    case levelOutOfRange(Int)
    case wrongCount(Int)
    case notALevel(String)
    case unknownFR(String)
    case duplicateFR(String)
    case missingFRs([String])

    public var description: String {
        switch self {
        case .levelOutOfRange(let n): "security level \(n) is outside 0...4"
        case .wrongCount(let n): "a vector has 7 levels (IAC, UC, SI, DC, RDF, TRE, RA), this one has \(n)"
        case .notALevel(let s): "'\(s)' is not a security level (0...4)"
        case .unknownFR(let s): "'\(s)' is not a foundational requirement (IAC, UC, SI, DC, RDF, TRE, RA)"
        case .duplicateFR(let s): "\(s) is given twice"
        case .missingFRs(let list): "the vector names no level for \(list.joined(separator: ", "))"
        }
    }
}
