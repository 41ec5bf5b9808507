import ZonalModel

/// Reads the text form printed by `nft list ruleset` (not yet: only the JSON form is read).
public struct NftTextReader {
    public let file: String

    public init(file: String) { self.file = file }

    public func read(_ text: String) throws(FirewallReadError) -> Ruleset {
        throw FirewallReadError(SourceLocation(file: file, line: 1, column: 1), "the nftables text form is not read yet",
                                hint: "export the ruleset as JSON with 'nft -j list ruleset > FILE' and give Zonal that file")
    }
}
