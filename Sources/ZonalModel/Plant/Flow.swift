/// A communication the plant needs (one row of the communication matrix); `from` is the side that opens the connection.
public struct Flow: Hashable, Sendable {
    public var id: String
    /// An asset id or a zone id.
    public var from: String
    /// An asset id or a zone id.
    public var to: String
    public var `protocol`: String?
    public var port: Int?
    public var transport: Transport?
    /// Protocol operations the flow uses, e.g. Modbus `read-holding-registers`.
    public var functions: [String]
    /// Operationally required: blocking it would disrupt the process.
    public var essential: Bool
    public var description: String?
    public var location: SourceLocation

    public init(id: String, from: String, to: String, protocol: String? = nil, port: Int? = nil, transport: Transport? = nil,
                functions: [String] = [], essential: Bool = false, description: String? = nil, location: SourceLocation) {
        self.id = id
        self.from = from
        self.to = to
        self.protocol = `protocol`
        self.port = port
        self.transport = transport
        self.functions = functions
        self.essential = essential
        self.description = description
        self.location = location
    }
}

/// The transport a flow or rule uses.
public enum Transport: String, Sendable, Hashable, CaseIterable {
    case tcp, udp, any
}
