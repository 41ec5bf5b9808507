import ZonalModel

/// Shared by the partitioning checks (ZCR 3.3 to 3.6): zones where assets of a special kind sit with assets that are not.
enum ZoneSeparation {
    struct Mix {
        let zone: Zone
        let special: [Asset]
        let others: [Asset]
    }

    static func mixedZones(_ context: AnalysisContext, isSpecial: (Asset) -> Bool) -> [Mix] {
        let assets = context.model.assets
        return context.model.zones.indices.compactMap { z in
            let members = context.assetPositionsByZone[z]
            // Most zones hold no special asset: find that out before copying any asset.
            guard members.contains(where: { isSpecial(assets[$0]) }), members.contains(where: { !isSpecial(assets[$0]) }) else { return nil }
            let zone = context.assets(inZoneAt: z)
            return Mix(zone: context.model.zones[z], special: zone.filter(isSpecial), others: zone.filter { !isSpecial($0) })
        }
    }

    /// "a, b, c and 4 more" for messages.
    static func list(_ assets: [Asset], limit: Int = 5) -> String {
        let names = assets.prefix(limit).map(\.id).joined(separator: ", ")
        return assets.count > limit ? "\(names) and \(assets.count - limit) more" : names
    }
}
