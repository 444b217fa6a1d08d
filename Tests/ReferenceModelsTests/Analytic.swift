import Foundation

/// Closed forms computed here, independently of the QueueingTheory module,
/// so that a slip there cannot hide a slip in the simulation.
enum Analytic {
    /// a^n / n! for n = 0...upTo, by products.
    static func poissonTerms(load a: Double, upTo n: Int) -> [Double] {
        var terms = [1.0]
        for k in stride(from: 1, through: max(n, 0), by: 1) { terms.append(terms[k - 1] * a / Double(k)) }
        return terms
    }

    /// Erlang C as c·B / (c − a(1 − B)), with Erlang B by its defining ratio.
    static func erlangC(servers c: Int, load a: Double) -> Double {
        let terms = poissonTerms(load: a, upTo: c)
        let b = terms[c] / terms.reduce(0, +)
        return Double(c) * b / (Double(c) - a * (1 - b))
    }

    /// M/M/c mean wait, minutes: C / (cμ − λ).
    static func erlangCWait(servers c: Int, arrivalRate lambda: Double, meanService s: Double) -> Double {
        erlangC(servers: c, load: lambda * s) / (Double(c) / s - lambda)
    }

    /// M/M/c/K state probabilities: p_n ∝ a^n/n! up to c, then a^c/c!·ρ^(n−c).
    static func finiteRoom(servers c: Int, capacity k: Int, load a: Double) -> [Double] {
        let terms = poissonTerms(load: a, upTo: c)
        let rho = a / Double(c)
        var weights = terms
        for n in stride(from: c + 1, through: k, by: 1) { weights.append(terms[c] * pow(rho, Double(n - c))) }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }

    /// Erlang A (M/M/c+M) state probabilities: p_n ∝ a^n/n! up to c, then
    /// p_c·Π_{j=1}^{n−c} λ/(cμ + jθ), cut where the terms vanish.
    static func erlangA(servers c: Int, arrivalRate lambda: Double, meanService s: Double,
                        meanPatience p: Double) -> [Double] {
        var weights = poissonTerms(load: lambda * s, upTo: c)
        var j = 1
        while true {
            let next = weights[weights.count - 1] * lambda / (Double(c) / s + Double(j) / p)
            if next < 1e-18 * weights.reduce(0, +) { break }
            weights.append(next)
            j += 1
        }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }
}
