extension ServiceTarget.Measure {
    /// How the measure's values and bounds are shown (``ValueUnit``).
    public var unit: ValueUnit {
        switch self {
        case .shareServedWithin, .abandonment, .windowUtilisation, .greeterUtilisation, .guideUtilisation, .shareTriaged, .shareHelped: .share
        case .meanWait, .waitPercentile, .overtime, .greeterWait, .guideWait: .minutes
        case .maxStanding: .people
        case .crowding: .density
        }
    }
}
