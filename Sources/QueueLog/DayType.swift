/// Which days of the log a fit uses: demand differs by day type, so a
/// weekday scenario is fitted on weekdays.
public enum DayType: String, CaseIterable, Sendable {
    case all
    case weekday
    case saturday
    case sunday
    case weekend

    public func includes(_ date: LogDate) -> Bool {
        switch self {
        case .all: true
        case .weekday: date.weekday <= 5
        case .saturday: date.weekday == 6
        case .sunday: date.weekday == 7
        case .weekend: date.weekday >= 6
        }
    }

    /// The type a date is reported under (weekday, saturday or sunday).
    public static func of(_ date: LogDate) -> DayType {
        date.weekday <= 5 ? .weekday : date.weekday == 6 ? .saturday : .sunday
    }
}
