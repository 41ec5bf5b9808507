import ArgumentParser
import Foundation
import ZonalModel

/// The model file argument shared by the commands that read a model, and the one place that turns load errors into messages and exit codes.
struct ModelInput: ParsableArguments {
    @Argument(help: ArgumentHelp("The plant model, YAML or JSON (told by its content).", valueName: "model"))
    var path: String

    @Flag(name: .customLong("quiet-warnings"), help: "Do not print the model's warnings on standard error.")
    var quietWarnings = false

    /// Loads the model or prints every error (file:line:column: message, hint) and exits with 2 (invalid) or 3 (unreadable).
    func load() throws -> SystemModel {
        try Self.load(path: path, quietWarnings: quietWarnings)
    }

    /// Loads the model at `path` the same way, for commands that read more than one model.
    static func load(path: String, quietWarnings: Bool) throws -> SystemModel {
        try load(name: path, quietWarnings: quietWarnings) { try ModelLoader.load(path: path) }
    }

    /// Loads a model piped in on standard input (e.g. `git show main:plant.yaml | zonal diff - plant.yaml`); locations name it `<stdin>`.
    static func loadStandardInput(quietWarnings: Bool) throws -> SystemModel {
        let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        return try load(name: "<stdin>", quietWarnings: quietWarnings) { try ModelLoader.load(bytes: bytes, file: "<stdin>") }
    }

    private static func load(name path: String, quietWarnings: Bool,
                             _ loader: () throws -> (model: SystemModel, warnings: [ModelDiagnostic])) throws -> SystemModel {
        do {
            let (model, warnings) = try loader()
            if !quietWarnings { for warning in warnings { Diagnostics.note(warning.description) } }
            return model
        } catch let error as ModelLoadError {
            Diagnostics.note(error.description)
            let count = error.errors.count
            Diagnostics.note("\(count) error\(count == 1 ? "" : "s") in \(path); nothing was checked.")
            throw ExitStatus.invalidInput
        } catch let error as ModelFileError {
            Diagnostics.error(error.description)
            throw ExitStatus.fileError
        }
    }
}

/// `--format` and `--output`, shared by the report-writing commands.
struct OutputOptions: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output (written whole, or not at all).", valueName: "file"))
    var output: String?

    var destination: CommandOutput { CommandOutput(path: output) }
}
