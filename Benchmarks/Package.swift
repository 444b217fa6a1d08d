// swift-tools-version: 6.1
// OutletSim's benchmarks, kept apart from the main package so that its users
// never build the benchmark harness.
import PackageDescription

// A path dependency's identity is its folder's name, which differs between
// clones; read it rather than assume it.
let root = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "main")

let package = Package(
    name: "OutletSimBenchmarks",
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // M/M/10 at rho 0.9 with 1,000,000 customers: wall clock, throughput,
        // peak memory and allocations, by ordo-one/benchmark.
        .executableTarget(
            name: "KernelBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ReferenceModels", package: root),
                .product(name: "Distributions", package: root),
            ],
            path: "Benchmarks/KernelBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The same model as a plain command printing customers per second,
        // which the peer comparison runs beside SimPy and Ciw.
        .executableTarget(
            name: "mmc-throughput",
            dependencies: [
                .product(name: "ReferenceModels", package: root),
                .product(name: "Distributions", package: root),
            ],
            path: "Sources/MMcThroughput"
        ),
        // A scenario's days on one core: customers per second and peak memory.
        .executableTarget(
            name: "outlet-throughput",
            dependencies: [
                .product(name: "OutletEngine", package: root),
                .product(name: "ScenarioFile", package: root),
            ],
            path: "Sources/OutletThroughput"
        ),
    ],
    swiftLanguageModes: [.v6]
)
