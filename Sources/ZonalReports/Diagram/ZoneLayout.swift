import Foundation
import ZonalAnalysis
import ZonalModel

/// Where each zone box and conduit edge of the zone & conduit diagram goes: zones in rows by Purdue level (stated, or
/// the usual level of their kind), highest level on top; conduits as curves between box borders, parallel conduits
/// spread apart. Pure geometry, shared by the SVG renderer; Graphviz is not needed at run time.
public struct ZoneLayout: Sendable {
    public struct Box: Sendable {
        public let zone: Zone
        public let x: Double, y: Double, width: Double, height: Double
        public var centerX: Double { x + width / 2 }
        public var centerY: Double { y + height / 2 }
    }

    public struct Edge: Sendable {
        public let conduit: Conduit
        /// Start, control and end point of a quadratic curve; a one-way conduit starts at its source zone.
        public let start: (x: Double, y: Double)
        public let control: (x: Double, y: Double)
        public let end: (x: Double, y: Double)
        /// The curve's midpoint, where the label goes.
        public var label: (x: Double, y: Double) {
            (0.25 * start.x + 0.5 * control.x + 0.25 * end.x, 0.25 * start.y + 0.5 * control.y + 0.25 * end.y)
        }
    }

    /// The gap between boxes of a row leaves room for a conduit label between them.
    public static let boxWidth = 230.0, boxHeight = 96.0, gapX = 170.0, gapY = 120.0, margin = 30.0
    /// The most zone boxes side by side.
    public static let maxPerRow = 5
    /// Half the width reserved around a conduit label's centre when fitting the canvas.
    static let labelHalfWidth = 90.0

    public let boxes: [Box]
    public let edges: [Edge]
    public let width: Double
    public let height: Double

    /// The Purdue level a zone is drawn at: as stated, else the usual level of its kind.
    public static func level(of zone: Zone) -> Double {
        if let level = zone.purdueLevel { return level }
        switch zone.kind {
        case .external: return 5
        case .enterprise: return 4
        case .dmz: return 3.5
        case .supervisory, .transient: return 2
        case .control, .safety, .wireless: return 1
        case .field: return 0
        }
    }

    public init(model: SystemModel) {
        // A level with many zones wraps onto several rows, so a large plant stays readable on a page.
        let rows = Dictionary(grouping: model.zones, by: ZoneLayout.level).sorted { $0.key > $1.key }.flatMap { _, zones in
            stride(from: 0, to: zones.count, by: Self.maxPerRow).map { Array(zones[$0..<min($0 + Self.maxPerRow, zones.count)]) }
        }
        let widest = rows.map(\.count).max() ?? 0
        let naturalWidth = 2 * Self.margin + Double(widest) * Self.boxWidth + Double(max(widest - 1, 0)) * Self.gapX
        height = 2 * Self.margin + Double(rows.count) * Self.boxHeight + Double(max(rows.count - 1, 0)) * Self.gapY
        var boxes: [Box] = []
        for (r, row) in rows.enumerated() {
            let rowWidth = Double(row.count) * Self.boxWidth + Double(row.count - 1) * Self.gapX
            let left = (naturalWidth - rowWidth) / 2
            for (i, zone) in row.enumerated() {
                boxes.append(Box(zone: zone, x: left + Double(i) * (Self.boxWidth + Self.gapX),
                                 y: Self.margin + Double(r) * (Self.boxHeight + Self.gapY), width: Self.boxWidth, height: Self.boxHeight))
            }
        }
        let byID = Dictionary(boxes.map { ($0.zone.id, $0) }, uniquingKeysWith: { first, _ in first })
        let pairs = Dictionary(grouping: model.conduits.filter { $0.zones.count == 2 }) { ZonePair($0.zones[0], $0.zones[1]) }
        var edges: [Edge] = []
        for conduit in model.conduits where conduit.zones.count == 2 {
            var (a, b) = (conduit.zones[0], conduit.zones[1])
            if case .oneWay(let from, _) = conduit.direction, from == b { swap(&a, &b) }
            guard let boxA = byID[a], let boxB = byID[b] else { continue }
            let siblings = pairs[ZonePair(a, b)] ?? [conduit]
            let index = Double(siblings.firstIndex { $0.id == conduit.id } ?? 0)
            edges.append(Self.edge(conduit, from: boxA, to: boxB, spread: index - Double(siblings.count - 1) / 2, sameRow: boxA.y == boxB.y,
                                   others: boxes.filter { $0.zone.id != a && $0.zone.id != b }))
        }
        // Curves bent out beside the rows may need more room than the boxes: widen the canvas and shift everything right.
        let left = min(0, edges.map { $0.label.x - Self.labelHalfWidth - Self.margin }.min() ?? 0)
        let right = max(naturalWidth, edges.map { $0.label.x + Self.labelHalfWidth + Self.margin }.max() ?? 0)
        let shift = -left
        width = right + shift
        self.boxes = boxes.map { Box(zone: $0.zone, x: $0.x + shift, y: $0.y, width: $0.width, height: $0.height) }
        self.edges = edges.map { e in
            Edge(conduit: e.conduit, start: (e.start.x + shift, e.start.y), control: (e.control.x + shift, e.control.y), end: (e.end.x + shift, e.end.y))
        }
    }

    /// A curve between two boxes; `spread` (in steps) bends parallel conduits apart, and a conduit along a row arcs
    /// above it so it does not run through the boxes between.
    private static func edge(_ conduit: Conduit, from a: Box, to b: Box, spread: Double, sameRow: Bool, others: [Box]) -> Edge {
        let (ax, ay, bx, by) = (a.centerX, a.centerY, b.centerX, b.centerY)
        let (dx, dy) = (bx - ax, by - ay)
        let length = max((dx * dx + dy * dy).squareRoot(), 1)
        // Perpendicular, pointing the same way whichever end the conduit starts from, so siblings never coincide.
        var (px, py) = (-dy / length, dx / length)
        if a.zone.id > b.zone.id { (px, py) = (-px, -py) }
        let bend = spread * 330
        var control = ((ax + bx) / 2 + px * bend, (ay + by) / 2 + py * bend)
        if sameRow && abs(dx) > boxWidth + gapX + 1 { control.1 -= abs(dx) * 0.3 }
        // A conduit that would run through another zone's box is bent sideways, further each try, until it runs clear.
        let base = control
        for step in 0..<12 {
            let offset = Double((step + 1) / 2) * 110 * (step % 2 == 1 ? 1 : -1)
            let candidate = (base.0 + offset, base.1)
            let edge = Edge(conduit: conduit, start: border(of: a, toward: candidate), control: candidate, end: border(of: b, toward: candidate))
            if !others.contains(where: { crosses(edge, $0) }) { return edge }
        }
        return Edge(conduit: conduit, start: border(of: a, toward: control), control: control, end: border(of: b, toward: control))
    }

    /// True when the curve or its label passes through the box (with a small margin).
    private static func crosses(_ edge: Edge, _ box: Box) -> Bool {
        let pad = 12.0
        // A quadratic curve lies inside the hull of its three points: boxes outside that hull (and the label) are skipped cheaply.
        let xs = [edge.start.x, edge.control.x, edge.end.x], ys = [edge.start.y, edge.control.y, edge.end.y]
        if xs.max()! + labelHalfWidth < box.x - pad || xs.min()! - labelHalfWidth > box.x + box.width + pad
            || ys.max()! + 16 < box.y - pad || ys.min()! - 16 > box.y + box.height + pad { return false }
        func inside(_ x: Double, _ y: Double, halfWidth: Double = 0, halfHeight: Double = 0) -> Bool {
            x + halfWidth > box.x - pad && x - halfWidth < box.x + box.width + pad && y + halfHeight > box.y - pad && y - halfHeight < box.y + box.height + pad
        }
        for i in 0...40 {
            let t = Double(i) / 40, u = 1 - t
            let x = u * u * edge.start.x + 2 * u * t * edge.control.x + t * t * edge.end.x
            let y = u * u * edge.start.y + 2 * u * t * edge.control.y + t * t * edge.end.y
            if inside(x, y) { return true }
        }
        return inside(edge.label.x, edge.label.y, halfWidth: labelHalfWidth - 20, halfHeight: 16)
    }

    /// Where the line from the box's centre toward `point` leaves the box.
    private static func border(of box: Box, toward point: (Double, Double)) -> (x: Double, y: Double) {
        let (dx, dy) = (point.0 - box.centerX, point.1 - box.centerY)
        guard dx != 0 || dy != 0 else { return (box.centerX, box.centerY) }
        let scale = min(dx == 0 ? .infinity : (box.width / 2) / abs(dx), dy == 0 ? .infinity : (box.height / 2) / abs(dy))
        return (box.centerX + dx * scale, box.centerY + dy * scale)
    }
}
