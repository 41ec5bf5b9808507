import Crypto
import Foundation

/// Bearer token secrets: 32 random bytes, shown once as `zt_<base64url>`, stored only as their SHA-256. A hash suffices
/// here (unlike passwords) because the secret has 256 bits of entropy and cannot be guessed.
public enum TokenSecret {
    public static let prefix = "zt_"

    /// A new random secret.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0 ..< 32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let text = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return prefix + text
    }

    /// What is stored and looked up.
    public static func hash(_ secret: String) -> String {
        Array(SHA256.hash(data: Array(secret.utf8))).hexString
    }
}
