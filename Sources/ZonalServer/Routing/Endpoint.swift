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
        /// The project of the evidence named by `:evidence`.
        case evidenceParameter
    }

    public let method: HTTPRequest.Method
    /// Hummingbird path syntax (`/api/v1/projects/:project`).
    public let path: String
    public let policy: AccessPolicy
    public let kind: Kind
    public let project: ProjectSource
    /// The route takes a file upload (multipart/form-data), so its body may be as large as the evidence limit.
    public let acceptsFiles: Bool
    let handler: @Sendable (EndpointInput) async throws -> Response

    init(_ method: HTTPRequest.Method, _ path: String, _ kind: Kind, policy: AccessPolicy, project: ProjectSource = .none, files: Bool = false,
         _ handler: @escaping @Sendable (EndpointInput) async throws -> Response) {
        self.method = method
        acceptsFiles = files
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
    /// The body's fields when it is a form, URL-encoded or multipart.
    let form: [String: String]
    /// The files of a multipart/form-data body.
    let files: [MultipartForm.File]

    /// Parses a form body once, whichever encoding the browser or client chose.
    init(request: Request, context: ZonalRequestContext, body: [UInt8], server: ZonalServer) throws(APIError) {
        self.request = request
        self.context = context
        self.body = body
        self.server = server
        let contentType = request.headers[.contentType] ?? ""
        if let boundary = MultipartForm.boundary(contentType: contentType) {
            let multipart = try MultipartForm.parse(body, boundary: boundary)
            form = multipart.fields
            files = multipart.files
        } else {
            // JSON bodies (up to a model's 8 MiB) are not split as if they were forms.
            form = contentType.isEmpty || contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") ? FormBody.parse(body) : [:]
            files = []
        }
    }

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
}
