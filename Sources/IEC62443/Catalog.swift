import Foundation

/// The bundled IEC 62443 catalogs, loaded once from the module's resource files and indexed by id.
public struct Catalog: Sendable {
    /// Every entry in the order of the standard, 3-2, 3-3, 4-1, 4-2.
    public let entries: [Requirement]
    /// The maturity levels of IEC 62443-4-1.
    public let maturityLevels: [MaturityLevel]
    /// The eight practices of IEC 62443-4-1.
    public let practices: [Practice]
    private let index: [String: Int]

    /// The catalogs shipped with Zonal. Loading failures are programming errors (the files are part of the build).
    public static let bundled: Catalog = {
        do {
            return try Catalog.load()
        } catch {
            fatalError("bundled IEC 62443 catalogs are unreadable: \(error)")
        }
    }()

    public init(entries: [Requirement], maturityLevels: [MaturityLevel] = [], practices: [Practice] = []) {
        self.entries = entries
        self.maturityLevels = maturityLevels
        self.practices = practices
        var index: [String: Int] = [:]
        for (i, entry) in entries.enumerated() { index[Catalog.canonicalID(entry.id)] = i }
        self.index = index
    }

    static func load() throws -> Catalog {
        var all: [Requirement] = []
        var maturity: [MaturityLevel] = []
        var practices: [Practice] = []
        for standard in Standard.allCases {
            guard let url = Bundle.module.url(forResource: standard.resourceName, withExtension: "json") else {
                throw CatalogError.missingResource(standard.resourceName)
            }
            let file = try JSONDecoder().decode(CatalogFile.self, from: Data(contentsOf: url))
            all += file.entries.map { entry in
                var e = entry
                e.standard = standard
                return e
            }
            maturity += file.maturityLevels ?? []
            practices += file.practices ?? []
        }
        return Catalog(entries: all, maturityLevels: maturity, practices: practices)
    }

    /// The entry with this id, written in any of the usual ways ("SR 1.1 RE 1", "sr1.1 re1", "SR 1.1(1)").
    public func requirement(_ id: String) -> Requirement? {
        index[Catalog.canonicalID(id)].map { entries[$0] }
    }

    /// All entries of one part of the standard.
    public func entries(of standard: Standard) -> [Requirement] {
        entries.filter { $0.standard == standard }
    }

    /// The 3-3 system requirements (SRs and REs) of one FR that a target level requires.
    public func systemRequirements(for fr: FoundationalRequirement, at level: SecurityLevel) -> [Requirement] {
        entries.filter { $0.standard == .systemRequirements && $0.fr == fr && $0.isRequired(at: level) }
    }

    /// Normalises an id for lookup: upper case, single spaces, "RE" spelled out, parenthesised enhancements expanded.
    public static func canonicalID(_ id: String) -> String {
        var s = id.uppercased()
        // "SR 1.1 (1)" is the standard's other way of writing "SR 1.1 RE 1".
        if let open = s.lastIndex(of: "("), s.hasSuffix(")") {
            let number = s[s.index(after: open)..<s.index(before: s.endIndex)]
            s = String(s[..<open]) + " RE " + number
        }
        var out = ""
        var previous: Character = " "
        for c in s {
            if c == " " || c == "_" {
                if previous != " " { out.append(" ") }
                previous = " "
                continue
            }
            // Insert the space that "SR1.1" or "RE2" leave out.
            if c.isNumber && previous.isLetter { out.append(" ") }
            if c.isLetter && (previous.isNumber) { out.append(" ") }
            out.append(c)
            previous = c
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}

/// A maturity level of IEC 62443-4-1 (1 Initial to 4 Improving).
public struct MaturityLevel: Hashable, Sendable, Codable {
    public let level: Int
    public let name: String
    public let summary: String
}

/// One of the eight practices of IEC 62443-4-1 (SM, SR, SD, SI, SVV, DM, SUM, SG).
public struct Practice: Hashable, Sendable, Codable {
    public let id: String
    public let number: Int
    public let title: String
}

/// The shape of a bundled catalog file.
struct CatalogFile: Decodable {
    let standard: String
    let entries: [Requirement]
    let maturityLevels: [MaturityLevel]?
    let practices: [Practice]?
}

/// A bundled catalog could not be read.
public enum CatalogError: Error, CustomStringConvertible {
    case missingResource(String)

    public var description: String {
        switch self {
        case .missingResource(let name): "the catalog resource \(name).json is missing from the build"
        }
    }
}
