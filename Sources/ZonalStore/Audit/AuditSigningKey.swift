import Crypto
import Foundation

/// The Ed25519 key that signs checkpoints. It lives outside the database: in a file readable by its owner only, or in
/// the ZONAL_AUDIT_KEY environment variable (base64 of the 32-byte seed).
public struct AuditSigningKey: Sendable {
    public let privateKey: Curve25519.Signing.PrivateKey

    public init(privateKey: Curve25519.Signing.PrivateKey) {
        self.privateKey = privateKey
    }

    /// The environment variable that can carry the key instead of a file.
    public static let environmentVariable = "ZONAL_AUDIT_KEY"

    public var publicKey: AuditPublicKey { AuditPublicKey(key: privateKey.publicKey) }

    /// The C2SP key id for this key under a key name.
    public func keyID(name: String) -> [UInt8] { publicKey.keyID(name: name) }

    /// The key from the environment variable if set, else from the file; `createIfMissing` makes a new key file with mode 0600.
    public static func load(file path: String, environment: [String: String] = ProcessInfo.processInfo.environment, createIfMissing: Bool) throws(AuditKeyError) -> AuditSigningKey {
        if let text = environment[environmentVariable] {
            return try decode(text, source: "$\(environmentVariable)")
        }
        let manager = FileManager.default
        if !manager.fileExists(atPath: path) {
            guard createIfMissing else { throw .missing(path) }
            let key = AuditSigningKey(privateKey: Curve25519.Signing.PrivateKey())
            let text = key.privateKey.rawRepresentation.base64EncodedString() + "\n"
            // Created with 0600 from the start: never world-readable, not even for a moment.
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            guard fd >= 0 else { throw .unwritable(path, String(cString: strerror(errno))) }
            defer { close(fd) }
            let bytes = Array(text.utf8)
            guard write(fd, bytes, bytes.count) == bytes.count else { throw .unwritable(path, String(cString: strerror(errno))) }
            return key
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw .unreadable(path, String(cString: strerror(errno))) }
        guard info.st_mode & 0o077 == 0 else { throw .tooOpen(path, mode: Int(info.st_mode & 0o777)) }
        guard let data = manager.contents(atPath: path) else { throw .unreadable(path, "cannot read") }
        return try decode(String(decoding: data, as: UTF8.self), source: path)
    }

    static func decode(_ text: String, source: String) throws(AuditKeyError) -> AuditSigningKey {
        guard let seed = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), seed.count == 32,
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        else { throw .malformed(source) }
        return AuditSigningKey(privateKey: key)
    }
}

/// A checkpoint verification key.
public struct AuditPublicKey: Sendable, Equatable {
    public let key: Curve25519.Signing.PublicKey

    public init(key: Curve25519.Signing.PublicKey) {
        self.key = key
    }

    /// A key from base64 of its 32 raw bytes.
    public init?(base64: String) {
        guard let data = Data(base64Encoded: base64.trimmingCharacters(in: .whitespacesAndNewlines)), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: data) else { return nil }
        self.key = key
    }

    public var base64: String { key.rawRepresentation.base64EncodedString() }

    /// C2SP key id: the first 4 bytes of SHA-256(name || 0x0A || 0x01 || public key), 0x01 naming Ed25519.
    public func keyID(name: String) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: Array(name.utf8) + [0x0a, 0x01])
        hasher.update(data: key.rawRepresentation)
        return Array(hasher.finalize().prefix(4))
    }

    public static func == (lhs: AuditPublicKey, rhs: AuditPublicKey) -> Bool {
        lhs.key.rawRepresentation == rhs.key.rawRepresentation
    }
}

/// Why the signing key cannot be used.
public enum AuditKeyError: Error, Equatable, CustomStringConvertible {
    case missing(String)
    case tooOpen(String, mode: Int)
    case malformed(String)
    case unreadable(String, String)
    case unwritable(String, String)

    public var description: String {
        switch self {
        case let .missing(path): "audit signing key \(path) does not exist; give --audit-key FILE or set \(AuditSigningKey.environmentVariable)"
        case let .tooOpen(path, mode): "audit signing key \(path) has mode \(String(mode, radix: 8)); run `chmod 600 \(path)` so only its owner can read it"
        case let .malformed(source): "audit signing key in \(source) is not base64 of a 32-byte Ed25519 seed"
        case let .unreadable(path, reason): "cannot read audit signing key \(path): \(reason)"
        case let .unwritable(path, reason): "cannot create audit signing key \(path): \(reason)"
        }
    }
}
