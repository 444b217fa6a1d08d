import Foundation
import Statistics
import QueueLog

/// Booked visits in the log: bookings per interval, the share of booked
/// customers who never came, and how late the others came.
public struct AppointmentFit: Sendable {
    /// Mean bookings per day by segment, transaction and interval of the booked time.
    public let bookingsPerDay: [[[Double]]]
    /// Bookings nobody came for, as a share of bookings.
    public let noShow: IntervalEstimate
    /// Minutes from the booked time to the ticket (negative: early): mean and sd.
    public let lateness: (mean: IntervalEstimate, sd: Double)?
    public let bookings: Int

    init?(tickets: [TicketRecord], days: Int, segments: Int, transactions: Int, opening: Double, intervalMinutes: Double,
          intervalCount: Int) {
        let booked = tickets.filter(\.isAppointment)
        guard !booked.isEmpty else { return nil }
        bookings = booked.count
        var perDay = Array(repeating: Array(repeating: Array(repeating: 0.0, count: intervalCount), count: transactions), count: segments)
        for ticket in booked {
            let interval = min(max(Int((ticket.appointment - opening) / intervalMinutes), 0), intervalCount - 1)
            perDay[ticket.segment][ticket.transaction][interval] += 1 / Double(max(days, 1))
        }
        bookingsPerDay = perDay
        let absent = booked.filter(\.absentBooking)
        noShow = Estimate.wilson(successes: Double(absent.count), trials: booked.count, level: 0.95)
        let offsets = booked.filter { !$0.absentBooking }.map { $0.issued - $0.appointment }
        if offsets.count >= 2 {
            let n = Double(offsets.count), mean = offsets.reduce(0, +) / n
            let sd = sqrt(offsets.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1))
            let half = 1.959963984540054 * sd / sqrt(n)
            lateness = (IntervalEstimate(value: mean, low: mean - half, high: mean + half), sd)
        } else {
            lateness = nil
        }
    }
}
