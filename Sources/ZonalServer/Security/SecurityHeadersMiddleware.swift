import HTTPTypes
import Hummingbird

/// Security headers on every response: no framing, no sniffing, no referrer leaks, and a CSP that allows only this
/// origin's own styles and no scripts at all (the pages need none).
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = ZonalRequestContext

    static let headers: HTTPFields = [
        .contentSecurityPolicy: "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        .xContentTypeOptions: "nosniff",
        HTTPField.Name("X-Frame-Options")!: "DENY",
        HTTPField.Name("Referrer-Policy")!: "no-referrer",
        .cacheControl: "no-store",
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            response = APIError.notFound.jsonResponse
        }
        for field in Self.headers where response.headers[field.name] == nil {
            response.headers.append(field)
        }
        return response
    }
}
