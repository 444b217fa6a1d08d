import Distributions
import Scenario

/// How each transaction type is served, flattened for the event loop:
/// counter and kiosk times (minutes), kiosk success, what a greeter
/// resolves, and the kiosk types that can serve it.
struct TransactionRules {
    let service: [Distribution]
    /// The counter service's mean, minutes, for the ticket machine's announced wait.
    let meanService: [Double]
    let kioskTime: [Distribution?]
    let kioskSuccess: [Double]
    let greeterResolves: [Double]
    /// Per type: the kiosk types that serve it. A type with no kiosks (a
    /// plan may have none) draws nobody to self-service or to a guide.
    let kioskTypes: [[Int]]

    init(_ scenario: Scenario) {
        let types = scenario.transactionTypes, kiosks = scenario.selfService.kioskTypes
        service = types.map(\.counterService)
        meanService = types.map(\.counterService.mean)
        kioskTime = types.map { $0.kiosk?.time }
        kioskSuccess = types.map { $0.kiosk?.successProbability ?? 0 }
        greeterResolves = types.map(\.greeterResolves)
        kioskTypes = types.indices.map { type in
            kiosks.indices.filter { types[type].kiosk != nil && kiosks[$0].transactions[type] && kiosks[$0].count > 0 }
        }
    }
}
