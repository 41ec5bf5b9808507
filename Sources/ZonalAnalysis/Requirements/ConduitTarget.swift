import IEC62443
import ZonalModel

extension SystemModel {
    /// The SL-T the conduit at position `c` is held to: as stated, else the per-FR maximum of the two zones it joins
    /// (it guards the more demanding side).
    public func target(ofConduitAt c: Int) -> SLVector {
        if let stated = conduits[c].slTarget { return stated }
        guard let (a, b) = zonePositions(ofConduitAt: c) else { return .zero }
        return zones[a].slTarget.union(zones[b].slTarget)
    }
}
