/// Recomputes the audit log from its stored rows and checks it against the stored and the trusted checkpoints
/// (AUDIT.md, "Verification"). Pure: it reads a snapshot, never the database, so it can be tested on forged snapshots.
public struct AuditVerifier: Sendable {
    /// Keys given by the operator (not read from the database), extended by the keys they endorsed in rotation entries.
    /// When empty, the database's own key list is used and the report says so, because a forger with the database
    /// could add a key of theirs.
    public let pinnedKeys: [AuditPublicKey]
    /// Checkpoints kept off the host.
    public let trustedCheckpoints: [Checkpoint]

    public init(pinnedKeys: [AuditPublicKey] = [], trustedCheckpoints: [Checkpoint] = []) {
        self.pinnedKeys = pinnedKeys
        self.trustedCheckpoints = trustedCheckpoints
    }

    public func verify(_ snapshot: AuditSnapshot) -> AuditVerification {
        var report = AuditVerification()
        for item in snapshot.guards where !item.present {
            report.warnings.append("guard missing: \(item.name) (the log is not protected against accidental change)")
        }
        let leaves = recomputeLeaves(snapshot.rows, into: &report)
        var roots: [[UInt8]] = [MerkleHash.emptyRoot]
        var frontier = MerkleFrontier()
        for leaf in leaves {
            frontier.append(leafHash: leaf)
            roots.append(frontier.root)
        }
        report.size = Int64(leaves.count)
        report.root = frontier.root

        let storedKeys = snapshot.keys.values.compactMap(AuditPublicKey.init(base64:))
        let keys: [AuditPublicKey]
        if pinnedKeys.isEmpty {
            keys = storedKeys
            report.warnings.append("no public key pinned: signatures were checked against the keys stored in the database itself; pass --public-key (or --audit-key) to check them independently")
        } else {
            keys = KeyRotation.trustedChain(from: pinnedKeys, rows: snapshot.rows, origin: snapshot.origin)
        }
        checkStoredCheckpoints(snapshot, roots: roots, keys: keys, into: &report)
        checkTrustedCheckpoints(origin: snapshot.origin, roots: roots, keys: keys + storedKeys, into: &report)
        return report
    }

    /// Leaf hashes recomputed from the columns; stops extending the tree at the first break in seq, since nothing after
    /// it has a defined position.
    private func recomputeLeaves(_ rows: [AuditSnapshot.Row], into report: inout AuditVerification) -> [[UInt8]] {
        var leaves: [[UInt8]] = []
        var sequenceIntact = true
        for (index, row) in rows.enumerated() {
            let expected = Int64(index + 1)
            guard case let .integer(seq) = row.seq else {
                report.fail(seq: expected, "seq is not an integer: the row at position \(expected) was altered")
                sequenceIntact = false
                continue
            }
            if seq != expected, sequenceIntact {
                report.fail(seq: expected, seq > expected ? "entry \(expected) is missing (the next stored entry is \(seq)): entries were deleted" : "entry \(seq) appears again at position \(expected): entries were duplicated or reordered")
                sequenceIntact = false
            }
            let fields = row.fields.map(\.bytes)
            guard fields.count == AuditEntry.columns.count, fields.allSatisfy({ $0 != nil }) else {
                report.fail(seq: seq, "a column of entry \(seq) is not text")
                continue
            }
            let leaf = AuditEntry.leafHash(seq: seq, fields: fields.map { $0! })
            if row.leafHash.bytes != leaf {
                report.fail(seq: seq, "entry \(seq) does not match its leaf hash: a column was changed after it was written")
            }
            if sequenceIntact { leaves.append(leaf) }
        }
        return leaves
    }

    private func checkStoredCheckpoints(_ snapshot: AuditSnapshot, roots: [[UInt8]], keys: [AuditPublicKey], into report: inout AuditVerification) {
        var lastGoodSize: Int64 = 0
        var largest: Int64 = 0
        for stored in snapshot.checkpoints {
            let checkpoint: Checkpoint
            do {
                checkpoint = try Checkpoint.parse(stored.note)
            } catch {
                report.fail(seq: nil, "stored checkpoint #\(stored.id) cannot be read: \(error)")
                continue
            }
            report.checkpointsChecked += 1
            guard checkpoint.origin == snapshot.origin else {
                report.fail(seq: nil, "stored checkpoint #\(stored.id) belongs to another log (\(checkpoint.origin))")
                continue
            }
            guard checkpoint.isSigned(byAnyOf: keys) else {
                report.fail(seq: checkpoint.size, "checkpoint at size \(checkpoint.size) has no valid signature from a trusted key")
                continue
            }
            if checkpoint.size < largest {
                report.fail(seq: checkpoint.size, "checkpoint sizes decrease (\(largest) then \(checkpoint.size)): the log was rolled back")
            }
            largest = max(largest, checkpoint.size)
            guard checkpoint.size < Int64(roots.count) else {
                report.fail(seq: Int64(roots.count), "a signed checkpoint has size \(checkpoint.size) but only \(roots.count - 1) entries verify: entries from \(roots.count) on were removed or damaged")
                continue
            }
            if roots[Int(checkpoint.size)] != checkpoint.root {
                let first = lastGoodSize + 1
                let range = first == checkpoint.size ? "entry \(first)" : "an entry in \(first)...\(checkpoint.size)"
                report.fail(seq: first, "the root at size \(checkpoint.size) differs from its signed checkpoint: \(range) was rewritten")
            } else {
                lastGoodSize = max(lastGoodSize, checkpoint.size)
            }
        }
        let size = Int64(roots.count - 1)
        if largest < size {
            report.fail(seq: largest + 1, "entries \(largest + 1)...\(size) are not covered by any signed checkpoint: they were added outside Zonal")
        }
    }

    private func checkTrustedCheckpoints(origin: String, roots: [[UInt8]], keys: [AuditPublicKey], into report: inout AuditVerification) {
        let size = Int64(roots.count - 1)
        for trusted in trustedCheckpoints {
            guard trusted.origin == origin else {
                report.cannotVerify("the trusted checkpoint is for log \(trusted.origin), not this log (\(origin))")
                continue
            }
            guard trusted.isSigned(byAnyOf: keys) else {
                report.cannotVerify("the trusted checkpoint at size \(trusted.size) is not signed by a known key; pass the key it was signed with as --public-key")
                continue
            }
            report.trustedCheckpointsChecked += 1
            if trusted.size > size {
                report.fail(seq: size + 1, "the log has \(size) entries but a trusted checkpoint has \(trusted.size): the log was truncated or rolled back")
            } else if roots[Int(trusted.size)] != trusted.root {
                report.fail(seq: nil, "the root at size \(trusted.size) differs from the trusted checkpoint: history up to entry \(trusted.size) was rewritten (even if re-signed)")
            }
        }
    }
}

/// What verification found: the figures, warnings, and every violation with the seq it names.
public struct AuditVerification: Sendable, Equatable {
    public var size: Int64 = 0
    public var root: [UInt8] = MerkleHash.emptyRoot
    public var checkpointsChecked = 0
    public var trustedCheckpointsChecked = 0
    public var warnings: [String] = []
    public var violations: [AuditViolation] = []
    /// Reasons the log could not be verified at all (as opposed to being found wrong).
    public var blockers: [String] = []

    mutating func fail(seq: Int64?, _ reason: String) {
        violations.append(AuditViolation(seq: seq, reason: reason))
    }

    mutating func cannotVerify(_ reason: String) {
        blockers.append(reason)
    }

    /// The violation with the lowest seq (entries without a seq come last).
    public var firstViolation: AuditViolation? {
        violations.min { ($0.seq ?? .max) < ($1.seq ?? .max) }
    }

    /// 0 verified, 1 integrity violation, 2 cannot verify.
    public var exitCode: Int32 {
        if !violations.isEmpty { return 1 }
        if !blockers.isEmpty { return 2 }
        return 0
    }
}

/// One integrity failure.
public struct AuditViolation: Sendable, Equatable {
    public let seq: Int64?
    public let reason: String
}
