import ArgumentParser
import ScenarioFile

/// `outletsim schema`: the JSON Schema of scenario files.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of scenario files, for editors to complete and check them."
    )

    func run() {
        print(ScenarioSchema.json())
    }
}
