/// A group of service windows (窗口) of one kind: general, cash, VIP, corporate.
public struct WindowGroup: Sendable {
    public var name: String
    /// Transaction types it serves, indexed like `Scenario.transactionTypes` (its skills).
    public var transactions: [Bool]
    /// Segments it serves, indexed like `Scenario.segments`.
    public var segments: [Bool]
    /// Transaction types it helps with, for customers of any segment, when
    /// nobody it serves first is waiting (a dedicated window helping
    /// others); all false for none.
    public var helpsWith: [Bool]
    /// Windows open.
    public var open: StepSchedule<Int>
    /// Temporary windows opened at peaks; `nil` for none.
    public var flexible: FlexibleWindowRule?

    public init(name: String, transactions: [Bool], segments: [Bool], helpsWith: [Bool],
                open: StepSchedule<Int>, flexible: FlexibleWindowRule? = nil) {
        self.name = name
        self.transactions = transactions
        self.segments = segments
        self.helpsWith = helpsWith
        self.open = open
        self.flexible = flexible
    }

    /// Whether the group serves this segment and type first.
    public func servesFirst(segment: Int, transaction: Int) -> Bool {
        segments[segment] && transactions[transaction]
    }

    /// Whether the group may ever serve a customer of this segment and type.
    public func canServe(segment: Int, transaction: Int) -> Bool {
        servesFirst(segment: segment, transaction: transaction) || helpsWith[transaction]
    }
}

/// Flexible windows (弹性窗口): staff pulled from the back office open a
/// temporary window when the queue grows and close it when it drains.
public struct FlexibleWindowRule: Sendable, Equatable {
    /// Most temporary windows open at once.
    public var maxWindows: Int
    /// Open one when at least this many wait for the group; `nil` to ignore.
    public var openWhenWaiting: Int?
    /// Open one when the longest wait for the group reaches this many minutes; `nil` to ignore.
    public var openWhenOldestWait: Double?
    /// Minutes from the decision until the window opens.
    public var activationDelay: Double
    /// Close temporary windows when fewer than this many wait.
    public var closeWhenWaitingBelow: Int

    public init(maxWindows: Int, openWhenWaiting: Int?, openWhenOldestWait: Double?,
                activationDelay: Double, closeWhenWaitingBelow: Int) {
        self.maxWindows = maxWindows
        self.openWhenWaiting = openWhenWaiting
        self.openWhenOldestWait = openWhenOldestWait
        self.activationDelay = activationDelay
        self.closeWhenWaitingBelow = closeWhenWaitingBelow
    }
}
