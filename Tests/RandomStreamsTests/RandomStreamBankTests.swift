import Testing
import RandomStreams

@Suite("Random stream bank")
struct RandomStreamBankTests {
    func draws(_ bank: borrowing RandomStreamBank, _ purpose: StreamPurpose, count: Int = 1_000) -> [Double] {
        guard let stream = bank.index(of: purpose) else { return [] }
        return (0..<count).map { _ in bank.uniform(stream) }
    }

    @Test("a stream is reproducible from (seed, replication, purpose)")
    func reproducible() throws {
        let first = try RandomStreamBank(seed: 11, replication: 2, purposes: [.arrivals, .patience])
        let second = try RandomStreamBank(seed: 11, replication: 2, purposes: [.arrivals, .patience])
        #expect(draws(first, .arrivals) == draws(second, .arrivals))
        #expect(draws(first, .patience) == draws(second, .patience))
    }

    @Test("adding purposes, or listing them in another order, leaves every stream's numbers unchanged")
    func commonRandomNumbers() throws {
        let small = try RandomStreamBank(seed: 5, replication: 0, purposes: [.arrivals, .service(of: "cash")])
        let large = try RandomStreamBank(seed: 5, replication: 0,
                                         purposes: [.service(of: "VIP"), .routing, .service(of: "cash"), .arrivals])
        #expect(draws(small, .arrivals) == draws(large, .arrivals))
        #expect(draws(small, .service(of: "cash")) == draws(large, .service(of: "cash")))
    }

    @Test("purposes, replications and seeds each give different numbers")
    func independentStreams() throws {
        let bank = try RandomStreamBank(seed: 5, replication: 0, purposes: [.arrivals, .patience])
        let nextReplication = try RandomStreamBank(seed: 5, replication: 1, purposes: [.arrivals])
        let otherSeed = try RandomStreamBank(seed: 6, replication: 0, purposes: [.arrivals])
        let arrivals = draws(bank, .arrivals)
        #expect(arrivals != draws(bank, .patience))
        #expect(arrivals != draws(nextReplication, .arrivals))
        #expect(arrivals != draws(otherSeed, .arrivals))
    }

    @Test("reseeding rewinds to the same numbers as a new bank")
    func reseed() throws {
        let bank = try RandomStreamBank(seed: 9, replication: 0, purposes: [.routing])
        let before = draws(bank, .routing)
        bank.reseed(seed: 9, replication: 4)
        let fresh = try RandomStreamBank(seed: 9, replication: 4, purposes: [.routing])
        let after = draws(bank, .routing)
        #expect(after == draws(fresh, .routing))
        #expect(after != before)
    }

    @Test("uniform draws lie in (0, 1) with mean 1/2 and variance 1/12")
    func uniformMoments() throws {
        let bank = try RandomStreamBank(seed: 1, replication: 0, purposes: [.arrivals])
        let n = 200_000
        let values = draws(bank, .arrivals, count: n)
        #expect(values.allSatisfy { $0 > 0 && $0 < 1 })
        let mean = values.reduce(0, +) / Double(n)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        // Standard errors: sqrt(1/12/n) for the mean, sqrt((1/80 - 1/144)/n) for the variance.
        #expect(abs(mean - 0.5) < 4 * (1.0 / 12 / Double(n)).squareRoot())
        #expect(abs(variance - 1.0 / 12) < 4 * ((1.0 / 80 - 1.0 / 144) / Double(n)).squareRoot())
    }

    @Test("a purpose listed twice is a typed error, not a trap")
    func duplicatePurpose() {
        #expect(throws: RandomStreamError.duplicatePurpose("arrivals")) {
            _ = try RandomStreamBank(seed: 1, replication: 0, purposes: [.arrivals, .patience, .arrivals])
        }
    }

    @Test("purpose names are free UTF-8 and compose with refinements")
    func purposeNames() {
        #expect(StreamPurpose.service(of: "开户").name == "service/开户")
        #expect(StreamPurpose.arrivals.refined(by: "贵宾").name == "arrivals/贵宾")
    }
}
