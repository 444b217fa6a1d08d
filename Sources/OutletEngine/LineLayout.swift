import Scenario

/// The ticket machine's lines: one per (transaction type, segment,
/// appointment priority), and which window groups call from which.
struct LineLayout {
    let lineCount: Int
    let lineType: [Int]
    let lineSegment: [Int]
    let lineAppointment: [Bool]
    /// Per window group: the lines it serves first.
    let primaryLines: [[Int]]
    /// Per window group: the lines it helps with when its own are empty.
    let helpLines: [[Int]]
    /// Per line: the groups that call from it, those serving it first ahead of helpers.
    let lineGroups: [[Int]]
    /// Per line: the lines whose customers the ticket machine counts as
    /// ahead when it announces a wait (those its groups serve first).
    let announcementLines: [[Int]]

    static func index(type: Int, segment: Int, appointment: Bool, segments: Int) -> Int {
        (type * segments + segment) * 2 + (appointment ? 1 : 0)
    }

    init(scenario: Scenario) {
        let segments = scenario.segments.count, types = scenario.transactionTypes.count
        lineCount = segments * types * 2
        var lineType: [Int] = [], lineSegment: [Int] = [], lineAppointment: [Bool] = []
        for type in 0..<types {
            for segment in 0..<segments {
                for appointment in [false, true] {
                    lineType.append(type)
                    lineSegment.append(segment)
                    lineAppointment.append(appointment)
                }
            }
        }
        self.lineType = lineType
        self.lineSegment = lineSegment
        self.lineAppointment = lineAppointment
        var primary: [[Int]] = [], help: [[Int]] = []
        for group in scenario.windowGroups {
            let lines = Array(0..<(segments * types * 2))
            primary.append(lines.filter { group.servesFirst(segment: lineSegment[$0], transaction: lineType[$0]) })
            help.append(lines.filter {
                !group.servesFirst(segment: lineSegment[$0], transaction: lineType[$0]) && group.helpsWith[lineType[$0]]
            })
        }
        primaryLines = primary
        helpLines = help
        let groupsOfLine = (0..<(segments * types * 2)).map { line in
            let first = primary.indices.filter { primary[$0].contains(line) }
            return first + help.indices.filter { help[$0].contains(line) }
        }
        lineGroups = groupsOfLine
        announcementLines = groupsOfLine.map { groups in
            var seen = Set<Int>(), lines: [Int] = []
            for group in groups { for line in primary[group] where seen.insert(line).inserted { lines.append(line) } }
            return lines
        }
    }
}

/// The ``LineLayout`` as the event loop reads it: each list flattened
/// into one array (``IndexLists``), so a lookup touches no nested array.
struct LineRouting {
    /// Per window group: the lines it serves first, and those it helps with.
    let primary: IndexLists
    let help: IndexLists
    /// Per line: the groups that call from it, those serving it first ahead of helpers.
    let groups: IndexLists
    /// Per window group: the same lines as sets, for walking only those
    /// with someone waiting (``LineSets``).
    let primarySets: LineSets
    let helpSets: LineSets
    /// Per line: the lines counted as ahead when the ticket machine announces
    /// a wait, as sets, so that only those with someone waiting are summed.
    let announcementSets: LineSets
    /// Per line: its segment, transaction type, and whether it holds appointments.
    let segment: [Int]
    let type: [Int]
    let appointment: [Bool]

    init(_ layout: LineLayout) {
        primary = IndexLists(layout.primaryLines)
        help = IndexLists(layout.helpLines)
        primarySets = LineSets(layout.primaryLines, lines: layout.lineCount)
        helpSets = LineSets(layout.helpLines, lines: layout.lineCount)
        announcementSets = LineSets(layout.announcementLines, lines: layout.lineCount)
        groups = IndexLists(layout.lineGroups)
        segment = layout.lineSegment
        type = layout.lineType
        appointment = layout.lineAppointment
    }
}
