import Distributions
import Scenario

/// How each segment's customers behave, flattened for the event loop:
/// the calling priority, patience, balking rule, self-service propensity
/// and the running sums of the transaction mix (drawn by inversion).
struct SegmentRules {
    let count: Int
    let priority: [Int]
    /// Minutes a customer waits before leaving; nil for no limit.
    let patience: [Distribution?]
    let balking: [BalkingRule?]
    /// Probability of choosing a kiosk for a kiosk-capable need, before any guide effect.
    let propensity: [Double]
    /// Per segment: the mix's running sums over transaction types, ending at 1.
    let mixCumulative: [[Double]]

    init(_ segments: [Segment]) {
        count = segments.count
        priority = segments.map(\.priority)
        patience = segments.map(\.patience)
        balking = segments.map(\.balking)
        propensity = segments.map(\.selfServicePropensity)
        mixCumulative = segments.map { segment in
            var running = 0.0
            return segment.mix.map { running += $0; return running }
        }
    }
}
