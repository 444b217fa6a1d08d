/// Inputs a scenario gives that change nothing a customer meets, found
/// from the scenario alone, so that `validate` and `run` say so before a
/// planner pays for them: each a sentence naming the key and why.
extension Scenario {
    public var inputsWithoutEffect: [String] {
        var found: [String] = []
        let mostGuides = selfService.guides.steps.map(\.value).max() ?? 0
        if selfService.guideAssist == nil, mostGuides > 1 {
            found.append("self_service.guides: up to \(mostGuides) guides on duty, but without self_service.guide_assist guides are an on/off "
                + "switch for the kiosks' adoption: the first guide on duty raises it, more add only wages (give guide_assist to make guides "
                + "help one customer at a time)")
        }
        return found
    }
}
