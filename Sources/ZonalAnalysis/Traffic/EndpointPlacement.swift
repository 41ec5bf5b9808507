import ZonalModel
import ZonalTraffic

/// Where the model puts one address seen in traffic: the asset that owns it (exact address, else MAC) and its zone
/// (the asset's, else the longest zone network prefix containing the address).
public struct EndpointPlacement: Hashable, Sendable {
    public let asset: String?
    public let zone: String?

    public init(asset: String?, zone: String?) {
        self.asset = asset
        self.zone = zone
    }

    /// The id a conduit rule would name for it: the asset, else the zone.
    public var endpointID: String? { asset ?? zone }
}

/// Places addresses and MACs into the model; built once per model, then looked up per flow.
public struct EndpointResolver: Sendable {
    let assetByAddress: [IPAddress: String]
    let assetByMAC: [UInt64: String]
    let model: SystemModel
    /// Zone networks, longest prefix first, so the first match is the most specific.
    let networks: [(network: IPNetwork, zone: String)]

    public init(model: SystemModel) {
        self.model = model
        var byAddress: [IPAddress: String] = [:]
        var byMAC: [UInt64: String] = [:]
        for asset in model.assets {
            for address in asset.addresses where byAddress[address] == nil { byAddress[address] = asset.id }
            if let mac = asset.mac, byMAC[mac.value] == nil { byMAC[mac.value] = asset.id }
        }
        assetByAddress = byAddress
        assetByMAC = byMAC
        networks = model.zones.flatMap { zone in zone.networks.map { (network: $0, zone: zone.id) } }
            .sorted { $0.network.prefixLength > $1.network.prefixLength }
    }

    public func place(_ address: IPAddress, mac: UInt64 = 0) -> EndpointPlacement {
        if let asset = assetByAddress[address] {
            return EndpointPlacement(asset: asset, zone: model.asset(asset)?.zone ?? zone(containing: address))
        }
        if let zone = zone(containing: address) { return EndpointPlacement(asset: nil, zone: zone) }
        // A MAC names the asset only when the address says nothing (a MAC seen behind a router is the router's).
        if mac != 0, let asset = assetByMAC[mac] { return EndpointPlacement(asset: asset, zone: model.asset(asset)?.zone) }
        return EndpointPlacement(asset: nil, zone: nil)
    }

    public func place(mac: UInt64) -> EndpointPlacement {
        guard let asset = assetByMAC[mac] else { return EndpointPlacement(asset: nil, zone: nil) }
        return EndpointPlacement(asset: asset, zone: model.asset(asset)?.zone)
    }

    func zone(containing address: IPAddress) -> String? {
        networks.first { $0.network.contains(address) }?.zone
    }

    /// Broadcast and multicast destinations reach a segment, not a host: they are not inventory or zone-crossing questions.
    public static func isGroupAddress(_ address: IPAddress) -> Bool {
        switch address.family {
        case .v4:
            let v = UInt32(truncatingIfNeeded: address.low)
            return v >> 28 == 0xE || v == 0xFFFF_FFFF || v == 0
        case .v6:
            return address.high >> 56 == 0xFF || (address.high == 0 && address.low == 0)
        }
    }
}
