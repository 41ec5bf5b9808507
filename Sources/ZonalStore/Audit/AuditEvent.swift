import Foundation

/// What an operation asks the audit log to record; the log adds seq, time and hashes.
public struct AuditEvent: Sendable, Equatable {
    public var action: String
    public var objectType: String
    public var objectID: String
    public var objectHash: String
    public var result: AuditResult
    public var payload: [String: String]

    public init(action: String, objectType: String = "", objectID: String = "", objectHash: String = "", result: AuditResult = .success, payload: [String: String] = [:]) {
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.objectHash = objectHash
        self.result = result
        self.payload = payload
    }

    /// The payload as compact JSON with sorted keys. The leaf is hashed over the stored bytes, so the JSON form only
    /// needs to be readable, not reproducible.
    var payloadJSON: String {
        guard let data = try? JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
