import Distributions
import Scenario
import Yams

/// A window group as read, with its node for later cross-checks.
struct ReadWindowGroup {
    var group: WindowGroup
    let node: Node
    /// Whether the file gives `open`; without it, the roster must.
    let hasOpen: Bool
}

/// Zones: reception, self-service, waiting zone and windows.
extension ScenarioReader {
    mutating func readReception(_ node: Node) -> Reception? {
        guard let entries = nodes.object(node, "reception", Grammar.reception) else { return nil }
        let greeters = entries["greeters"].flatMap { nodes.integerSchedule($0, "reception.greeters", hours: hours) }
        let triage = entries["triage"].flatMap { nodes.distribution($0, "reception.triage", signed: false) }
        let maxQueue = entries["max_queue"].map { nodes.integer($0, "reception.max_queue", .customers) } ?? 3
        guard let greeters, let triage, let maxQueue else { return nil }
        return Reception(greeters: greeters, triageTime: triage, maxQueue: maxQueue)
    }

    mutating func readSelfService(_ node: Node) -> SelfServiceZone {
        var zone = SelfServiceZone()
        guard let entries = nodes.object(node, "self_service", Grammar.selfService) else { return zone }
        if let kiosksNode = entries["kiosks"] {
            for (name, _, value) in nodes.namedEntries(kiosksNode, "self_service.kiosks", what: "kiosk type") {
                let path = "self_service.kiosks.\(name)"
                guard let kiosk = nodes.object(value, path, Grammar.kioskType) else { continue }
                let count = kiosk["count"].flatMap { nodes.integer($0, "\(path).count", .staff) }
                let can = kiosk["transactions"].flatMap {
                    nodes.nameList($0, "\(path).transactions", names: transactionNames, what: "transaction type")
                }
                var breakdowns: Breakdowns?
                if let breakdownNode = kiosk["breakdowns"],
                   let parts = nodes.object(breakdownNode, "\(path).breakdowns", Grammar.breakdowns) {
                    let between = parts["between_failures"].flatMap { nodes.distribution($0, "\(path).breakdowns.between_failures", signed: false) }
                    let repair = parts["repair"].flatMap { nodes.distribution($0, "\(path).breakdowns.repair", signed: false) }
                    if let between, let repair { breakdowns = Breakdowns(timeBetweenFailures: between, repairTime: repair) }
                }
                if let count, let can {
                    zone.kioskTypes.append(KioskType(name: name, count: count, transactions: can, breakdowns: breakdowns))
                }
            }
        }
        if let guides = entries["guides"].flatMap({ nodes.integerSchedule($0, "self_service.guides", hours: hours) }) {
            zone.guides = guides
        }
        if let effectNode = entries["guide_effect"], let effect = nodes.object(effectNode, "self_service.guide_effect", Grammar.guideEffect) {
            zone.guideAdoptionBoost = effect["adoption"].flatMap { nodes.probability($0, "self_service.guide_effect.adoption") } ?? 0
            zone.guideSuccessBoost = effect["success"].flatMap { nodes.probability($0, "self_service.guide_effect.success") } ?? 0
        }
        hasGuideAssist = entries["guide_assist"] != nil
        if let assistNode = entries["guide_assist"], let assist = nodes.object(assistNode, "self_service.guide_assist", Grammar.guideAssist) {
            let asks = assist["asks"].flatMap { nodes.probability($0, "self_service.guide_assist.asks") }
            let time = assist["time"].flatMap { nodes.distribution($0, "self_service.guide_assist.time", signed: false) }
            let patience = assist["patience"].flatMap { nodes.distribution($0, "self_service.guide_assist.patience", signed: false) }
            if let asks, let time, assist["patience"] == nil || patience != nil {
                zone.guideAssist = GuideAssist(asks: asks, time: time, patience: patience)
            }
        }
        zone.balkToCounterAt = entries["balk_to_counter_at"].flatMap { nodes.integer($0, "self_service.balk_to_counter_at", .customers.from(1)) }
        return zone
    }

    mutating func readWaitingZone(_ node: Node) -> WaitingZone? {
        guard let entries = nodes.object(node, "waiting_zone", Grammar.waitingZone) else { return nil }
        let seats = entries["seats"].flatMap { nodes.integer($0, "waiting_zone.seats", .customers) }
        let standing = entries["standing"].map { nodes.integer($0, "waiting_zone.standing", .customers) } ?? 0
        guard let seats, let standing else { return nil }
        return WaitingZone(seats: seats, standing: standing)
    }

    mutating func readWindowGroups(_ node: Node) -> [ReadWindowGroup] {
        var groups: [ReadWindowGroup] = []
        for (name, _, value) in nodes.namedEntries(node, "windows", what: "window group") {
            let path = "windows.\(name)"
            guard let entries = nodes.object(value, path, Grammar.windowGroup) else { continue }
            let serves = entries["transactions"].flatMap {
                nodes.nameList($0, "\(path).transactions", names: transactionNames, what: "transaction type")
            }
            let segments = entries["segments"].map {
                nodes.nameList($0, "\(path).segments", names: segmentNames, what: "segment")
            } ?? Array(repeating: true, count: segmentNames.count)
            let helps = entries["helps"].map {
                nodes.nameList($0, "\(path).helps", names: transactionNames, what: "transaction type")
            } ?? Array(repeating: false, count: transactionNames.count)
            // Without `open`, the roster gives the group's windows (checked once the roster is read).
            let open = entries["open"].map { nodes.integerSchedule($0, "\(path).open", hours: hours) } ?? .constant(0)
            let flexible = entries["flexible"].flatMap { readFlexible($0, "\(path).flexible") }
            if let serves, let segments, let helps, let open {
                groups.append(ReadWindowGroup(group: WindowGroup(name: name, transactions: serves, segments: segments,
                                                                 helpsWith: helps, open: open, flexible: flexible),
                                              node: value, hasOpen: entries["open"] != nil))
            }
        }
        return groups
    }

    mutating func readFlexible(_ node: Node, _ path: String) -> FlexibleWindowRule? {
        guard let entries = nodes.object(node, path, Grammar.flexible) else { return nil }
        let most = entries["max"].flatMap { nodes.integer($0, "\(path).max", .staff.from(1)) }
        let waiting = entries["open_when_waiting"].flatMap { nodes.integer($0, "\(path).open_when_waiting", .customers.from(1)) }
        let oldest = entries["open_when_oldest_wait"].flatMap { nodes.number($0, "\(path).open_when_oldest_wait", .minutes) }
        let delay = entries["activation_delay"].map { nodes.number($0, "\(path).activation_delay", .minutes) } ?? 0
        let close = entries["close_when_waiting_below"].flatMap { nodes.integer($0, "\(path).close_when_waiting_below", .customers) }
        if entries["open_when_waiting"] == nil && entries["open_when_oldest_wait"] == nil {
            nodes.report(node, path, found: "no opening trigger", allowed: "open_when_waiting, open_when_oldest_wait, or both")
            return nil
        }
        guard let most, let delay, let close else { return nil }
        if let waiting, close > waiting {
            nodes.report(entries["close_when_waiting_below"], "\(path).close_when_waiting_below", found: "\(close), above open_when_waiting (\(waiting))",
                         allowed: "a threshold at most open_when_waiting, so that a window that opens does not close at once")
            return nil
        }
        return FlexibleWindowRule(maxWindows: most, openWhenWaiting: waiting, openWhenOldestWait: oldest,
                                  activationDelay: delay, closeWhenWaitingBelow: close)
    }

    /// Every transaction type that a segment brings must be servable by some
    /// window group that is open at some time, or by a kiosk.
    mutating func checkDemandIsServed(segments: [ReadSegment], windows: [ReadWindowGroup], selfService: SelfServiceZone,
                                      appointments: Appointments?, arrivals: ArrivalPlan?, windowsNode: Node) {
        for (segmentIndex, read) in segments.enumerated() {
            for (type, weight) in read.segment.mix.enumerated() where weight > 0 {
                let byWindow = windows.contains {
                    $0.group.canServe(segment: segmentIndex, transaction: type)
                        && ($0.group.open.steps.contains { $0.value > 0 } || $0.group.flexible != nil)
                }
                let byKiosk = selfService.kioskTypes.contains { $0.count > 0 && $0.transactions[type] }
                if !byWindow && !byKiosk {
                    nodes.report(read.mixNode ?? read.node, "segments.\(read.segment.name).mix.\(transactionNames[type])",
                                 found: "demand for '\(transactionNames[type])' from segment '\(read.segment.name)' that no open window or kiosk can serve",
                                 allowed: "a window group serving it (windows.*.transactions or helps, and segments) with windows open, or a kiosk that can do it")
                }
            }
        }
    }
}
