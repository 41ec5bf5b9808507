import Foundation

/// The identity of one store's audit log: the origin line of its checkpoints, so a checkpoint of one log can never be
/// taken for another's.
enum StoreIdentity {
    static func newLogID() -> String { UUID().uuidString.lowercased() }

    static func origin(logID: String) -> String { "zonal.audit/\(logID)" }
}
