import Crypto
import Foundation

/// Replacing the checkpoint signing key without breaking verification (AUDIT.md: "Key rotation is itself an audit
/// event; old public keys stay verifiable"). The old key endorses the new one by signing a statement naming the log and
/// the new public key; that endorsement travels in an `audit.key.rotate` entry, whose checkpoint the old key also signs.
/// A verifier that pins only the first key then follows the chain, and a key added without the old key's endorsement
/// (by a forger, or by a server started with a stray key) is not trusted.
public enum KeyRotation {
    public static let action = "audit.key.rotate"

    /// The bytes the old key signs.
    static func statement(origin: String, newPublicKey: String) -> [UInt8] {
        Array("zonal audit key rotation\n\(origin)\n\(newPublicKey)\n".utf8)
    }

    /// The event announcing `newKey`, endorsed by `oldKey`.
    static func event(origin: String, from oldKey: AuditSigningKey, to newKey: AuditSigningKey) throws -> AuditEvent {
        let publicKey = newKey.publicKey.base64
        let endorsement = try oldKey.privateKey.signature(for: statement(origin: origin, newPublicKey: publicKey))
        return AuditEvent(action: action, objectType: "audit-key", objectID: newKey.keyID(name: origin).hexString,
                          objectHash: Array(SHA256.hash(data: newKey.publicKey.key.rawRepresentation)).hexString,
                          payload: ["publicKey": publicKey, "previousKeyID": oldKey.keyID(name: origin).hexString, "endorsement": endorsement.base64EncodedString()])
    }

    /// `pinned` and every key a trusted key endorsed, following the log's rotation entries in order.
    public static func trustedChain(from pinned: [AuditPublicKey], rows: [AuditSnapshot.Row], origin: String) -> [AuditPublicKey] {
        var trusted = pinned
        let actionColumn = AuditEntry.columns.firstIndex(of: "action")!
        let payloadColumn = AuditEntry.columns.firstIndex(of: "payload")!
        for row in rows where row.fields.count == AuditEntry.columns.count && row.fields[actionColumn].bytes == Array(action.utf8) {
            guard let payload = row.fields[payloadColumn].bytes,
                  let object = try? JSONSerialization.jsonObject(with: Data(payload)) as? [String: String],
                  let publicKey = object["publicKey"], let newKey = AuditPublicKey(base64: publicKey),
                  let endorsement = object["endorsement"].flatMap({ Data(base64Encoded: $0) })
            else { continue }
            let message = statement(origin: origin, newPublicKey: publicKey)
            if !trusted.contains(newKey), trusted.contains(where: { $0.key.isValidSignature(endorsement, for: message) }) {
                trusted.append(newKey)
            }
        }
        return trusted
    }
}
