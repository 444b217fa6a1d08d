import ArgumentParser
import ScenarioFile

/// `outletsim schema`: the JSON Schema of scenario files.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of scenario files, for editors to complete and check them."
    )

    @Flag(help: "Print the key reference of docs/scenario-format.md (Markdown) instead.")
    var reference = false

    func run() {
        print(reference ? KeyReference.markdown() : ScenarioSchema.json(), terminator: reference ? "" : "\n")
    }
}
