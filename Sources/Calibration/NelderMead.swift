import Foundation

/// The Nelder-Mead simplex search, for the few-parameter likelihoods of
/// censored data, which have no closed-form maximum and whose gradients
/// would need the families' derivatives of incomplete gamma functions.
enum NelderMead {
    /// The point near `start` where `f` is smallest, and `f` there;
    /// `step` is the simplex's initial size in each coordinate. Non-finite
    /// values of `f` count as +∞, so a search never steps into them.
    ///
    /// - Complexity: O(iterations × (cost of f + n²)), at most `iterations` steps.
    static func minimize(_ f: ([Double]) -> Double, start: [Double], step: Double = 0.5, iterations: Int = 400,
                         tolerance: Double = 1e-9) -> (point: [Double], value: Double) {
        let n = start.count
        func value(_ x: [Double]) -> Double {
            let y = f(x)
            return y.isFinite ? y : .infinity
        }
        var simplex: [[Double]] = [start]
        for i in 0..<n {
            var vertex = start
            vertex[i] += step
            simplex.append(vertex)
        }
        var values = simplex.map(value)
        for _ in 0..<iterations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            if abs(values[n] - values[0]) <= tolerance * (abs(values[0]) + tolerance) { break }
            var centroid = Array(repeating: 0.0, count: n)
            for vertex in simplex.dropLast() { for i in 0..<n { centroid[i] += vertex[i] / Double(n) } }
            func along(_ factor: Double) -> [Double] { (0..<n).map { centroid[$0] + factor * (simplex[n][$0] - centroid[$0]) } }
            let reflected = along(-1), reflectedValue = value(reflected)
            if reflectedValue < values[0] {
                let expanded = along(-2), expandedValue = value(expanded)
                (simplex[n], values[n]) = expandedValue < reflectedValue ? (expanded, expandedValue) : (reflected, reflectedValue)
            } else if reflectedValue < values[n - 1] {
                (simplex[n], values[n]) = (reflected, reflectedValue)
            } else {
                let contracted = reflectedValue < values[n] ? along(-0.5) : along(0.5)
                let contractedValue = value(contracted)
                if contractedValue < min(reflectedValue, values[n]) {
                    (simplex[n], values[n]) = (contracted, contractedValue)
                } else {
                    // Shrink towards the best vertex.
                    for k in 1...n {
                        simplex[k] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[k][$0] - simplex[0][$0]) }
                        values[k] = value(simplex[k])
                    }
                }
            }
        }
        let best = values.indices.min { values[$0] < values[$1] } ?? 0
        return (simplex[best], values[best])
    }

    /// The matrix of second derivatives of `f` at `x`, by central differences of size `h`.
    ///
    /// - Complexity: O(n²) evaluations of f.
    static func hessian(_ f: ([Double]) -> Double, at x: [Double], h: Double = 1e-3) -> [[Double]] {
        let n = x.count
        var result = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        let center = f(x)
        for i in 0..<n {
            for j in i..<n {
                func shifted(_ di: Double, _ dj: Double) -> Double {
                    var y = x
                    y[i] += di
                    y[j] += dj
                    return f(y)
                }
                let value: Double
                if i == j {
                    value = (shifted(h, 0) - 2 * center + shifted(-h, 0)) / (h * h)
                } else {
                    value = (shifted(h, h) - shifted(h, -h) - shifted(-h, h) + shifted(-h, -h)) / (4 * h * h)
                }
                result[i][j] = value
                result[j][i] = value
            }
        }
        return result
    }

    /// The inverse of a 1×1 or 2×2 matrix; nil when singular.
    static func inverse(_ m: [[Double]]) -> [[Double]]? {
        switch m.count {
        case 1:
            return m[0][0] != 0 ? [[1 / m[0][0]]] : nil
        case 2:
            let det = m[0][0] * m[1][1] - m[0][1] * m[1][0]
            guard det != 0, det.isFinite else { return nil }
            return [[m[1][1] / det, -m[0][1] / det], [-m[1][0] / det, m[0][0] / det]]
        default:
            return nil
        }
    }
}
