import Foundation
import HummingbirdTesting
import Testing
import ZonalServer

/// The served OpenAPI document and the router agree on every path and method, both ways.
struct OpenAPIDocumentTests {
    @Test func theDocumentDescribesExactlyTheAPIRoutes() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let response = try await client.call(.get, "/api/v1/openapi.json")
            #expect(response.status == .ok)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let methods = ["get", "post", "put", "delete", "patch"]
            let documented = Set(paths.flatMap { path, item in item.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" } })
            let routed = Set(fixture.server.endpoints.filter { $0.kind == .api }.map { "\($0.method.rawValue) \($0.openAPIPath)" })
            #expect(documented.subtracting(routed).isEmpty, "documented but not routed: \(documented.subtracting(routed).sorted())")
            #expect(routed.subtracting(documented).isEmpty, "routed but not documented: \(routed.subtracting(documented).sorted())")
            // Every error code the server can send is one the document lists.
            let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any]
            let errorText = String(describing: schemas?["Error"] ?? "")
            for code in ["forbidden", "unauthenticated", "stale-base", "four-eyes", "csrf", "too-large", "rate-limited"] {
                #expect(errorText.contains(code), "\(code)")
            }
        }
    }
}
