import ArgumentParser
import IEC62443
import ZonalReports

/// `zonal catalog`: list and filter the bundled IEC 62443 catalogs.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "List IEC 62443 requirements (3-3 SRs/REs, 4-2 CRs/REs, 3-2 ZCRs, 4-1 practices) with their levels.",
        discussion: """
        Examples:
          zonal catalog --standard 3-3 --sl 3          what SL 3 requires
          zonal catalog --standard 4-2 --component host --fr UC
          zonal catalog --standard 3-3 --format json
        Titles are Zonal's own short wording; the standards' text is not reproduced.
        """)

    @Option(help: ArgumentHelp("Which part: 3-3, 4-2, 3-2 or 4-1 (default: all).", valueName: "part"))
    var standard: Standard?

    @Option(help: ArgumentHelp("Only this foundational requirement: IAC, UC, SI, DC, RDF, TRE, RA.", valueName: "fr"))
    var fr: FoundationalRequirement?

    @Option(help: ArgumentHelp("Only what a target (or capability) of this security level requires (1-4).", valueName: "level"))
    var sl: Int?

    @Option(help: ArgumentHelp("Only 4-2 entries for this component type: software, embedded, host, network.", valueName: "type"))
    var component: ComponentType?

    @Option(help: ArgumentHelp("Output format: text, json or csv.", valueName: "format"))
    var format: OutputFormat = .text

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let sl, !(1...4).contains(sl) { throw ValidationError("--sl takes a security level from 1 to 4") }
    }

    func run() throws {
        let level = sl.flatMap(SecurityLevel.init(rawValue:))
        let entries = Catalog.bundled.entries.filter { entry in
            (standard == nil || entry.standard == standard)
                && (fr == nil || entry.fr == fr)
                && (level == nil || entry.isRequired(at: level!))
                && (component == nil || (entry.components?.contains(component!) ?? false))
        }
        let destination = output.destination
        switch format {
        case .text: try destination.write(CatalogReport.text(entries, style: destination.style))
        case .json: try destination.write(CatalogReport.json(entries))
        case .csv: try destination.write(CatalogReport.csv(entries))
        }
    }
}

extension Standard: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}

extension FoundationalRequirement: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension ComponentType: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}
