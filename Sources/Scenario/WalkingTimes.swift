import Distributions

/// Minutes spent walking between zones; `nil` moves take no time.
public struct WalkingTimes: Sendable {
    public var entranceToReception: Distribution?
    public var receptionToSelfService: Distribution?
    public var receptionToWaiting: Distribution?
    public var selfServiceToWaiting: Distribution?
    public var waitingToWindow: Distribution?

    public init(entranceToReception: Distribution? = nil, receptionToSelfService: Distribution? = nil,
                receptionToWaiting: Distribution? = nil, selfServiceToWaiting: Distribution? = nil,
                waitingToWindow: Distribution? = nil) {
        self.entranceToReception = entranceToReception
        self.receptionToSelfService = receptionToSelfService
        self.receptionToWaiting = receptionToWaiting
        self.selfServiceToWaiting = selfServiceToWaiting
        self.waitingToWindow = waitingToWindow
    }
}
