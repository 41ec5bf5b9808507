import ZonalModel
import ZonalTraffic

/// The result of checking observed traffic against a model: every flow's route, the violations, and the use of each conduit.
public struct TrafficAssessment: Sendable {
    public let model: SystemModel
    public let observation: TrafficObservation
    public let routes: [ObservedRoute]
    /// In check order, then flow order.
    public let violations: [TrafficViolation]

    /// Traffic each conduit carried.
    public struct ConduitUse: Sendable, Hashable {
        public var flows = 0
        public var packets = 0
        public var bytes = 0
        public var firstTime: Int64 = .max
        public var lastTime: Int64 = .min
    }

    public var conduitUse: [String: ConduitUse] {
        var result: [String: ConduitUse] = [:]
        for route in routes {
            guard case .permitted(let id) = route.verdict else { continue }
            let flow = observation.flows[route.flow]
            var use = result[id] ?? ConduitUse()
            use.flows += 1
            use.packets += flow.packets
            use.bytes += flow.bytes
            use.firstTime = min(use.firstTime, flow.firstTime)
            use.lastTime = max(use.lastTime, flow.lastTime)
            result[id] = use
        }
        return result
    }

    public var findings: [Finding] { violations.map(\.finding) }

    public func hasFindings(atOrAbove severity: Severity) -> Bool { violations.contains { $0.finding.severity >= severity } }
}

/// Checks traffic against a model. Pure: the same model and observation give the same assessment.
public enum TrafficAnalyzer {
    public static func assess(_ model: SystemModel, observation: TrafficObservation,
                              checks: [any TrafficCheck] = TrafficCheckRegistry.all) -> TrafficAssessment {
        let context = TrafficContext(model: model, observation: observation)
        return TrafficAssessment(model: model, observation: observation, routes: context.routes, violations: checks.flatMap { $0.evaluate(context) })
    }
}
