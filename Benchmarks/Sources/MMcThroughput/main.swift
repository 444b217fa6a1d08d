// Runs M/M/c on OutletSim's kernel with GSL streams, single-threaded,
// `--repeat` times (default 5, each a fresh replication of the same size),
// and prints one JSON line: customers per run, the median run's seconds and
// customers per second, the best rate, the mean wait and peak resident memory.
import Distributions
import Foundation
import ReferenceModels

func option(_ name: String, default value: Double) -> Double {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count,
          let parsed = Double(arguments[index + 1]) else { return value }
    return parsed
}

let customers = Int(option("--customers", default: 1_000_000))
let servers = Int(option("--servers", default: 10))
let rho = option("--rho", default: 0.9)
let repeats = max(1, Int(option("--repeat", default: 5)))
let meanService = 5.0
let arrivalsPerHour = rho * Double(servers) / meanService * 60

do {
    let model = try MultiServerQueueModel(arrivalsPerHour: [arrivalsPerHour], servers: servers,
                                          serviceTime: .exponential(mean: meanService),
                                          warmUpCustomers: 0, measuredCustomers: customers)
    let clock = ContinuousClock()
    var statistics: MultiServerQueueStatistics?
    var runs: [Double] = []
    for replication in 0..<repeats {
        let elapsed = try clock.measure {
            statistics = try MultiServerQueue.simulate(model, seed: 1, replication: replication)
        }
        runs.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    runs.sort()
    let seconds = runs[runs.count / 2]
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    let wait = statistics?.pooled.meanWaitOfServed ?? .nan
    print("{\"engine\": \"outletsim\", \"customers\": \(customers), \"seconds\": \(seconds), "
        + "\"customers_per_second\": \(Double(customers) / seconds), "
        + "\"best_customers_per_second\": \(Double(customers) / runs[0]), \"runs\": \(repeats), \"mean_wait\": \(wait), "
        + "\"peak_rss_kib\": \(usage.ru_maxrss)}")
} catch {
    FileHandle.standardError.write(Data("mmc-throughput: \(error)\n".utf8))
    exit(2)
}
