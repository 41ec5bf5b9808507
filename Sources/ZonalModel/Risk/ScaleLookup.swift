/// Finds the level of a scale a text names — its 1-based number or its name — for the model loader and the worksheet import alike.
enum ScaleLookup {
    /// Why a text names no level, with what to write instead.
    struct Problem: Error {
        let message: String
        let hint: String
    }

    static func level(_ text: String, in scale: [ScaleLevel], scaleName: String) -> Result<Int, Problem> {
        if let n = Int(text) {
            if (1...scale.count).contains(n) { return .success(n) }
            return .failure(Problem(message: "\(scaleName) level \(n) is outside 1...\(scale.count)",
                                    hint: "levels run from 1 ('\(scale[0].name)') to \(scale.count) ('\(scale[scale.count - 1].name)')"))
        }
        if let index = scale.firstIndex(where: { $0.name.lowercased() == text.lowercased() }) { return .success(index + 1) }
        let names = scale.map(\.name)
        return .failure(Problem(message: "'\(text)' is not a \(scaleName) level",
                                hint: Suggestion.hint(for: text, in: names) ?? "use a number 1-\(scale.count) or one of: \(names.joined(separator: ", "))"))
    }
}
