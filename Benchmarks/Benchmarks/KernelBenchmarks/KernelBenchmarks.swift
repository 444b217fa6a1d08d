import Benchmark
import Distributions
import ReferenceModels

/// M/M/10 at ρ = 0.9: 5-minute services, 108 arrivals per hour.
func kernelModel(customers: Int) throws -> MultiServerQueueModel {
    try MultiServerQueueModel(arrivalsPerHour: [108], servers: 10, serviceTime: .exponential(mean: 5),
                              warmUpCustomers: 0, measuredCustomers: customers)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuUser, .throughput, .peakMemoryResident, .mallocCountTotal],
        warmupIterations: 1,
        maxDuration: .seconds(20),
        maxIterations: 10
    )

    // One iteration simulates 1,000,000 customers; throughput in
    // iterations per second times 10^6 is customers per second.
    Benchmark("M/M/10 rho 0.9, 1M customers") { benchmark in
        let model = try kernelModel(customers: 1_000_000)
        var replication = 0
        for _ in benchmark.scaledIterations {
            benchmark.startMeasurement()
            let statistics = try MultiServerQueue.simulate(model, seed: 1, replication: replication)
            benchmark.stopMeasurement()
            blackHole(statistics.pooled.served)
            replication += 1
        }
    }
}
