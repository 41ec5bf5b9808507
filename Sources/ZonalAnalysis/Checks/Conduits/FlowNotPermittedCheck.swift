import ZonalModel

/// A flow the plant declares should be permitted by the conduit between its zones; otherwise the design blocks it.
public struct FlowNotPermittedCheck: Check {
    public let id = "ZC-CD-02"
    public let title = "Flow not permitted by the conduit between its zones"
    public let clause = "IEC 62443-3-2 ZCR 3.1; IEC 62443-3-3 SR 5.2"
    public let rationale = "The communication matrix and the conduits' policies disagree: either the flow is not needed, or the conduit will block something the plant uses."
    public let remediation = "Add the flow to the conduit's 'allows', or remove the flow from the model."
    public let severity = Severity.medium
    public init() {}

    public func evaluate(_ context: AnalysisContext) -> [Finding] {
        // By position: the guard reads two fields in place, and only the few routes that make a finding are copied.
        context.routes.indices.compactMap { i in
            guard !context.routes[i].flow.essential, case .notPermitted(let conduits) = context.routes[i].verdict else { return nil }
            let route = context.routes[i]
            return finding("flow '\(route.flow.id)' from '\(route.flow.from)' to '\(route.flow.to)' is not permitted by conduit \(conduits.map { "'\($0)'" }.joined(separator: ", "))",
                           at: route.flow.location, subject: "flow:\(route.flow.id)",
                           remediation: "Add '\(route.flow.id)' to 'allows' of conduit '\(conduits[0])', or remove the flow if the plant does not need it.")
        }
    }
}
