import ZonalAnalysis
import ZonalModel

/// The risk matrix as an inline SVG heat map: likelihood rising upwards, consequence rising to the right, each cell
/// coloured by its risk level and labelled with the scenarios that land in it. Every text is escaped; no script, no external reference.
public enum RiskMatrixSVG {
    /// One scenario placed in a cell.
    public struct Placement: Sendable {
        public let scenario: String
        public let cell: RiskCell

        public init(scenario: String, cell: RiskCell) {
            self.scenario = scenario
            self.cell = cell
        }
    }

    /// The unmitigated and residual heat maps of an assessment.
    public static func heatMaps(_ risk: RiskAssessment) -> (unmitigated: String, residual: String) {
        (render(risk.criteria, risk.scenarios.map { Placement(scenario: $0.scenario.id, cell: $0.unmitigated) }, title: "Unmitigated risk"),
         render(risk.criteria, risk.scenarios.map { Placement(scenario: $0.scenario.id, cell: $0.residual) }, title: "Residual risk"))
    }

    static let cellWidth = 132, cellHeight = 64, left = 150, top = 40, labelsBelow = 56

    public static func render(_ criteria: RiskCriteria, _ placements: [Placement], title: String) -> String {
        let rows = criteria.likelihood.count, columns = criteria.consequence.count
        let width = left + columns * cellWidth + 10, height = top + rows * cellHeight + labelsBelow
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" role="img" aria-label="\(escape(title))" font-family="sans-serif" font-size="12">
        <title>\(escape(title))</title>
        <text x="\(left)" y="20" font-size="15" font-weight="bold">\(escape(title))</text>

        """
        var byCell: [Int: [String]] = [:]
        for p in placements { byCell[(p.cell.likelihood - 1) * columns + (p.cell.consequence - 1), default: []].append(p.scenario) }
        for l in 1...rows {
            let y = top + (rows - l) * cellHeight
            svg += "<text x=\"\(left - 8)\" y=\"\(y + cellHeight / 2 + 4)\" text-anchor=\"end\">\(escape(criteria.likelihood[l - 1].name))</text>\n"
            for c in 1...columns {
                let x = left + (c - 1) * cellWidth
                let risk = criteria.risk(likelihood: l, consequence: c)
                svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cellWidth)\" height=\"\(cellHeight)\" fill=\"\(colour(risk, of: criteria.riskLevels.count))\" stroke=\"#ffffff\" stroke-width=\"2\"><title>\(escape("\(criteria.likelihood[l - 1].name) x \(criteria.consequence[c - 1].name) = \(criteria.riskName(risk))"))</title></rect>\n"
                svg += "<text x=\"\(x + 6)\" y=\"\(y + 14)\" font-size=\"10\" fill=\"#333333\">\(escape(criteria.riskName(risk)))</text>\n"
                let ids = byCell[(l - 1) * columns + (c - 1)] ?? []
                // Three names fit a cell; the rest are counted so the drawing never overflows.
                for (i, id) in ids.prefix(3).enumerated() {
                    svg += "<text x=\"\(x + 6)\" y=\"\(y + 30 + i * 13)\" font-weight=\"bold\">\(escape(truncate(id)))</text>\n"
                }
                if ids.count > 3 { svg += "<text x=\"\(x + cellWidth - 6)\" y=\"\(y + 14)\" text-anchor=\"end\" font-weight=\"bold\">+\(ids.count - 3)</text>\n" }
            }
        }
        let base = top + rows * cellHeight
        for c in 1...columns {
            svg += "<text x=\"\(left + (c - 1) * cellWidth + cellWidth / 2)\" y=\"\(base + 16)\" text-anchor=\"middle\">\(escape(criteria.consequence[c - 1].name))</text>\n"
        }
        svg += "<text x=\"\(left + columns * cellWidth / 2)\" y=\"\(base + 40)\" text-anchor=\"middle\" font-weight=\"bold\">consequence</text>\n"
        svg += "<text x=\"14\" y=\"\(top + rows * cellHeight / 2)\" transform=\"rotate(-90 14 \(top + rows * cellHeight / 2))\" text-anchor=\"middle\" font-weight=\"bold\">likelihood</text>\n"
        return svg + "</svg>\n"
    }

    /// From green (lowest risk level) through amber to red (highest).
    static func colour(_ level: Int, of count: Int) -> String {
        let palette = ["#63be7b", "#c5dd7f", "#ffdd71", "#fba76b", "#f8696b"]
        guard count > 1 else { return palette[0] }
        return palette[Int((Double(level) / Double(count - 1) * Double(palette.count - 1)).rounded())]
    }

    static func truncate(_ text: String) -> String { text.count > 18 ? String(text.prefix(17)) + "…" : text }

    /// XML text and attribute escaping.
    public static func escape(_ text: String) -> String {
        MarkupText.escape(text)
    }
}
