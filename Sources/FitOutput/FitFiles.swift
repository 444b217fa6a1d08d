import Calibration
import Foundation
import OutputKit
import QueueLog
import Scenario

/// What `outletsim fit` writes besides the report: fit.json, every
/// estimate with its 95% interval and the back-validation.
public struct FitFiles {
    public let fit: OutletFit
    public let fitted: FittedScenario
    public let validation: BackValidation?
    public let version: String

    public init(fit: OutletFit, fitted: FittedScenario, validation: BackValidation?, version: String) {
        self.fit = fit
        self.fitted = fitted
        self.validation = validation
        self.version = version
    }

    static func estimate(_ e: IntervalEstimate) -> JSONValue {
        .object([("value", .finite(e.value)), ("low", .finite(e.low)), ("high", .finite(e.high))])
    }

    /// A comparison's scope as JSON members: `interval` or `segment`, or `scope: day`.
    static func scope(_ scope: BackValidation.Scope, fit: OutletFit, starts: [String]) -> [(String, JSONValue)] {
        switch scope {
        case .day: [("scope", .string("day"))]
        case let .interval(k): [("scope", .string("interval")), ("interval", .string(starts[k]))]
        case let .segment(s): [("scope", .string("segment")), ("segment", .string(fit.log.segments[s]))]
        }
    }

    public var intervalStarts: [String] {
        (0..<fit.intervalCount).map { ClockTime(minutes: fit.opening + Double($0) * fit.settings.intervalMinutes).description }
    }

    public func json() -> JSONValue {
        let log = fit.log
        let starts = intervalStarts
        var members: [(String, JSONValue)] = [
            ("format", .string("outletsim-fit")), ("version", .integer(1)), ("outletsim_version", .string(version)),
            ("log", .object([("file", .string(log.file)), ("tickets", .integer(fit.tickets.count)),
                             ("days", .array(fit.days.map { .string(log.dates[$0].description) })),
                             ("day_type", .string(fit.settings.dayType.rawValue))])),
            ("settings", .object([("interval_minutes", .number(fit.settings.intervalMinutes)), ("seed", .string(String(fit.settings.seed))),
                                  ("validation_days", .integer(fit.settings.validationDays)), ("holdout", .number(fit.settings.holdout))])),
            ("opens", .string(ClockTime(minutes: fit.opening).description)), ("closes", .string(ClockTime(minutes: fit.closing).description)),
            ("intervals", .array(starts.map(JSONValue.string))),
        ]
        let leftOut = fit.leftOut
        members.append(("left_out", .object([
            ("rows_read", .integer(leftOut.rowsRead)), ("rows_left_out", .integer(leftOut.total)),
            ("by_reason", .object(leftOut.counts.map { ($0.reason.rawValue, .integer($0.rows)) })),
            ("biasing_share", .number(LeftOutShares.biasingShare)),
            ("segments_over_biasing_share", .object(leftOut.biasedSegments.map { (log.segments[$0], .finite(leftOut.bySegment[$0])) })),
            ("intervals_over_biasing_share", .object(leftOut.biasedIntervals.map { (starts[$0], .finite(leftOut.byInterval[$0])) })),
            ("rows", .array(log.leftOut.map { row in
                .object([("line", .integer(row.problem.line)), ("column", .integer(row.problem.column)), ("reason", .string(row.reason.rawValue)),
                         ("message", .string(row.problem.description))])
            })),
        ])))
        if let sessions = fit.sessions {
            members.append(("sessions", .object([
                ("rows_read", .integer(sessions.rowsRead)),
                ("window_days", .integer(sessions.open.values.reduce(0) { $0 + $1.count })),
                ("left_out", .array(sessions.leftOut.map { .string($0.description) })),
            ])))
        }
        members.append(("day_types", .array(fit.dayTypes.map {
            .object([("day_type", .string($0.type.rawValue)), ("days", .integer($0.days)), ("tickets_per_day", Self.estimate($0.ticketsPerDay))])
        })))
        members.append(("arrivals", .object([
            ("unit", .string("walk-in tickets per hour")),
            ("per_segment", .object(log.segments.enumerated().map { segment, name in
                (name, .array(fit.arrivals.rates[segment].enumerated().map { interval, rate in
                    .object([("interval", .string(starts[interval])), ("rate", Self.estimate(rate))])
                }))
            })),
            ("segment_shares", .object(log.segments.enumerated().map { ($1, Self.estimate(fit.segmentShares[$0])) })),
            ("dispersion", .object([
                ("test", .string("index of dispersion of tickets per interval across days (chi-squared under Poisson)")),
                ("statistic", .finite(fit.arrivals.dispersion)), ("degrees_of_freedom", .integer(fit.arrivals.degreesOfFreedom)),
                ("p_value", .finite(fit.arrivals.dispersionPValue)), ("more_than_poisson", .bool(fit.arrivals.overdispersed)),
            ])),
        ])))
        members.append(("mix", .object(log.segments.enumerated().map { segment, name in
            (name, .object(log.transactions.enumerated().map { ($1, Self.estimate(fit.mix[segment][$0])) }))
        })))
        members.append(("service_times", .object(log.transactions.enumerated().map { index, name in
            guard let service = fit.services[index] else { return (name, .null) }
            return (name, .object([
                ("served", .integer(service.sample.count)),
                ("chosen", .string(service.chosen?.family.rawValue ?? "empirical")),
                ("scenario", .string(service.scenarioText)),
                ("mean_minutes", Self.estimate(service.mean)), ("sd_minutes", Self.estimate(service.sd)),
                ("kolmogorov_smirnov", .object([("distance", .finite(service.ksDistance)), ("p_value", .finite(service.ksPValue)),
                                                ("note", .string("parameters estimated from the same sample: the p-value is conservative"))])),
                ("candidates", .array(service.candidates.map { family in
                    .object([("family", .string(family.family.rawValue)), ("aic", .finite(family.aic)),
                             ("log_likelihood", .finite(family.logLikelihood)), ("mean", .finite(family.mean)), ("sd", .finite(family.sd))])
                })),
            ]))
        })))
        members.append(("walk_to_window", fit.walk.map { walk in
            .object([("walks", .integer(walk.sample.count)), ("chosen", .string(walk.chosen?.family.rawValue ?? "empirical")),
                     ("scenario", .string(walk.scenarioText)), ("mean_minutes", Self.estimate(walk.mean)), ("sd_minutes", Self.estimate(walk.sd))])
        } ?? .null))
        members.append(("patience", .object(log.segments.enumerated().map { segment, name in
            let patience = fit.patience[segment], leavers = fit.leavers
            return (name, .object([
                ("observations", .integer(patience.observations)), ("left_before_call", .integer(leavers.calledNoShows[segment])),
                ("left_uncalled", .object([("leave_time_known", .integer(leavers.uncalledWithTime[segment])),
                                           ("before_their_turn", .integer(leavers.uncalledBeforeTurn[segment])),
                                           ("no_later_call_not_used", .integer(leavers.uncalledUnbounded[segment]))])),
                ("method", .string("censored maximum likelihood, smallest AIC (served: patience > wait to the call; no-shows: patience < wait to "
                                   + "the call; left uncalled: patience = wait to the leave time, or < wait to their number's turn)")),
                ("chosen", patience.chosen.map { .string($0.family.rawValue) } ?? .null),
                ("scenario", patience.chosen.map { .string($0.scenarioText) } ?? .null),
                ("mean_minutes", patience.mean.map(Self.estimate) ?? .null),
                ("candidates", .array(patience.candidates.map { family in
                    .object([("family", .string(family.family.rawValue)), ("aic", .finite(family.aic)),
                             ("log_likelihood", .finite(family.logLikelihood)), ("mean", .finite(family.mean)), ("sd", .finite(family.sd))])
                })),
                ("survival", .array(patience.survival.map {
                    .object([("minutes", .finite($0.minutes)), ("survival", .finite($0.survival)), ("low", .finite($0.low)), ("high", .finite($0.high))])
                })),
                ("fitted_outside_band_at_minutes", .array(patience.outsideBand.map(JSONValue.finite))),
            ]))
        })))
        members.append(("windows", .array(fit.staffing.groups.enumerated().map { index, group in
            .object([("group", .string(fitted.groupNames[index])), ("windows", .array(group.windows.map { .string(log.windows[$0]) })),
                     ("transactions", .array(group.transactions.map { .string(log.transactions[$0]) })),
                     ("segments", .array(group.segments.map { .string(log.segments[$0]) })),
                     ("open_per_interval", .array(group.open.map(JSONValue.finite)))])
        })))
        members.append(("calling", .object([
            ("priorities", .object(log.segments.enumerated().map { ($1, .integer(fit.calling.priorities[$0])) })),
            ("called_ahead", .object(log.segments.enumerated().map { a, name in
                (name, .object(log.segments.enumerated().filter { $0.offset != a }.map { ($1, .integer(fit.calling.overtakes[a][$0])) }))
            })),
        ])))
        if let appointments = fit.appointments {
            members.append(("appointments", .object([
                ("bookings", .integer(appointments.bookings)), ("no_show", Self.estimate(appointments.noShow)),
                ("lateness_minutes", appointments.lateness.map { Self.estimate($0.mean) } ?? .null),
                ("lateness_sd_minutes", appointments.lateness.map { .finite($0.sd) } ?? .null),
            ])))
        }
        if let validation {
            members.append(("back_validation", .object([
                ("days_simulated", .integer(validation.days)),
                ("log_days", .array(fit.validationDays.map { .string(log.dates[$0].description) })),
                ("held_out", .bool(!fit.heldOutDays.isEmpty)),
                ("agree", .integer(validation.judged.count - validation.misfits.count)), ("judged", .integer(validation.judged.count)),
                ("rule", .string("differs when |model - log| exceeds the root sum of squares of the two 95% half-widths")),
                ("comparisons", .array(validation.comparisons.map { comparison in
                    .object(Self.scope(comparison.scope, fit: fit, starts: starts) + [("quantity", .string(comparison.quantity.rawValue)),
                             ("log", Self.estimate(comparison.log)), ("model", Self.estimate(comparison.model)),
                             ("differs", .bool(comparison.differs))])
                })),
            ])))
        }
        return .object(members)
    }
}
