import ZonalModel

/// Shared by the partitioning checks (ZCR 3.3 to 3.6): zones where assets of a special kind sit with assets that are not.
enum ZoneSeparation {
    struct Mix {
        let zone: Zone
        let special: [Asset]
        let others: [Asset]
    }

    static func mixedZones(_ context: AnalysisContext, isSpecial: (Asset) -> Bool) -> [Mix] {
        context.model.zones.compactMap { zone in
            let members = context.assetsByZone[zone.id] ?? []
            // Most zones hold no special asset: find that out before copying any asset.
            guard members.contains(where: isSpecial) else { return nil }
            let special = members.filter(isSpecial)
            let others = members.filter { !isSpecial($0) }
            return special.isEmpty || others.isEmpty ? nil : Mix(zone: zone, special: special, others: others)
        }
    }

    /// "a, b, c and 4 more" for messages.
    static func list(_ assets: [Asset], limit: Int = 5) -> String {
        let names = assets.prefix(limit).map(\.id).joined(separator: ", ")
        return assets.count > limit ? "\(names) and \(assets.count - limit) more" : names
    }
}
