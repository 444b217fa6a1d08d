// Runs a scenario's days on one core and prints one JSON line: customers per
// second over the days (excluding reading the file; the median of `--repeat`
// runs, default 5, each on a fresh engine) and peak resident memory.
// `--days N` (default 1000), `--seed S`. Run it with 10 and with 1000 days
// to see that memory does not grow with the days simulated.
import Foundation
import OutletEngine
import ScenarioFile

let arguments = CommandLine.arguments
func option(_ name: String, default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let parsed = Int(arguments[index + 1]) else { return value }
    return parsed
}
guard arguments.count > 1, !arguments[1].hasPrefix("--") else {
    FileHandle.standardError.write(Data("usage: outlet-throughput SCENARIO.yaml [--days N] [--seed S]\n".utf8))
    exit(2)
}
let days = option("--days", default: 1_000)
do {
    let scenario = try ScenarioLoader.load(path: arguments[1])
    var customers = 0
    var runs: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<max(1, option("--repeat", default: 5)) {
        var engine = try OutletEngine(scenario: scenario, seed: UInt64(option("--seed", default: 1)))
        customers = 0
        let elapsed = clock.measure {
            for day in 0..<days { customers += engine.run(day: day).totalArrivals }
        }
        runs.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    runs.sort()
    let seconds = runs[runs.count / 2]
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    print("{\"scenario\": \"\(scenario.name)\", \"days\": \(days), \"customers\": \(customers), \"seconds\": \(seconds), "
        + "\"customers_per_second\": \(Double(customers) / seconds), \"best_customers_per_second\": \(Double(customers) / runs[0]), "
        + "\"runs\": \(runs.count), \"peak_rss_kib\": \(usage.ru_maxrss)}")
} catch let problems as ScenarioProblems {
    FileHandle.standardError.write(Data("\(problems)\n".utf8))
    exit(2)
} catch {
    FileHandle.standardError.write(Data("outlet-throughput: \(error)\n".utf8))
    exit(1)
}
