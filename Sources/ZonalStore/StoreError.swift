/// Why a store operation was refused or failed; each message says what to do.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case notFound(String)
    case duplicate(String)
    /// The save was based on `baseVersionID` but the model is now at `currentVersionID` (optimistic concurrency).
    case staleBase(modelName: String, baseVersionID: Int64?, currentVersionID: Int64)
    case fourEyes(String)
    case invalidState(String)
    case invalidInput(String)
    case corrupt(String)
    case unavailable(String)

    public var description: String {
        switch self {
        case let .notFound(what): "\(what) does not exist"
        case let .duplicate(what): "\(what) already exists"
        case let .staleBase(model, base, current):
            "model '\(model)' has changed since version \(base.map(String.init) ?? "(none)") was loaded: it is now at version id \(current); reload it, merge your change and save again (nothing was overwritten)"
        case let .fourEyes(reason): "four-eyes rule: \(reason); another approver must decide"
        case let .invalidState(reason): reason
        case let .invalidInput(reason): reason
        case let .corrupt(reason): "the database is damaged: \(reason); run `zonal audit verify`"
        case let .unavailable(reason): "the database is unavailable: \(reason)"
        }
    }
}
