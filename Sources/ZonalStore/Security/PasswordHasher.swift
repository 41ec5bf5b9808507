import Crypto
import CryptoExtras
import Foundation

/// Password hashing with scrypt (memory-hard) from swift-crypto's CryptoExtras. The stored form carries its own
/// parameters, `scrypt$<log2 N>$<r>$<p>$<salt b64>$<hash b64>`, so the cost can be raised later without breaking old hashes.
public struct PasswordHasher: Sendable {
    public let log2N: Int
    public let blockSize: Int
    public let parallelism: Int

    /// N = 2^15, r = 8, p = 1: 32 MiB and tens of milliseconds per hash, the interactive-login setting of the scrypt paper.
    public static let interactive = PasswordHasher(log2N: 15, blockSize: 8, parallelism: 1)
    /// A cheap setting for tests that create many users; never used by `zonal serve`.
    public static let testing = PasswordHasher(log2N: 10, blockSize: 8, parallelism: 1)

    /// The shortest password accepted (NIST SP 800-63B asks for at least 8).
    public static let minimumLength = 8
    /// The longest accepted, so hashing cost stays bounded.
    public static let maximumLength = 1024

    public init(log2N: Int, blockSize: Int, parallelism: Int) {
        self.log2N = log2N
        self.blockSize = blockSize
        self.parallelism = parallelism
    }

    /// A new hash with a fresh 16-byte salt.
    public func hash(_ password: String) throws -> String {
        try Self.check(password)
        let salt = (0 ..< 16).map { _ in UInt8.random(in: .min ... .max) }
        let derived = try Self.derive(password, salt: salt, log2N: log2N, r: blockSize, p: parallelism)
        return "scrypt$\(log2N)$\(blockSize)$\(parallelism)$\(Data(salt).base64EncodedString())$\(Data(derived).base64EncodedString())"
    }

    /// True when the password matches the stored hash; false for any malformed hash (never throws on bad stored data).
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "scrypt", let log2N = Int(parts[1]), let r = Int(parts[2]), let p = Int(parts[3]),
              (1 ... 20).contains(log2N), (1 ... 32).contains(r), (1 ... 16).contains(p),
              let salt = Data(base64Encoded: String(parts[4])), let expected = Data(base64Encoded: String(parts[5])),
              password.utf8.count <= maximumLength,
              let derived = try? derive(password, salt: Array(salt), log2N: log2N, r: r, p: p)
        else { return false }
        return constantTimeEqual(derived, Array(expected))
    }

    static func check(_ password: String) throws(PasswordError) {
        let length = password.count
        if length < minimumLength { throw .tooShort(minimum: minimumLength) }
        if password.utf8.count > maximumLength { throw .tooLong(maximum: maximumLength) }
    }

    private static func derive(_ password: String, salt: [UInt8], log2N: Int, r: Int, p: Int) throws -> [UInt8] {
        let key = try KDF.Scrypt.deriveKey(from: Array(password.utf8), salt: salt, outputByteCount: 32, rounds: 1 << log2N, blockSize: r, parallelism: p)
        return key.withUnsafeBytes { Array($0) }
    }

    /// Compares without an early exit, so timing does not reveal how many leading bytes matched.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}

/// A password that may not be set.
public enum PasswordError: Error, Equatable, CustomStringConvertible {
    case tooShort(minimum: Int)
    case tooLong(maximum: Int)

    public var description: String {
        switch self {
        case let .tooShort(minimum): "the password is too short: use at least \(minimum) characters"
        case let .tooLong(maximum): "the password is too long: at most \(maximum) bytes"
        }
    }
}
