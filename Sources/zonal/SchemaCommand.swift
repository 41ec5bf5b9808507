import ArgumentParser
import ZonalModel

/// `zonal schema`: print the JSON Schema of the model file.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of the model file, for editors to validate and complete models.",
        discussion: """
        Example (VS Code with the YAML extension): zonal schema -o zonal.schema.json, then start the model with
          # yaml-language-server: $schema=./zonal.schema.json
        """)

    @OptionGroup var output: OutputOptions

    func run() throws {
        try output.destination.write(ModelSchema.text)
    }
}
