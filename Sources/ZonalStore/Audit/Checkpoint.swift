import Crypto
import Foundation

/// A signed tree head in the C2SP signed-note "checkpoint" format: origin line, tree size, base64 root, a blank line,
/// then `— <key name> base64(key id || Ed25519 signature)` lines. The signature covers the body including its final newline.
public struct Checkpoint: Sendable, Equatable {
    public let origin: String
    public let size: Int64
    public let root: [UInt8]
    public let signatures: [Signature]

    /// One signature line.
    public struct Signature: Sendable, Equatable {
        public let keyName: String
        public let keyID: [UInt8]
        public let signature: [UInt8]
    }

    /// The signed body: origin, size and root, each on its own line.
    public static func body(origin: String, size: Int64, root: [UInt8]) -> String {
        "\(origin)\n\(size)\n\(Data(root).base64EncodedString())\n"
    }

    public var body: String { Self.body(origin: origin, size: size, root: root) }

    /// The whole note as text, ready to write to a file.
    public var note: String {
        body + "\n" + signatures.map { "\u{2014} \($0.keyName) \(Data($0.keyID + $0.signature).base64EncodedString())\n" }.joined()
    }

    /// Signs a tree head.
    public static func signed(origin: String, size: Int64, root: [UInt8], key: AuditSigningKey) throws -> Checkpoint {
        let text = body(origin: origin, size: size, root: root)
        let signature = try key.privateKey.signature(for: Array(text.utf8))
        return Checkpoint(origin: origin, size: size, root: root, signatures: [Signature(keyName: origin, keyID: key.keyID(name: origin), signature: Array(signature))])
    }

    /// True when some signature line verifies under one of the keys (matched by name and key id).
    public func isSigned(byAnyOf keys: [AuditPublicKey]) -> Bool {
        let message = Array(body.utf8)
        for line in signatures {
            for key in keys where key.keyID(name: line.keyName) == line.keyID {
                if key.key.isValidSignature(line.signature, for: message) { return true }
            }
        }
        return false
    }

    /// Parses a note; the error says which line is wrong.
    public static func parse(_ text: String) throws(CheckpointError) -> Checkpoint {
        guard let split = text.range(of: "\n\n", options: .backwards) else { throw .malformed(line: 1, "no blank line between the checkpoint and its signatures") }
        let bodyLines = text[..<split.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
        guard bodyLines.count >= 3 else { throw .malformed(line: bodyLines.count + 1, "a checkpoint needs an origin, a tree size and a root") }
        let origin = String(bodyLines[0])
        guard !origin.isEmpty else { throw .malformed(line: 1, "empty origin") }
        guard let size = Int64(bodyLines[1]), size >= 0 else { throw .malformed(line: 2, "tree size '\(bodyLines[1])' is not a non-negative integer") }
        guard let rootData = Data(base64Encoded: String(bodyLines[2])), rootData.count == 32 else { throw .malformed(line: 3, "the root is not 32 bytes of base64") }
        var signatures: [Signature] = []
        let signatureLines = text[split.upperBound...].split(separator: "\n")
        for (offset, line) in signatureLines.enumerated() {
            let number = bodyLines.count + 2 + offset
            let parts = line.split(separator: " ")
            guard parts.count == 3, parts[0] == "\u{2014}" else { throw .malformed(line: number, "a signature line is '\u{2014} <key name> <base64>'") }
            guard let blob = Data(base64Encoded: String(parts[2])), blob.count == 4 + 64 else { throw .malformed(line: number, "the signature is not 4 + 64 bytes of base64") }
            signatures.append(Signature(keyName: String(parts[1]), keyID: Array(blob.prefix(4)), signature: Array(blob.dropFirst(4))))
        }
        guard !signatures.isEmpty else { throw .malformed(line: bodyLines.count + 2, "no signature lines") }
        // Extension lines after the root are not used by Zonal; rejecting them keeps one meaning per note.
        guard bodyLines.count == 3 else { throw .malformed(line: 4, "unexpected extra line in the checkpoint body") }
        return Checkpoint(origin: origin, size: size, root: Array(rootData), signatures: signatures)
    }
}

/// A checkpoint note that cannot be read.
public enum CheckpointError: Error, Equatable, CustomStringConvertible {
    case malformed(line: Int, String)

    public var description: String {
        switch self {
        case let .malformed(line, reason): "checkpoint line \(line): \(reason); a checkpoint is written by `zonal audit checkpoint --out FILE`"
        }
    }
}
