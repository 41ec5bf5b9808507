import ZonalModel

/// Shared by the partitioning checks (ZCR 3.3 to 3.6): zones where assets of a special kind sit with assets that are not.
enum ZoneSeparation {
    struct Mix {
        let zone: Zone
        let special: [Asset]
        let others: [Asset]
    }

    static func mixedZones(_ context: AnalysisContext, trait: AssetTraits) -> [Mix] {
        context.model.zones.indices.compactMap { z in
            let members = context.assetPositionsByZone[z]
            // Most zones hold no special asset: find that out before copying any asset.
            guard members.contains(where: { context.assetTraits[$0].contains(trait) }),
                  members.contains(where: { !context.assetTraits[$0].contains(trait) }) else { return nil }
            return Mix(zone: context.model.zones[z], special: context.assets(inZoneAt: z) { $0.contains(trait) },
                       others: context.assets(inZoneAt: z) { !$0.contains(trait) })
        }
    }

    /// "a, b, c and 4 more" for messages.
    static func list(_ assets: [Asset], limit: Int = 5) -> String {
        let names = assets.prefix(limit).map(\.id).joined(separator: ", ")
        return assets.count > limit ? "\(names) and \(assets.count - limit) more" : names
    }
}
