import Foundation
import Hummingbird
import ZonalStore

/// One route: method, path, who may call it, and its handler. The route table is data, so the router, the role
/// matrix test and the OpenAPI check all read the same list.
public struct Endpoint: Sendable {
    public enum Kind: Sendable { case api, page }

    /// Where the project of a route comes from, for the membership check.
    public enum ProjectSource: Sendable {
        case none
        case projectParameter
        case versionParameter
    }

    public let method: HTTPRequest.Method
    /// Hummingbird path syntax (`/api/v1/projects/:project`).
    public let path: String
    public let policy: AccessPolicy
    public let kind: Kind
    public let project: ProjectSource
    let handler: @Sendable (EndpointInput) async throws -> Response

    init(_ method: HTTPRequest.Method, _ path: String, _ kind: Kind, policy: AccessPolicy, project: ProjectSource = .none, _ handler: @escaping @Sendable (EndpointInput) async throws -> Response) {
        self.method = method
        self.path = path
        self.policy = policy
        self.kind = kind
        self.project = project
        self.handler = handler
    }

    /// The path in OpenAPI syntax (`/api/v1/projects/{project}`).
    public var openAPIPath: String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
    }
}

/// What a handler receives: the request, its context, the collected body, and the server's services.
struct EndpointInput: Sendable {
    let request: Request
    let context: ZonalRequestContext
    let body: [UInt8]
    let server: ZonalServer

    var identity: Identity { context.identity! }
    var store: any ZonalStore { server.store }

    func parameter(_ name: String) throws -> Int64 {
        guard let text = context.parameters.get(name), let value = Int64(text) else { throw APIError.badRequest("'\(name)' in the path must be a number") }
        return value
    }

    func text(_ name: String) throws -> String {
        guard let text = context.parameters.get(name) else { throw APIError.badRequest("missing '\(name)' in the path") }
        return text
    }

    /// The body as a decoded JSON value.
    func json<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(body))
        } catch {
            throw APIError.badRequest("the request body is not the expected JSON: \(error)")
        }
    }

    /// The body as an HTML form.
    var form: [String: String] { FormBody.parse(body) }
}
