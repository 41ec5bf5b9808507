import Testing
@testable import ZonalStore

struct CanonicalEncodingTests {
    @Test func lengthPrefixesKeepFieldBoundaries() {
        #expect(CanonicalEncoding.encode(["ab", "c"]) != CanonicalEncoding.encode(["a", "bc"]))
        #expect(CanonicalEncoding.encode(["", "x"]) != CanonicalEncoding.encode(["x", ""]))
    }

    @Test func bytesAreVersionedAndBigEndian() {
        var encoding = CanonicalEncoding()
        encoding.append(Int64(258))
        encoding.append("hi")
        #expect(encoding.bytes == [1, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 2, 0x68, 0x69])
    }

    @Test func theLeafCoversSeqAndEveryField() {
        let entry = AuditEntry(seq: 7, timestamp: "2026-01-01T00:00:00.000Z", actor: "ana", actorRole: "engineer", authContext: "session:ab", sourceAddress: "127.0.0.1",
                               action: "model.version.create", objectType: "model-version", objectID: "3", objectHash: "00", result: .success, payload: "{}", leafHash: [])
        let leaf = AuditEntry.leafHash(seq: 7, fields: entry.fieldBytes)
        #expect(AuditEntry.leafHash(seq: 8, fields: entry.fieldBytes) != leaf)
        for index in entry.fieldBytes.indices {
            var fields = entry.fieldBytes
            fields[index].append(0x20)
            #expect(AuditEntry.leafHash(seq: 7, fields: fields) != leaf, "field \(index)")
        }
    }
}
