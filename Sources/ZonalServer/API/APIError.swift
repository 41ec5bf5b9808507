import Hummingbird
import ZonalStore

/// An error with a stable code for clients and a message for people; rendered as JSON for the API and as a page for
/// browsers.
public struct APIError: Error, Sendable, Equatable {
    public let status: HTTPResponse.Status
    /// Stable, documented in the OpenAPI document: clients switch on this, never on the message.
    public let code: String
    public let message: String

    static func badRequest(_ message: String) -> APIError { APIError(status: .badRequest, code: "bad-request", message: message) }
    static let unauthenticated = APIError(status: .unauthorized, code: "unauthenticated", message: "sign in, or send 'Authorization: Bearer <token>'")
    static let forbidden = APIError(status: .forbidden, code: "forbidden", message: "your role or project membership does not allow this")
    static let csrf = APIError(status: .forbidden, code: "csrf", message: "the form's CSRF token is missing or stale; reload the page and try again")
    static let notFound = APIError(status: .notFound, code: "not-found", message: "no such page or resource")
    static let tooLarge = APIError(status: .contentTooLarge, code: "too-large", message: "the request body is too large")
    /// An evidence file over the configured limit, saying what the limit is.
    static func evidenceTooLarge(limit: Int) -> APIError {
        APIError(status: .contentTooLarge, code: "too-large", message: "the file is larger than the evidence limit of \(EvidenceRoutes.size(Int64(limit))); split it or ask the administrator to raise `zonal serve --evidence-limit`")
    }
    static let throttled = APIError(status: .tooManyRequests, code: "rate-limited", message: "too many sign-in attempts from this address; wait a minute")

    /// The API form of a store error.
    init(_ error: StoreError) {
        switch error {
        case .notFound: self.init(status: .notFound, code: "not-found", message: error.description)
        case .duplicate: self.init(status: .conflict, code: "duplicate", message: error.description)
        case .staleBase: self.init(status: .conflict, code: "stale-base", message: error.description)
        case .fourEyes: self.init(status: .conflict, code: "four-eyes", message: error.description)
        case .invalidState: self.init(status: .conflict, code: "invalid-state", message: error.description)
        case .invalidInput: self.init(status: .badRequest, code: "bad-request", message: error.description)
        case .corrupt, .unavailable: self.init(status: .serviceUnavailable, code: "store-unavailable", message: error.description)
        }
    }

    public init(status: HTTPResponse.Status, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    var jsonResponse: Response {
        JSONBody.response(["error": ["code": code, "message": message]], status: status)
    }
}
