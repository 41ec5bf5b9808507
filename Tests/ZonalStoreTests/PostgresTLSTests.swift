import Foundation
import Testing
@testable import ZonalStore

/// TLS to PostgreSQL with libpq's `sslmode`/`sslrootcert`, against the local server with a certificate from a throwaway
/// CA (`.ci/postgres-tls` sets it up and names the CA file in ZONAL_TEST_POSTGRES_CA).
struct PostgresTLSTests {
    static let caVariable = "ZONAL_TEST_POSTGRES_CA"
    static var enabled: Bool { Backend.available.contains(.postgresql) }

    /// An app URL on a fresh migrated database with `query` appended, and the admin URL that migrated it.
    static func database(query: String) async throws -> String {
        let environment = ProcessInfo.processInfo.environment
        let (adminURL, appURL) = try await StoreFixture.emptyPostgresDatabase(adminURL: try #require(environment[Backend.adminVariable]), appURL: try #require(environment[Backend.appVariable]))
        try await PostgresDatabase.open(url: appURL, adminURL: adminURL).close()
        return appURL + "?" + query
    }

    static func usesTLS(_ url: String) async throws -> Bool {
        let database = try await PostgresDatabase.open(url: url)
        defer { database.shutDown() }
        return try await database.read { try await $0.queryOne("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()") }?["ssl"] == .integer(1)
    }

    @Test(.enabled(if: enabled))
    func verifyFullChecksTheChainAndTheAddress() async throws {
        let ca = try #require(ProcessInfo.processInfo.environment[Self.caVariable], "run .ci/postgres-tls and export \(Self.caVariable)")
        let url = try await Self.database(query: "sslmode=verify-full&sslrootcert=\(ca)")
        #expect(try await Self.usesTLS(url))
        let base = String(url.prefix { $0 != "?" })
        #expect(try await Self.usesTLS(base + "?sslmode=require"), "require encrypts without a CA")
        #expect(try await !Self.usesTLS(base + "?sslmode=disable"))
        // The system trust store does not know the throwaway CA: verify-full must refuse to connect.
        await #expect(throws: StoreError.self) { try await Self.usesTLS(base + "?sslmode=verify-full") }
    }

    @Test func badTLSParametersSayWhatToGive() {
        #expect(throws: StoreError.self) { try PostgresURL.configuration("postgres://a:b@127.0.0.1/db?sslmode=sometimes") }
        do {
            _ = try PostgresURL.configuration("postgres://a:secret@127.0.0.1/db?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem")
            Issue.record("a missing CA file was accepted")
        } catch {
            #expect(error.description.contains("sslrootcert=/nonexistent/ca.pem") && error.description.contains("PEM file"))
            #expect(!error.description.contains("secret"), "the password stays out of messages")
        }
    }
}
