import Foundation
import IEC62443

/// Reads a model file (YAML or JSON, told by content) into a validated `SystemModel`, or reports every error in it at once.
public enum ModelLoader {
    /// Loads and validates the model at `path`. Warnings are returned alongside the model.
    public static func load(path: String, catalog: Catalog = .bundled) throws -> (model: SystemModel, warnings: [ModelDiagnostic]) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ModelFileError(path: path, reason: "it is a directory; give the model file itself (e.g. \(path)/plant.yaml)")
        }
        let data: Data
        do {
            // A file handle reads pipes too (`zonal diff <(git show main:plant.yaml) plant.yaml`), where
            // Data(contentsOf:) trusts a file size that a pipe does not have.
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw ModelFileError(path: path, reason: (error as NSError).localizedDescription)
        }
        return try load(bytes: [UInt8](data), file: path, catalog: catalog)
    }

    /// Parses a document into its located tree, without decoding it into plant objects.
    public static func parseDocument(bytes: [UInt8], file: String) throws(ModelLoadError) -> ModelNode? {
        do throws(DocumentSyntaxError) {
            switch DocumentFormat.detect(bytes) {
            case .json:
                return try JSONDocumentParser.parse(bytes)
            case .yaml:
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    let offset = firstInvalidUTF8Offset(bytes)
                    throw DocumentSyntaxError(message: "the file is not UTF-8 text (first bad byte at offset \(offset))", line: 1, column: 1, byteOffset: offset)
                }
                return try YAMLDocumentReader.parse(text)
            }
        } catch {
            var location = SourceLocation(file: file, line: error.line, column: error.column)
            if location.line == 0 { location.line = 1; location.column = 1 }
            let offset = error.byteOffset.map { " (byte offset \($0))" } ?? ""
            throw ModelLoadError(diagnostics: [ModelDiagnostic(.error, at: location, "syntax error: \(error.message)\(offset)",
                                                               hint: "fix the syntax first; the model's content is checked once the file parses")])
        }
    }

    /// Loads a model from bytes; `file` names it in locations.
    public static func load(bytes: [UInt8], file: String, catalog: Catalog = .bundled) throws(ModelLoadError) -> (model: SystemModel, warnings: [ModelDiagnostic]) {
        guard let root = try parseDocument(bytes: bytes, file: file) else {
            throw ModelLoadError(diagnostics: [ModelDiagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "the model file is empty",
                                                               hint: "start from Examples/refinery/plant.yaml or 'zonal schema'")])
        }
        return try decode(root, file: file, catalog: catalog)
    }

    /// Decodes and validates an already parsed document.
    public static func decode(_ root: ModelNode, file: String, catalog: Catalog = .bundled) throws(ModelLoadError) -> (model: SystemModel, warnings: [ModelDiagnostic]) {
        var decoder = ModelDecoder(file: file, catalog: catalog)
        let sections = decoder.decode(root)
        var validator = ModelValidator(log: decoder.log)
        validator.validate(sections)
        let diagnostics = validator.log.entries.sorted { $0.location < $1.location }
        if validator.log.hasErrors {
            throw ModelLoadError(diagnostics: diagnostics)
        }
        let model = SystemModel(file: file, system: sections.system, zones: sections.zones, assets: sections.assets, flows: sections.flows,
                                conduits: sections.conduits, countermeasures: sections.countermeasures, policy: sections.policy,
                                environment: sections.environment, riskCriteria: sections.riskCriteria, threatScenarios: sections.threatScenarios)
        return (model, diagnostics)
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += String(scalar).utf8.count
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }
}
