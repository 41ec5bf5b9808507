import Foundation

/// The JSON Schema of the model file, for editors to validate and complete models (`zonal schema`).
public enum ModelSchema {
    /// The schema document as shipped (JSON Schema draft 2020-12).
    public static var text: String {
        guard let url = Bundle.module.url(forResource: "zonal-model.schema", withExtension: "json"),
              let data = try? Data(contentsOf: url) else {
            fatalError("the bundled model schema is missing from the build")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
