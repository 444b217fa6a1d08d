import Scenario

extension Metric {
    /// How the metric is shown everywhere: shares as percentages, times in
    /// minutes, money in yuan (``ValueUnit``).
    public var unit: ValueUnit {
        switch self {
        case .outcomeShare, .shareAbandoned, .kioskShare, .kioskSuccessRate, .shareServedWithin, .windowUtilisation,
             .utilisation, .shareOfTimeBroken, .daysMeeting, .shareHelped, .shareTriaged:
            .share
        case .waitMean, .ticketWaitMean, .waitPercentile, .waitMax, .timeInOutletMean, .timeInOutletPercentile,
             .standingMinutes, .overtimeMinutes, .guideWaitMean, .greeterWaitMean:
            .minutes
        case .windowStaffHours, .staffHours, .flexibleStaffHours: .hours
        case .cost: .yuan
        case .arrivals, .outcomeCount, .tickets, .breakdowns, .guideRequests, .triaged: .count
        case .occupancyMean, .occupancyMax, .standingMax, .waitingAtEnd, .inOutletMean, .inOutletAtEnd, .queueLength: .people
        case .openWindows: .staff
        case .counterLoadErlangs: .erlangs
        case .waitingDensityMean, .waitingDensityPeak, .zoneDensityMean, .zoneDensityPeak: .density
        }
    }
}
