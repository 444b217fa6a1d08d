import RandomStreams
import Scenario

/// The day's random streams, one per purpose, named after the scenario's
/// own names so that adding a segment, a transaction type or a kiosk leaves
/// every other stream's numbers unchanged.
struct StreamIndices {
    let purposes: [StreamPurpose]
    /// Arrival times, per segment.
    let arrivals: [StreamIndex]
    /// Per-customer attributes (type, choices, patience), per segment.
    let customers: [StreamIndex]
    /// Group sizes, per segment.
    let groups: [StreamIndex]
    /// Counter service times, per transaction type.
    let service: [StreamIndex]
    /// Kiosk times, per transaction type.
    let kiosk: [StreamIndex]
    let triage: StreamIndex
    let walking: StreamIndex
    /// No-shows and lateness.
    let appointments: StreamIndex
    /// Failures and repairs, per kiosk (all types in order).
    let breakdowns: [StreamIndex]
    /// Whether each customer asks a guide, the guide's time and the customer's patience for one.
    let guides: StreamIndex
    /// The day's demand factor, only with `arrivals.day_factor` (so that other scenarios' streams are as they were).
    let dayFactor: StreamIndex?

    init(scenario: Scenario) {
        var purposes: [StreamPurpose] = []
        func add(_ purpose: StreamPurpose) -> StreamIndex {
            purposes.append(purpose)
            return StreamIndex(purposes.count - 1)
        }
        arrivals = scenario.segments.map { add(.arrivals.refined(by: $0.name)) }
        customers = scenario.segments.map { add(StreamPurpose("customers/\($0.name)")) }
        groups = scenario.segments.map { add(StreamPurpose("groups/\($0.name)")) }
        service = scenario.transactionTypes.map { add(.service(of: $0.name)) }
        kiosk = scenario.transactionTypes.map { add(StreamPurpose("kiosk/\($0.name)")) }
        triage = add(StreamPurpose("triage"))
        walking = add(StreamPurpose("walking"))
        appointments = add(StreamPurpose("appointments"))
        var breakdowns: [StreamIndex] = []
        for kioskType in scenario.selfService.kioskTypes {
            for number in 0..<kioskType.count {
                breakdowns.append(add(.breakdowns.refined(by: "\(kioskType.name)/\(number)")))
            }
        }
        self.breakdowns = breakdowns
        guides = add(StreamPurpose("guides"))
        dayFactor = scenario.arrivals.dayFactor == nil ? nil : add(StreamPurpose("day_factor"))
        self.purposes = purposes
    }
}
