/// How a freed window picks the next ticket (智能排队叫号系统).
public struct CallingPolicy: Sendable, Equatable {
    /// Call higher-priority segments first; otherwise strictly by ticket time.
    public var prioritiseSegments: Bool
    /// Call customers with a current appointment before everyone else.
    public var appointmentsFirst: Bool
    /// Most times a waiting customer may be passed over by a window that
    /// could serve them; `nil` for no limit.
    public var maxPassOvers: Int?

    public init(prioritiseSegments: Bool = true, appointmentsFirst: Bool = true, maxPassOvers: Int? = nil) {
        self.prioritiseSegments = prioritiseSegments
        self.appointmentsFirst = appointmentsFirst
        self.maxPassOvers = maxPassOvers
    }
}
