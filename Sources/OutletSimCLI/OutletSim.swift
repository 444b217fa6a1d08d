import ArgumentParser

/// The `outletsim` command.
@main
struct OutletSim: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "outletsim",
        abstract: "Simulate service outlets (bank branches, business halls, service centres) to plan staffing and layout.",
        version: version,
        subcommands: [RunCommand.self, CheckCommand.self, CompareCommand.self, OptimizeCommand.self, ValidateCommand.self, SchemaCommand.self, TheoryCommand.self]
    )
}
