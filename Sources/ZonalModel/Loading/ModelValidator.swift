/// Checks what no single object can check alone: unique ids, references that resolve, zone networks that do not overlap,
/// and asset addresses inside their zone's networks. Runs after decoding, on every object at once.
struct ModelValidator {
    var log: DiagnosticLog

    mutating func validate(_ s: ModelDecoder.Sections) {
        let zoneIDs = uniqueIDs(s.zones.map { ($0.id, $0.location) }, kind: "zone")
        let assetIDs = uniqueIDs(s.assets.map { ($0.id, $0.location) }, kind: "asset")
        let flowIDs = uniqueIDs(s.flows.map { ($0.id, $0.location) }, kind: "flow")
        let conduitIDs = uniqueIDs(s.conduits.map { ($0.id, $0.location) }, kind: "conduit")
        _ = uniqueIDs(s.countermeasures.map { ($0.id, $0.location) }, kind: "countermeasure")
        let scenarioIDs = uniqueIDs(s.threatScenarios.map { ($0.id, $0.location) }, kind: "threat scenario")

        // Flow endpoints name a zone or an asset, so one id must not mean both.
        for asset in s.assets where zoneIDs.contains(asset.id) {
            log.error(at: asset.location, "asset '\(asset.id)' has the same id as a zone, so flows naming it are ambiguous", hint: "rename the asset or the zone")
        }

        let endpointIDs = zoneIDs.union(assetIDs)
        for ref in s.references {
            let candidates: Set<String>
            let what: String
            switch ref.target {
            case .zone: candidates = zoneIDs; what = "zone"
            case .asset: candidates = assetIDs; what = "asset"
            case .zoneOrAsset: candidates = endpointIDs; what = "zone or asset"
            case .flow: candidates = flowIDs; what = "flow"
            case .conduit: candidates = conduitIDs; what = "conduit"
            case .zoneOrConduit: candidates = zoneIDs.union(conduitIDs); what = "zone or conduit"
            case .scenario: candidates = scenarioIDs; what = "threat scenario"
            }
            if !candidates.contains(ref.id) {
                log.error(at: ref.location, "\(ref.role) names '\(ref.id)', which is no \(what) of this model",
                          hint: Suggestion.hint(for: ref.id, in: candidates) ?? "declare the \(what) or correct the id")
            }
        }

        for conduit in s.conduits {
            if conduit.zones.count == 2, conduit.zones[0] == conduit.zones[1] {
                log.error(at: conduit.location, "conduit '\(conduit.id)' joins zone '\(conduit.zones[0])' to itself",
                          hint: "a conduit joins two different zones; traffic inside a zone needs no conduit")
            }
            if conduit.enforcement == .dataDiode, conduit.direction == .bidirectional {
                log.warning(at: conduit.location, "conduit '\(conduit.id)' is enforced by a data diode but declares no direction; it is treated as two-way",
                            hint: "add 'direction: FROM->TO' naming the zone the diode sends from")
            }
            if case .oneWay(let from, let to) = conduit.direction, conduit.zones.count == 2 {
                if Set([from, to]) != Set(conduit.zones) {
                    log.error(at: conduit.location, "the direction '\(from)->\(to)' of conduit '\(conduit.id)' does not name its zones \(conduit.zones[0]) and \(conduit.zones[1])",
                              hint: "write '\(conduit.zones[0])->\(conduit.zones[1])' or '\(conduit.zones[1])->\(conduit.zones[0])'")
                }
            }
        }

        checkNetworkOverlaps(s.zones)
        checkAddresses(s)
    }

    /// Logs every id seen before and returns the set of ids.
    private mutating func uniqueIDs(_ items: [(String, SourceLocation)], kind: String) -> Set<String> {
        var seen: [String: SourceLocation] = [:]
        seen.reserveCapacity(items.count)
        for (id, location) in items {
            if let first = seen[id] {
                log.error(at: location, "\(kind) id '\(id)' is used again (first at line \(first.line))", hint: "give each \(kind) its own id")
            } else {
                seen[id] = location
            }
        }
        return Set(seen.keys)
    }

    /// Two zones may not claim the same addresses: an address must place a device in one zone only.
    private mutating func checkNetworkOverlaps(_ zones: [Zone]) {
        var blocks: [(network: IPNetwork, zone: Zone)] = []
        for zone in zones { for network in zone.networks { blocks.append((network, zone)) } }
        blocks.sort { ($0.network.first, $0.network.prefixLength) < ($1.network.first, $1.network.prefixLength) }
        // CIDR blocks nest or are disjoint, so after sorting, a block overlaps an earlier one only if that one's range reaches it.
        var open: (network: IPNetwork, zone: Zone)?
        for block in blocks {
            if let current = open, current.network.overlaps(block.network) {
                if current.zone.id != block.zone.id {
                    log.error(at: block.zone.location,
                              "network \(block.network) of zone '\(block.zone.id)' overlaps \(current.network) of zone '\(current.zone.id)'",
                              hint: "an address must belong to one zone; split the range or move it to one zone")
                } else if current.network != block.network {
                    log.warning(at: block.zone.location, "network \(block.network) of zone '\(block.zone.id)' lies inside its \(current.network)",
                                hint: "remove the narrower block")
                } else {
                    log.warning(at: block.zone.location, "network \(block.network) is listed twice in zone '\(block.zone.id)'")
                }
                if block.network.last > current.network.last { open = block }
            } else {
                open = block
            }
        }
    }

    private mutating func checkAddresses(_ s: ModelDecoder.Sections) {
        var zones: [String: Zone] = [:]
        for zone in s.zones where zones[zone.id] == nil { zones[zone.id] = zone }
        var assetZone: [String: String?] = [:]
        for asset in s.assets where assetZone[asset.id] == nil { assetZone[asset.id] = asset.zone }
        var owners: [IPAddress: String] = [:]
        owners.reserveCapacity(s.addressClaims.count)
        for claim in s.addressClaims {
            if let other = owners[claim.address], other != claim.asset {
                log.error(at: claim.location, "address \(claim.address) of asset '\(claim.asset)' is also given to asset '\(other)'",
                          hint: "each address identifies one asset; for a redundant pair's shared address, list it on one asset")
            } else {
                owners[claim.address] = claim.asset
            }
            guard let zoneID = assetZone[claim.asset] ?? nil, let zone = zones[zoneID], !zone.networks.isEmpty else { continue }
            if !zone.networks.contains(where: { $0.contains(claim.address) }) {
                let home = s.zones.first { $0.networks.contains { $0.contains(claim.address) } }
                log.error(at: claim.location,
                          "address \(claim.address) of asset '\(claim.asset)' is outside the networks of its zone '\(zoneID)' (\(zone.networks.map(\.description).joined(separator: ", ")))",
                          hint: home.map { "the address is in zone '\($0.id)': correct the address or place the asset in '\($0.id)'" }
                            ?? "correct the address or add its network to zone '\(zoneID)'")
            }
        }
    }
}
