import ZonalModel
import ZonalTraffic

/// How one observed flow crosses the design: its ends placed in the model, and which conduit (if any) lets it through.
public struct ObservedRoute: Sendable {
    public enum Verdict: Hashable, Sendable {
        /// Both ends in one zone: no conduit involved.
        case intraZone
        /// A conduit joining the two zones permits it.
        case permitted(conduit: String)
        /// No conduit joins the two zones.
        case noConduit
        /// Conduits join the zones (in this direction) but none permits the flow's endpoints, protocol or port.
        case notPermitted(conduits: [String])
        /// A conduit permits the flow but not these operations (function names as the model writes them).
        case forbiddenFunctions(conduit: String, functions: [String])
        /// Every conduit between the zones is one-way the other way.
        case againstDirection(conduit: String)
        /// An end is in no zone (or the flow is layer 2): not routed.
        case unplaced
    }

    /// Index of the flow in the observation.
    public let flow: Int
    public let client: EndpointPlacement
    public let server: EndpointPlacement
    public let verdict: Verdict
    /// The permitting conduit is a data diode, yet the server side sent packets back.
    public let repliesThroughDiode: Bool

    /// The conduit concerned, if any.
    public var conduit: String? {
        switch verdict {
        case .permitted(let c), .againstDirection(let c), .forbiddenFunctions(let c, _): c
        default: nil
        }
    }
}

/// Routes observed flows onto the model's conduits, reusing `ConduitMatcher` for what a rule covers. Pure.
public enum TrafficRouter {
    public static func route(_ observation: TrafficObservation, model: SystemModel, resolver: EndpointResolver,
                             conduitsBetween: [ZonePair: [Conduit]]) -> [ObservedRoute] {
        observation.flows.indices.map { i in
            let flow = observation.flows[i]
            if flow.isLayer2 {
                return ObservedRoute(flow: i, client: resolver.place(mac: flow.clientMAC), server: EndpointPlacement(asset: nil, zone: nil),
                                     verdict: .unplaced, repliesThroughDiode: false)
            }
            let client = resolver.place(flow.client, mac: flow.clientMAC)
            var server = resolver.place(flow.server, mac: flow.serverMAC)
            if EndpointResolver.isGroupAddress(flow.server) { server = EndpointPlacement(asset: nil, zone: client.zone) }
            guard let from = client.zone, let to = server.zone, let fromID = client.endpointID, let toID = server.endpointID else {
                return ObservedRoute(flow: i, client: client, server: server, verdict: .unplaced, repliesThroughDiode: false)
            }
            if from == to { return ObservedRoute(flow: i, client: client, server: server, verdict: .intraZone, repliesThroughDiode: false) }
            let candidates = conduitsBetween[ZonePair(from, to)] ?? []
            guard !candidates.isEmpty else {
                return ObservedRoute(flow: i, client: client, server: server, verdict: .noConduit, repliesThroughDiode: false)
            }
            let inDirection = candidates.filter { $0.permitsDirection(from: from, to: to) }
            guard !inDirection.isEmpty else {
                return ObservedRoute(flow: i, client: client, server: server, verdict: .againstDirection(conduit: candidates[0].id), repliesThroughDiode: false)
            }
            let observed = modelFlow(flow, from: fromID, to: toID, file: model.file)
            var forbidden: (String, [String])?
            for conduit in inDirection {
                if let missing = missingFunctions(observed, conduit: conduit, model: model) {
                    if missing.isEmpty {
                        let diode = conduit.enforcement == .dataDiode && flow.serverPackets > 0
                        return ObservedRoute(flow: i, client: client, server: server, verdict: .permitted(conduit: conduit.id), repliesThroughDiode: diode)
                    }
                    if forbidden == nil { forbidden = (conduit.id, missing) }
                }
            }
            if let (conduit, functions) = forbidden {
                return ObservedRoute(flow: i, client: client, server: server, verdict: .forbiddenFunctions(conduit: conduit, functions: functions),
                                     repliesThroughDiode: false)
            }
            return ObservedRoute(flow: i, client: client, server: server, verdict: .notPermitted(conduits: inDirection.map(\.id)), repliesThroughDiode: false)
        }
    }

    /// The observed flow as the model would write it: named ends, protocol, server port, and the operations the client requested.
    static func modelFlow(_ flow: FlowRecord, from: String, to: String, file: String) -> Flow {
        Flow(id: "observed", from: from, to: to, protocol: flow.protocol == .unknown ? nil : flow.protocol.name, port: Int(flow.serverPort),
             transport: flow.ipProtocol == 6 ? .tcp : (flow.ipProtocol == 17 ? .udp : nil), functions: functionNames(flow), location: .unknown(file))
    }

    /// Names of the operations the client side sent, as `ProtocolFunctions` names them (unlisted codes as `code-N`).
    public static func functionNames(_ flow: FlowRecord) -> [String] {
        requested(flow).map { functionName($0, protocol: flow.protocol.name) }.sorted()
    }

    /// The operations the client side sent, of the family a conduit's functions name for the flow's protocol.
    public static func requested(_ flow: FlowRecord) -> [FunctionUse] {
        guard let family = flow.protocol.functionFamily else { return [] }
        return flow.functions.filter { $0.requests > 0 && $0.family == family }
    }

    public static func functionName(_ use: FunctionUse, protocol proto: String) -> String {
        name(use.code, protocol: proto) ?? "code-\(use.wireCode)"
    }

    public static func functionName(_ code: UInt16, protocol proto: String) -> String {
        name(code, protocol: proto) ?? "code-\(code)"
    }

    private static func name(_ code: UInt16, protocol proto: String) -> String? {
        ProtocolFunctions.functions(of: proto)?.first { $0.code == Int(code) }?.name
    }

    /// nil when no rule of the conduit matches the flow's ends, protocol and port; else the observed functions no matching rule allows.
    static func missingFunctions(_ flow: Flow, conduit: Conduit, model: SystemModel) -> [String]? {
        if conduit.enforcement == .none { return [] }
        var withoutFunctions = flow
        withoutFunctions.functions = []
        var allowed: Set<String> = []
        var matched = false
        for rule in rules(of: conduit, model: model) {
            var open = rule
            open.functions = []
            guard ConduitMatcher.covers(open, flow: withoutFunctions, model: model) else { continue }
            matched = true
            if rule.functions.isEmpty { return [] }
            allowed.formUnion(ProtocolFunctions.expand(rule.functions, protocol: rule.protocol ?? flow.protocol))
        }
        guard matched else { return nil }
        return flow.functions.filter { !allowed.contains($0) }
    }

    /// A conduit's permissions as inline rules: named flows become rules with the flow's ends, protocol, port and functions.
    static func rules(of conduit: Conduit, model: SystemModel) -> [InlineRule] {
        conduit.allows.compactMap { allowed in
            var rule: InlineRule
            switch allowed {
            case .rule(let r): rule = r
            case .flow(let id, _):
                guard let f = model.flow(id) else { return nil }
                rule = InlineRule(from: f.from, to: f.to, protocol: f.protocol, port: f.port, transport: f.transport, functions: f.functions,
                                  location: f.location)
            }
            // Models may write "modbus-tcp" or "ethernet-ip"; traffic names protocols one way.
            rule.protocol = rule.protocol.map { AppProtocol(modelName: $0)?.name ?? $0 }
            return rule
        }
    }
}
