import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ZonalServer
@testable import ZonalStore

/// Evidence over the API and the pages: upload limits, target checks, safe downloads, and an audit entry for each.
struct EvidenceTests {
    static func upload(_ client: any TestClientProtocol, _ fixture: ServerFixture, token: String, fields: [(String, String)],
                       file: (name: String, type: String, bytes: [UInt8])?) async throws -> TestResponse {
        try await client.execute(uri: "/api/v1/versions/\(fixture.version.id)/evidence", method: .post,
                                 headers: [.authorization: "Bearer \(token)", .contentType: MultipartBody.contentType],
                                 body: MultipartBody.make(fields: fields, file: file))
    }

    @Test func anAssessorUploadsAndEveryReaderDownloadsTheSameBytesAsAnAttachment() async throws {
        let fixture = try await ServerFixture.make()
        // Every byte value, and markup a browser would run if it ever rendered the file.
        let bytes = Array(0 ... 255 as ClosedRange<UInt8>) + Array("<script>alert(1)</script>".utf8)
        try await fixture.test { client in
            // Evidence for the version's first finding, as the findings API names it (rule id and subject).
            let findings = try await client.call(.get, "/api/v1/versions/\(fixture.version.id)/findings", token: fixture.tokens[.assessor])
            let document = try #require(try JSONSerialization.jsonObject(with: Data(findings.text.utf8)) as? [String: Any])
            let finding = try #require((document["findings"] as? [[String: Any]])?.first)
            let check = try #require(finding["check"] as? String), subject = try #require(finding["subject"] as? String)
            let created = try await Self.upload(client, fixture, token: fixture.tokens[.assessor]!,
                                                fields: [("targetKind", "finding"), ("targetID", check), ("targetSubject", subject), ("comment", "firewall export")],
                                                file: (name: "C:\\exports\\rules v2 «final».html", type: "text/html; charset=utf-8", bytes: bytes))
            #expect(created.status == .created, "\(created.text)")
            let view = try #require(try JSONSerialization.jsonObject(with: Data(created.text.utf8)) as? [String: Any])
            let sha256 = Array(SHA256.hash(data: bytes)).hexString
            #expect(view["sha256"] as? String == sha256)
            #expect(view["size"] as? Int == bytes.count)
            #expect(view["originalName"] as? String == "rules v2 «final».html", "the directory part is dropped")
            #expect(view["mediaType"] as? String == "text/html")
            #expect(view["uploadedBy"] as? String == "assessor-user")
            let id = try #require(view["id"] as? Int)
            for role in [Role.viewer, .engineer, .approver, .auditor, .assessor] {
                let download = try await client.call(.get, "/api/v1/evidence/\(id)/content", token: fixture.tokens[role])
                #expect(download.status == .ok, "\(role)")
                #expect(Array(download.body.readableBytesView) == bytes)
                #expect(download.headers[.contentType] == "application/octet-stream", "HTML is never served as HTML")
                #expect(download.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"rules v2 _final_.html\"; filename*=UTF-8''rules%20v2%20%C2%ABfinal%C2%BB.html") == true,
                        "\(download.headers[.contentDisposition] ?? "")")
                #expect(download.headers[.xContentTypeOptions] == "nosniff")
                #expect(download.headers[.contentSecurityPolicy]?.hasPrefix("sandbox") == true)
                #expect(download.headers[HTTPField.Name("Repr-Digest")!] == "sha-256=:\(Data(SHA256.hash(data: bytes)).base64EncodedString()):")
            }
            let admin = try await client.call(.get, "/api/v1/evidence/\(id)/content", token: fixture.tokens[.admin])
            #expect(admin.status == .forbidden)
            let outsider = try await client.call(.get, "/api/v1/evidence/\(id)/content", token: fixture.outsiderToken)
            #expect(outsider.status == .forbidden)
            let list = try await client.call(.get, "/api/v1/versions/\(fixture.version.id)/evidence", token: fixture.tokens[.viewer])
            #expect(list.text.contains(sha256) && list.text.contains("ctl-hardening.txt"))
        }
        let entries = try await fixture.store.auditEntries(after: 0, limit: 10_000)
        let upload = try #require(entries.last { $0.action == "evidence.upload" && $0.payload.contains("final") })
        #expect(upload.actor == "assessor-user" && upload.payload.contains(Array(SHA256.hash(data: bytes)).hexString))
        #expect(entries.filter { $0.action == "evidence.download" }.count == 5, "one entry per download, none for the refused ones")
        #expect(AuditVerifier().verify(try await fixture.store.auditSnapshot()).violations.isEmpty)
    }

    @Test func anInertTypeKeepsItsMediaType() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let download = try await client.call(.get, "/api/v1/evidence/\(fixture.evidence.id)/content", token: fixture.tokens[.viewer])
            #expect(download.headers[.contentType] == "text/plain")
            #expect(download.text == "checked\n")
        }
    }

    @Test func filesOverTheLimitGet413AndNothingIsStored() async throws {
        let fixture = try await ServerFixture.make(evidenceLimit: 1024)
        try await fixture.test { client in
            let fields = [("targetKind", "zone"), ("targetID", "ctl")]
            // Just over the limit but inside the multipart overhead: refused after parsing.
            let over = try await Self.upload(client, fixture, token: fixture.tokens[.assessor]!, fields: fields, file: (name: "big.bin", type: "application/octet-stream", bytes: Array(repeating: 7, count: 1025)))
            #expect(over.status == .contentTooLarge)
            #expect(over.errorCode == "too-large")
            #expect(over.text.contains("1 KiB"), "\(over.text)")
            // Far over: refused while the body is read.
            let far = try await Self.upload(client, fixture, token: fixture.tokens[.assessor]!, fields: fields, file: (name: "huge.bin", type: "application/octet-stream", bytes: Array(repeating: 7, count: 200_000)))
            #expect(far.status == .contentTooLarge && far.errorCode == "too-large")
            let exact = try await Self.upload(client, fixture, token: fixture.tokens[.assessor]!, fields: fields, file: (name: "fits.bin", type: "application/octet-stream", bytes: Array(repeating: 7, count: 1024)))
            #expect(exact.status == .created)
        }
        let stored = try await fixture.store.evidence(projectID: fixture.project.id, modelName: "plant").map(\.originalName)
        #expect(stored == ["ctl-hardening.txt", "fits.bin"])
    }

    @Test func targetsMustExistInTheVersion() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let file = (name: "a.txt", type: "text/plain", bytes: Array("a".utf8))
            for (fields, accepted) in [
                ([("targetKind", "zone"), ("targetID", "nowhere")], false),
                ([("targetKind", "conduit"), ("targetID", "nothing")], false),
                ([("targetKind", "requirement"), ("targetID", "SR 99.9")], false),
                ([("targetKind", "finding"), ("targetID", "ZC-NOPE"), ("targetSubject", "zone:ctl")], false),
                ([("targetKind", "shelf"), ("targetID", "ctl")], false),
                ([("targetKind", "zone"), ("targetID", "corp")], true),
                ([("targetKind", "requirement"), ("targetID", "sr1.1 re1")], true),
                ([("targetKind", "requirement"), ("targetID", "CR 2.1")], true),
            ] {
                let response = try await Self.upload(client, fixture, token: fixture.tokens[.assessor]!, fields: fields, file: file)
                #expect(response.status == (accepted ? .created : .badRequest), "\(fields): \(response.text)")
            }
            let missingFile = try await Self.upload(client, fixture, token: fixture.tokens[.assessor]!, fields: [("targetKind", "zone"), ("targetID", "corp")], file: nil)
            #expect(missingFile.status == .badRequest && missingFile.text.contains("'file'"))
            let malformed = try await client.execute(uri: "/api/v1/versions/\(fixture.version.id)/evidence", method: .post,
                                                     headers: [.authorization: "Bearer \(fixture.tokens[.assessor]!)", .contentType: MultipartBody.contentType],
                                                     body: ByteBuffer(string: "--not-the-boundary\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\ny"))
            #expect(malformed.status == .badRequest)
        }
        let targets = try await fixture.store.evidence(projectID: fixture.project.id, modelName: "plant").map(\.target)
        #expect(targets.contains(EvidenceTarget(kind: .requirement, id: "SR 1.1 RE 1")), "requirement ids are stored in the catalog's spelling")
        #expect(targets.count == 4)
    }

    @Test func theModelPageListsEvidenceAndTheUploadFormNeedsTheCSRFToken() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let (cookie, csrf, _) = try await ServerBehaviourTests.signIn(client, name: "assessor-user", password: "password-assessor")
            let page = try await client.execute(uri: "/versions/\(fixture.version.id)", method: .get, headers: [.cookie: cookie], body: nil)
            #expect(page.text.contains("enctype=\"multipart/form-data\""))
            #expect(page.text.contains("ctl-hardening.txt") && page.text.contains("/api/v1/evidence/\(fixture.evidence.id)/content"))
            let file = (name: "diode-test.pdf", type: "application/pdf", bytes: Array("%PDF-1.4 test".utf8))
            let forged = try await client.execute(uri: "/versions/\(fixture.version.id)/evidence", method: .post, headers: [.cookie: cookie, .contentType: MultipartBody.contentType],
                                                  body: MultipartBody.make(fields: [("target", "zone|corp|")], file: file))
            #expect(forged.status == .forbidden)
            let genuine = try await client.execute(uri: "/versions/\(fixture.version.id)/evidence", method: .post, headers: [.cookie: cookie, .contentType: MultipartBody.contentType],
                                                   body: MultipartBody.make(fields: [("csrf", csrf), ("target", "zone|corp|"), ("comment", "diode <test>")], file: file))
            #expect(genuine.status == .seeOther)
            #expect(genuine.headers[.location] == "/versions/\(fixture.version.id)#evidence")
            let after = try await client.execute(uri: "/versions/\(fixture.version.id)", method: .get, headers: [.cookie: cookie], body: nil)
            #expect(after.text.contains("diode-test.pdf") && after.text.contains("diode &lt;test&gt;"))
            #expect(after.text.contains(Array(SHA256.hash(data: file.bytes)).hexString))
            // A viewer sees the list but no upload form.
            let (viewerCookie, _, _) = try await ServerBehaviourTests.signIn(client, name: "viewer-user", password: "password-viewer")
            let viewerPage = try await client.execute(uri: "/versions/\(fixture.version.id)", method: .get, headers: [.cookie: viewerCookie], body: nil)
            #expect(viewerPage.text.contains("diode-test.pdf") && !viewerPage.text.contains("enctype=\"multipart/form-data\""))
        }
        #expect(try await fixture.store.evidence(projectID: fixture.project.id, modelName: "plant").count == 2, "the forged upload stored nothing")
    }

    @Test func anOversizedPageUploadGetsAPageSayingTheLimit() async throws {
        let fixture = try await ServerFixture.make(evidenceLimit: 2048)
        try await fixture.test { client in
            let (cookie, csrf, _) = try await ServerBehaviourTests.signIn(client, name: "assessor-user", password: "password-assessor")
            let response = try await client.execute(uri: "/versions/\(fixture.version.id)/evidence", method: .post, headers: [.cookie: cookie, .contentType: MultipartBody.contentType],
                                                    body: MultipartBody.make(fields: [("csrf", csrf), ("target", "zone|corp|")], file: (name: "big.bin", type: "application/octet-stream", bytes: Array(repeating: 1, count: 3000))))
            #expect(response.status == .contentTooLarge)
            #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(response.text.contains("larger than the evidence limit of 2 KiB"))
        }
    }
}

/// The Content-Disposition reading behind uploads, for the names browsers and curl actually send.
struct MultipartFormTests {
    @Test(arguments: [
        (#"form-data; name="file"; filename="a;b=c.pdf""#, "file", "a;b=c.pdf"),
        (#"form-data; name="file"; filename="C:\Users\me\report.pdf""#, "file", #"C:\Users\me\report.pdf"#),
        (#"form-data; name=file; filename=plain.txt"#, "file", "plain.txt"),
        (#"form-data; name="file"; filename="fallback.pdf"; filename*=UTF-8''na%C3%AFve%20plan.pdf"#, "file", "naïve plan.pdf"),
        (#"form-data; name="file"; filename="""#, "file", ""),
    ])
    func dispositionParameters(_ header: String, _ name: String, _ filename: String) throws {
        let parameters = MultipartForm.dispositionParameters(header)
        #expect(parameters["name"] == name)
        #expect(parameters["filename"] == filename)
    }

    @Test func baseNamesDropDirectoriesAndControlCharacters() {
        #expect(MultipartForm.baseName(#"C:\Users\me\report.pdf"#) == "report.pdf")
        #expect(MultipartForm.baseName("../../etc/passwd") == "passwd")
        #expect(MultipartForm.baseName("tab\there.txt") == "tabhere.txt")
        #expect(MultipartForm.mediaType("Application/PDF; name=x") == "application/pdf")
        #expect(MultipartForm.mediaType("not a type") == "application/octet-stream")
        #expect(MultipartForm.mediaType(nil) == "application/octet-stream")
    }

    @Test func aBodyWithTwoFieldsAndAFileParses() throws {
        let body = MultipartBody.make(fields: [("csrf", "t0k3n"), ("comment", "line one\r\nline two")], file: (name: "x.bin", type: "application/octet-stream", bytes: [0, 13, 10, 45, 45, 255]))
        let form = try MultipartForm.parse(Array(body.readableBytesView), boundary: MultipartBody.boundary)
        #expect(form.fields == ["csrf": "t0k3n", "comment": "line one\r\nline two"])
        #expect(form.files.count == 1 && form.files[0].bytes == [0, 13, 10, 45, 45, 255] && form.files[0].filename == "x.bin")
        #expect(MultipartForm.boundary(contentType: #"multipart/form-data; boundary="abc def""#) == "abc def")
        #expect(MultipartForm.boundary(contentType: "application/json") == nil)
    }

    @Test func delimitersAreFoundOnlyAtLineStartsAndTheCloseIsRequired() throws {
        let boundary = Array("--b0".utf8)
        // A preamble, transport padding after a delimiter, and the delimiter's text inside the data but not at a line start.
        let body = Array("preamble\r\n--b0  \r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx--b0y\r\n--b0\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n\r\n--b0--\r\n".utf8)
        let parts = try #require(MultipartForm.split(body, boundary: boundary))
        #expect(parts.map { String(decoding: $0.body, as: UTF8.self) } == ["x--b0y", ""])
        #expect(parts.map { $0.headers["content-disposition"] } == [#"form-data; name="a""#, #"form-data; name="b""#])
        #expect(MultipartForm.split(Array("--b0\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--b0\r\n".utf8), boundary: boundary) == nil, "no close delimiter")
        #expect(MultipartForm.split(Array("--b0\r\nno empty line\r\n--b0--".utf8), boundary: boundary) == nil, "a part without the line that ends its headers")
        #expect(MultipartForm.split([], boundary: boundary) == nil)
    }
}
