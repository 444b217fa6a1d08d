import CGLPK
import Foundation

/// The shifts chosen to cover a staffing requirement.
public struct ShiftCover: Sendable, Equatable {
    /// The patterns with at least one person on them, and how many.
    public let assignments: [(pattern: ShiftPattern, staff: Int)]
    /// Staff on duty per interval (at least the requirement).
    public let onDuty: [Int]
    public let cost: Double

    public static func == (lhs: ShiftCover, rhs: ShiftCover) -> Bool {
        lhs.onDuty == rhs.onDuty && lhs.cost == rhs.cost && lhs.assignments.elementsEqual(rhs.assignments) { $0 == $1 }
    }
}

public enum ShiftCoveringError: Error, Equatable, CustomStringConvertible {
    /// Intervals that need staff but that no shift covers.
    case uncoverable(intervals: [Int])
    /// GLPK did not prove an optimum (it should not happen on a feasible covering).
    case solverFailed(String)

    public var description: String {
        switch self {
        case .uncoverable(let intervals): "no shift covers interval(s) \(intervals.map(String.init).joined(separator: ", ")), which need staff"
        case .solverFailed(let reason): "the shift-covering solver failed: \(reason)"
        }
    }
}

/// The cheapest set of shifts that puts at least the required staff on duty
/// in every interval: min Σ cost·x subject to Σ covering x ≥ requirement,
/// x a whole number of people per pattern. It is a set-covering integer
/// program, solved to proven optimality by GLPK's branch and cut; among
/// equally cheap covers, a second solve takes the fewest staff-intervals
/// on duty, so that free shifts add no one at random.
public enum ShiftCovering {
    /// GLPK keeps per-thread state and prints to the terminal by default;
    /// calls are serialised and silenced.
    private static let solverLock = NSLock()

    /// The longest one covering may take (seconds); a day's menu takes milliseconds.
    static let secondsAllowed = 20

    /// - Parameters:
    ///   - requirement: staff needed per interval.
    ///   - patterns: every way to work a shift (`ShiftPattern.all`).
    /// - Throws: `ShiftCoveringError.uncoverable` when an interval that needs
    ///   staff is covered by no pattern.
    /// - Complexity: NP-hard in general; instances of a day (tens of
    ///   intervals, hundreds of patterns) solve in milliseconds.
    public static func cheapest(requirement: [Int], patterns: [ShiftPattern]) throws -> ShiftCover {
        let useful = patterns.filter { !$0.covers.isEmpty }
        var coverable = Array(repeating: false, count: requirement.count)
        for pattern in useful { for interval in pattern.covers where interval < requirement.count { coverable[interval] = true } }
        let uncovered = requirement.indices.filter { requirement[$0] > 0 && !coverable[$0] }
        guard uncovered.isEmpty else { throw ShiftCoveringError.uncoverable(intervals: uncovered) }
        guard requirement.contains(where: { $0 > 0 }) else {
            return ShiftCover(assignments: [], onDuty: Array(repeating: 0, count: requirement.count), cost: 0)
        }
        let staff = try solve(requirement: requirement, patterns: useful)
        var onDuty = Array(repeating: 0, count: requirement.count)
        var assignments: [(pattern: ShiftPattern, staff: Int)] = []
        var cost = 0.0
        for (pattern, count) in zip(useful, staff) where count > 0 {
            assignments.append((pattern, count))
            cost += Double(count) * pattern.cost
            for interval in pattern.covers where interval < onDuty.count { onDuty[interval] += count }
        }
        return ShiftCover(assignments: assignments, onDuty: onDuty, cost: cost)
    }

    private static func solve(requirement: [Int], patterns: [ShiftPattern]) throws -> [Int] {
        solverLock.lock()
        defer { solverLock.unlock() }
        _ = glp_term_out(GLP_OFF)
        guard let problem = glp_create_prob() else { throw ShiftCoveringError.solverFailed("GLPK could not create a problem") }
        defer { glp_delete_prob(problem) }
        glp_set_obj_dir(problem, GLP_MIN)
        glp_add_rows(problem, Int32(requirement.count))
        for (row, needed) in requirement.enumerated() {
            glp_set_row_bnds(problem, Int32(row + 1), GLP_LO, Double(needed), 0)
        }
        glp_add_cols(problem, Int32(patterns.count))
        // GLPK's sparse matrix arrays are 1-based: element 0 is unused.
        var rows: [Int32] = [0], columns: [Int32] = [0], values: [Double] = [0]
        for (column, pattern) in patterns.enumerated() {
            let index = Int32(column + 1)
            glp_set_col_bnds(problem, index, GLP_LO, 0, 0)
            glp_set_col_kind(problem, index, GLP_IV)
            glp_set_obj_coef(problem, index, pattern.cost)
            for interval in Set(pattern.covers).sorted() where interval < requirement.count {
                rows.append(Int32(interval + 1))
                columns.append(index)
                values.append(1)
            }
        }
        glp_load_matrix(problem, Int32(values.count - 1), &rows, &columns, &values)
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.presolve = GLP_ON
        parameters.msg_lev = GLP_MSG_OFF
        // A menu no outlet has (thousands of intervals and starts) must end in an answer, not a hang.
        parameters.tm_lim = Int32(secondsAllowed * 1000)
        let status = glp_intopt(problem, &parameters)
        if status == GLP_ETMLIM {
            throw ShiftCoveringError.solverFailed("no proven optimum within \(secondsAllowed) s (\(patterns.count) shift patterns over \(requirement.count) intervals)")
        }
        guard status == 0 else { throw ShiftCoveringError.solverFailed("glp_intopt returned \(status)") }
        guard glp_mip_status(problem) == GLP_OPT else {
            throw ShiftCoveringError.solverFailed("no proven optimum (status \(glp_mip_status(problem)))")
        }
        // Among the cheapest covers, the one with the fewest staff on duty:
        // free or equally priced shifts must not put staff on duty at random.
        let cheapest = glp_mip_obj_val(problem)
        let row = glp_add_rows(problem, 1)
        glp_set_row_bnds(problem, row, GLP_UP, 0, cheapest + 1e-7 * max(1, abs(cheapest)))
        var costColumns: [Int32] = [0], costs: [Double] = [0]
        for (column, pattern) in patterns.enumerated() {
            costColumns.append(Int32(column + 1))
            costs.append(pattern.cost)
            glp_set_obj_coef(problem, Int32(column + 1), Double(Set(pattern.covers).count))
        }
        glp_set_mat_row(problem, row, Int32(patterns.count), &costColumns, &costs)
        let second = glp_intopt(problem, &parameters)
        if second == GLP_ETMLIM {
            throw ShiftCoveringError.solverFailed("no proven optimum within \(secondsAllowed) s (\(patterns.count) shift patterns over \(requirement.count) intervals)")
        }
        guard second == 0, glp_mip_status(problem) == GLP_OPT else {
            throw ShiftCoveringError.solverFailed("no proven optimum among the cheapest covers (status \(glp_mip_status(problem)))")
        }
        return patterns.indices.map { Int(glp_mip_col_val(problem, Int32($0 + 1)).rounded()) }
    }
}
