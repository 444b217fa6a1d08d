/// Which header of an export holds each canonical column, and what its
/// outcome codes mean. `outletsim fit --columns` takes one of the ready
/// mappings by name or a YAML file (`docs/queue-logs.md`).
public struct ColumnMapping: Sendable, Equatable {
    /// The export's header for each canonical column it has.
    public var columns: [CanonicalColumn: String]
    /// The export's outcome values, compared without case and surrounding
    /// spaces, and the outcome each means.
    public var outcomes: [String: TicketOutcome]
    /// The field delimiter; nil to take the one the header line uses most (`,` `;` or tab).
    public var delimiter: Character?
    /// Minutes east of UTC of the branch's clock, for exports whose times
    /// carry a zone (`2026-03-02T01:15:00Z`); nil when they are local.
    public var localOffset: Int?
    /// The columns and event words of the branch's window sign-in log (`fit --sessions`).
    public var sessions: WindowSessions.Mapping

    public init(columns: [CanonicalColumn: String], outcomes: [String: TicketOutcome], delimiter: Character? = nil,
                localOffset: Int? = nil, sessions: WindowSessions.Mapping = .canonical) {
        self.columns = columns
        self.outcomes = outcomes
        self.delimiter = delimiter
        self.localOffset = localOffset
        self.sessions = sessions
    }

    /// The outcome a cell means, nil if the mapping does not know it.
    public func outcome(_ cell: Substring) -> TicketOutcome? {
        outcomes[Self.normalised(cell)]
    }

    static func normalised<S: StringProtocol>(_ text: S) -> String {
        text.trimmingSpaces.lowercased()
    }

    /// The ready mappings, by the name `--columns` takes.
    public static let builtIn: [(name: String, mapping: ColumnMapping, describes: String)] = [
        ("canonical", canonical, "OutletSim's own columns (what `run --queue-log` writes)"),
        ("chinese", chinese, "Chinese headers: 取号时间, 叫号时间, 办结时间, 窗口号, 业务类型, 客户类别"),
        ("visit-transactions", visitTransactions,
         "visit-transaction tables (Qmatic-style): entered-queue, call and end timestamps with a numeric or named outcome"),
        ("ticket-api", ticketAPI, "ticket APIs: created, called, served and completed times with a status"),
    ]

    public static func named(_ name: String) -> ColumnMapping? {
        builtIn.first { $0.name == name }?.mapping
    }

    /// Outcome words every mapping understands besides its own codes.
    static let canonicalOutcomes: [String: TicketOutcome] = Dictionary(
        uniqueKeysWithValues: TicketOutcome.allCases.map { ($0.rawValue, $0) })

    public static let canonical = ColumnMapping(
        columns: Dictionary(uniqueKeysWithValues: CanonicalColumn.allCases.map { ($0, $0.rawValue) }),
        outcomes: canonicalOutcomes)

    public static let chinese = ColumnMapping(
        columns: [.ticket: "排队号", .date: "日期", .issued: "取号时间", .called: "叫号时间", .serviceStart: "开始办理时间",
                  .serviceEnd: "办结时间", .window: "窗口号", .transaction: "业务类型", .segment: "客户类别",
                  .outcome: "状态", .appointment: "预约时间", .left: "取消时间"],
        outcomes: canonicalOutcomes.merging([
            "已办结": .served, "办结": .served, "已完成": .served, "完成": .served,
            "过号": .noShow, "未到": .noShow, "空号": .noShow,
            "取消": .cancelled, "已取消": .cancelled, "弃号": .cancelled,
            "转移": .transferred, "转办": .transferred, "已转移": .transferred,
        ]) { first, _ in first },
        sessions: .chinese)

    /// Visit transactions: one row per service of a visit, with the outcome
    /// id or name of the vendor's outcome table.
    public static let visitTransactions = ColumnMapping(
        columns: [.ticket: "visit_id", .issued: "created", .called: "call_time", .serviceEnd: "end_time",
                  .window: "service_point", .transaction: "service", .segment: "customer_category",
                  .outcome: "outcome", .appointment: "appointment_time"],
        outcomes: canonicalOutcomes.merging([
            "1": .served, "normal": .served, "2": .noShow, "3": .cancelled, "remove": .cancelled,
            "4": .noShow, "recycle": .noShow, "5": .transferred, "transfer_to_queue": .transferred,
            "6": .transferred, "transfer_to_service_point": .transferred, "7": .transferred, "transfer_to_staff": .transferred,
            "8": .cancelled, "remove_by_reset": .cancelled, "9": .cancelled, "remove_by_customer": .cancelled,
            "10": .served, "end_by_force_logout": .served, "11": .cancelled, "remove_by_publish": .cancelled,
            "12": .served, "ended_by_logout": .served, "13": .served, "ended_by_shiro_timeout": .served,
        ]) { first, _ in first },
        sessions: .vendor)

    /// Ticket APIs: a status word per ticket and its timestamps.
    public static let ticketAPI = ColumnMapping(
        columns: [.ticket: "id", .issued: "createdAt", .called: "calledAt", .serviceStart: "servedAt",
                  .serviceEnd: "completedAt", .window: "counterId", .transaction: "serviceName",
                  .segment: "customerType", .outcome: "status", .appointment: "appointmentTime",
                  .left: "cancelledAt"],
        outcomes: canonicalOutcomes.merging([
            "completed": .served, "complete": .served, "done": .served, "finished": .served,
            "noshow": .noShow, "no-show": .noShow, "missed": .noShow, "expired": .cancelled,
            "canceled": .cancelled, "removed": .cancelled, "deleted": .cancelled,
            "transfer": .transferred, "forwarded": .transferred,
        ]) { first, _ in first },
        sessions: .vendor)
}

extension StringProtocol {
    /// Without leading and trailing whitespace.
    /// - Complexity: O(1) when both ends are printable ASCII, as nearly every cell's are.
    var trimmingSpaces: Substring {
        var text = Substring(self)
        if let first = text.utf8.first, let last = text.utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return text
        }
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text
    }
}
