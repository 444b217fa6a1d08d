// swift-tools-version: 6.0
// OutletSim: a discrete-event simulator for staffing and laying out service
// outlets. GPL-3.0-or-later (it links GSL).
import PackageDescription

let package = Package(
    name: "OutletSim",
    products: [
        .executable(name: "outletsim", targets: ["OutletSimCLI"]),
        .library(name: "RandomStreams", targets: ["RandomStreams"]),
        .library(name: "Distributions", targets: ["Distributions"]),
        .library(name: "EventKernel", targets: ["EventKernel"]),
        .library(name: "QueueingTheory", targets: ["QueueingTheory"]),
        .library(name: "Statistics", targets: ["Statistics"]),
        .library(name: "ReferenceModels", targets: ["ReferenceModels"]),
        .library(name: "Scenario", targets: ["Scenario"]),
        .library(name: "OutletEngine", targets: ["OutletEngine"]),
        .library(name: "ScenarioFile", targets: ["ScenarioFile"]),
        .library(name: "Measurement", targets: ["Measurement"]),
        .library(name: "Replications", targets: ["Replications"]),
        .library(name: "OutputKit", targets: ["OutputKit"]),
        .library(name: "Results", targets: ["Results"]),
        .library(name: "Report", targets: ["Report"]),
        .library(name: "OptimizerOutput", targets: ["OptimizerOutput"]),
        .library(name: "FitOutput", targets: ["FitOutput"]),
        .library(name: "ShiftCovering", targets: ["ShiftCovering"]),
        .library(name: "Evaluation", targets: ["Evaluation"]),
        .library(name: "Optimizer", targets: ["Optimizer"]),
        .library(name: "QueueLog", targets: ["QueueLog"]),
        .library(name: "Forecasting", targets: ["Forecasting"]),
        .library(name: "ForecastOutput", targets: ["ForecastOutput"]),
        .library(name: "Studio", targets: ["Studio"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
    ],
    targets: [
        // GSL, the source of every random variate and of the Student t quantiles.
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev", "pkg-config"])]
        ),
        // GLPK (GNU Linear Programming Kit) for the shift-covering integer programs.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // Seeded GSL generators, one per purpose (arrivals, service, patience, ...).
        .target(name: "RandomStreams", dependencies: ["CGSL"]),
        // Service, patience and other times as planners state them, in minutes.
        .target(name: "Distributions", dependencies: ["RandomStreams", "CGSL"]),
        // The calendar of future events ordered by (time, sequence), and the clock.
        .target(
            name: "EventKernel",
            swiftSettings: [.define("OUTLETSIM_INVARIANTS", .when(configuration: .debug))]
        ),
        // Closed-form results: Erlang B/C/A, M/M/c/K, priority M/M/c, M/G/1.
        .target(name: "QueueingTheory"),
        // Summaries across replications and their confidence intervals.
        .target(name: "Statistics", dependencies: ["CGSL"]),
        // One day of one outlet as validated values in the planner's terms.
        .target(name: "Scenario", dependencies: ["Distributions"]),
        // Scenario files: YAML read into a validated Scenario, every problem
        // located by file, line, column and key path, priced in shifts when
        // it has a shift menu; and the JSON Schema.
        .target(
            name: "ScenarioFile",
            dependencies: ["Scenario", "Distributions", "ShiftCovering", .product(name: "Yams", package: "Yams")]
        ),
        // One day of one outlet: zones, customer behaviours and policies on the kernel.
        .target(
            name: "OutletEngine",
            dependencies: ["Scenario", "Distributions", "RandomStreams", "EventKernel"]
        ),
        // Each replication's metrics from its customer records and time integrals.
        .target(name: "Measurement", dependencies: ["OutletEngine", "Scenario", "Statistics"]),
        // Independent days across threads, and their statistics with intervals.
        .target(
            name: "Replications",
            dependencies: ["Measurement", "OutletEngine", "Scenario", "Statistics", "RandomStreams", "QueueingTheory"]
        ),
        // The small kit every feature's output is made with: results folders
        // written whole or not at all, CSV and JSON, SVG charts and the page.
        .target(name: "OutputKit"),
        // The results of run, check and compare: summary.json, tidy CSV tables,
        // shards, traces, CI reports, comparisons and what changed between plans.
        .target(
            name: "Results",
            dependencies: ["OutputKit", "Replications", "Measurement", "OutletEngine", "Scenario", "Evaluation", "QueueLog"]
        ),
        // report.html of a run and comparison.html: self-contained pages of inline SVG charts.
        .target(name: "Report", dependencies: ["OutputKit", "Results", "Replications", "Measurement", "Scenario"]),
        // What optimize writes: plan.yaml, its tables, its findings and its page.
        .target(
            name: "OptimizerOutput",
            dependencies: ["OutputKit", "Results", "Report", "Optimizer", "Evaluation", "Replications", "Measurement", "Scenario",
                           "ScenarioFile", "ShiftCovering"]
        ),
        // What fit writes: the fitted scenario's files and its page.
        .target(name: "FitOutput", dependencies: ["OutputKit", "Calibration", "QueueLog", "Scenario"]),
        // The one door to the engine for the optimizer and comparison tools:
        // a plan simulated on given days with common random numbers, targets judged.
        .target(name: "Evaluation", dependencies: ["Replications", "Measurement", "OutletEngine", "Scenario"]),
        // The cheapest staffing plan and layout that meets the targets.
        .target(
            name: "Optimizer",
            dependencies: ["Evaluation", "ShiftCovering", "QueueingTheory", "Replications", "Measurement", "OutletEngine", "Scenario"]
        ),
        // Queue-system logs (one row per ticket) read through a column mapping, checked and located.
        .target(name: "QueueLog", dependencies: ["ScenarioFile", .product(name: "Yams", package: "Yams")]),
        // A scenario fitted to a queue-system log, every estimate with its
        // interval, and simulated back against the log.
        .target(name: "Calibration", dependencies: ["QueueLog", "Scenario", "ScenarioFile", "Distributions", "Statistics", "Evaluation", "Measurement", "OutletEngine", "RandomStreams", "CGSL"]),
        // Walk-in demand forecast from a queue-system log: a day level by
        // negative-binomial regression on weekday, trend and calendar, an
        // intraday profile, a rolling-origin backtest and today's update.
        .target(name: "Forecasting", dependencies: ["QueueLog", "ScenarioFile", "RandomStreams", "CGSL", .product(name: "Yams", package: "Yams")]),
        // What forecast writes: forecast.csv and .json, its page and the scenario variants.
        .target(name: "ForecastOutput", dependencies: ["OutputKit", "Forecasting", "QueueLog", "Scenario", "ScenarioFile", "Evaluation",
                                                       "Replications", "Measurement"]),
        // The planner's studio apart from HTTP: the opened folder, drafts
        // read as scenario variants, and their answers simulated in turn.
        .target(name: "Studio", dependencies: ["Evaluation", "Optimizer", "Replications", "Measurement", "OutletEngine", "Scenario", "ScenarioFile",
                                               "OutputKit", "Results", "Report"]),
        // `outletsim studio`'s HTTP server (Hummingbird): the page, its ES
        // modules and style embedded in the binary, and the JSON API.
        .target(
            name: "StudioServer",
            dependencies: ["Studio", "Optimizer", "Scenario", "Evaluation", "OutputKit", "ScenarioFile", .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio")],
            resources: [.embedInCode("Page/index.html"), .embedInCode("Page/studio.js"), .embedInCode("Page/editors.js"),
                        .embedInCode("Page/api.js"), .embedInCode("Page/replay.js"), .embedInCode("Page/floor.js"), .embedInCode("Page/shifts.js"), .embedInCode("Page/studio.css")]
        ),
        // The cheapest set of shifts that covers a staffing requirement per interval.
        .target(name: "ShiftCovering", dependencies: ["CGLPK", "Scenario"]),
        // Textbook multi-server queues on the event kernel, to prove it against theory.
        .target(
            name: "ReferenceModels",
            dependencies: ["EventKernel", "RandomStreams", "Distributions"]
        ),
        .executableTarget(
            name: "OutletSimCLI",
            dependencies: [
                "ReferenceModels", "QueueingTheory", "Statistics", "Distributions",
                "Scenario", "ScenarioFile", "OutletEngine", "Measurement", "Replications", "OutputKit", "Results", "Report",
                "OptimizerOutput", "FitOutput", "Forecasting", "ForecastOutput",
                "Evaluation", "Optimizer", "ShiftCovering", "QueueLog", "Calibration", "Studio", "StudioServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "RandomStreamsTests", dependencies: ["RandomStreams", "CGSL"]),
        .testTarget(name: "DistributionsTests", dependencies: ["Distributions", "RandomStreams", "Statistics", "CGSL"]),
        .testTarget(name: "EventKernelTests", dependencies: ["EventKernel"]),
        .testTarget(name: "QueueingTheoryTests", dependencies: ["QueueingTheory"]),
        .testTarget(name: "QueueLogTests", dependencies: ["QueueLog", "ScenarioFile"]),
        .testTarget(name: "CalibrationTests", dependencies: ["Calibration", "Distributions", "RandomStreams", "CGSL"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics"]),
        .testTarget(name: "OutputKitTests", dependencies: ["OutputKit"]),
        .testTarget(name: "ForecastingTests", dependencies: ["Forecasting", "QueueLog", "ScenarioFile", "CGSL"]),
        .testTarget(
            name: "ReferenceModelsTests",
            dependencies: ["ReferenceModels", "Distributions", "Statistics"]
        ),
        .testTarget(
            name: "OutletEngineTests",
            dependencies: ["OutletEngine", "Scenario", "Distributions", "Statistics"]
        ),
        .testTarget(
            name: "ScenarioFileTests",
            dependencies: ["ScenarioFile", "Scenario", "Distributions", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]
        ),
        // Runs the built `outletsim` as users do; shared by the command-line test targets.
        .target(name: "CommandTesting", path: "Tests/CommandTesting"),
        .testTarget(name: "OutletSimCLITests", dependencies: ["OutletSimCLI", "CommandTesting", "OutputKit", "Results"], exclude: ["Snapshots", "Fixtures"]),
        .testTarget(name: "HostileInputTests", dependencies: ["OutletSimCLI", "CommandTesting", "OutputKit", "Results"]),
        .testTarget(name: "MeasurementTests", dependencies: ["Measurement", "Replications", "OutletEngine", "Scenario", "Distributions", "Statistics"]),
        .testTarget(name: "ReplicationsTests", dependencies: ["Replications", "Measurement", "Scenario", "ScenarioFile", "OutletEngine"]),
        .testTarget(name: "StudioTests", dependencies: ["Studio", "Scenario", "ScenarioFile"]),
        .testTarget(name: "ShiftCoveringTests", dependencies: ["ShiftCovering", "Scenario"]),
        .testTarget(
            name: "OptimizerTests",
            dependencies: ["Optimizer", "Evaluation", "QueueingTheory", "Scenario", "ScenarioFile", "Distributions", "Measurement", "Replications"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
