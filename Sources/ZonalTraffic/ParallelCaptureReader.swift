import Dispatch
import Foundation

/// Reads one pcap or pcapng file in consecutive parts on several threads, each into its own flow table, and merges the
/// tables into exactly the table a single walk builds (same flows, counters, functions, frames and order).
///
/// No part needs another's end: part k first hops record headers from the start of the file to the first record boundary
/// at or after its target offset (cheap: a few bytes per record), then walks from there up to the next target; the
/// previous part's walk stops at that same boundary because it follows the same chain of records with the same rule.
/// Targets leave later parts less to walk, since they hop first.
enum ParallelCaptureReader {
    /// How many parts a file of `size` bytes is read in, with `threads` threads and at least `minimumPartBytes` per part.
    static func parts(size: Int, threads: Int, minimumPartBytes: Int) -> Int {
        max(1, min(threads, size / max(1, minimumPartBytes)))
    }

    /// Hopping a record header costs about this fraction of analysing the record (measured on the benchmark capture).
    static let hopCost = 0.1

    /// The byte offsets where parts 1...n-1 start (before rounding to a record boundary), balancing hop plus walk per part.
    static func targets(size: Int, parts n: Int) -> [Int] {
        guard n > 1 else { return [] }
        // Part k takes as long as part 0 when T(k+1) = T(1) + T(k)·(1 − r); with T(n) = size, T(1) = size·r / (1 − (1 − r)^n).
        let r = hopCost
        let first = Double(size) * r / (1 - pow(1 - r, Double(n)))
        var targets: [Int] = []
        var t = first
        for _ in 1..<n {
            targets.append(min(size, Int(t)))
            t = first + t * (1 - r)
        }
        return targets
    }

    /// The merged table, the damage that ended the capture early, and how spanning flows were merged (for the tests).
    struct Result {
        var table: FlowTable
        var damage: CaptureDamage?
        var joined = 0
        var rewalked = 0
    }

    /// The walk of one part's results.
    struct Part {
        var table: FlowTable
        var damage: CaptureDamage?
        /// Where the part's walk began (nil when its hop met damage first: an earlier part reports that damage).
        var start: WalkPosition?
        var end: Int
    }

    /// Results written by the threads, one slot each.
    final class Slots: @unchecked Sendable {
        var parts: [Part?]
        var error: CaptureError?
        let lock = NSLock()
        var done: [(offset: Int, packets: Int)]
        let progress: (_ offset: Int, _ packets: Int) -> Void

        init(count: Int, progress: @escaping (_ offset: Int, _ packets: Int) -> Void) {
            parts = Array(repeating: nil, count: count)
            done = Array(repeating: (0, 0), count: count)
            self.progress = progress
        }

        /// Sums the parts' progress (bytes walked, packets) and reports it; called every 64 MiB by each thread.
        func report(part: Int, walked: Int, packets: Int) {
            lock.lock()
            defer { lock.unlock() }
            done[part] = (walked, packets)
            progress(done.reduce(0) { $0 + $1.offset }, done.reduce(0) { $0 + $1.packets })
        }
    }

    static func read(_ file: MappedFile, format: CaptureFormat, capture: Int, parts n: Int,
                     progress: @escaping (_ offset: Int, _ packets: Int) -> Void) throws(CaptureError) -> Result {
        let start = format == .pcap ? try PcapReader.start(file.bytes, path: file.path) : PcapngReader.start
        let size = file.bytes.count
        let ends = targets(size: size, parts: n) + [size]
        let slots = Slots(count: n, progress: progress)
        DispatchQueue.concurrentPerform(iterations: n) { k in
            do {
                let part = try walkPart(k, file: file, format: format, capture: capture, start: start, ends: ends, slots: slots)
                slots.lock.lock()
                slots.parts[k] = part
                slots.lock.unlock()
            } catch let error as CaptureError {
                slots.lock.lock()
                slots.error = slots.error ?? error
                slots.lock.unlock()
            } catch {
                preconditionFailure("capture walks throw only CaptureError")
            }
        }
        if let error = slots.error { throw error }
        var parts = slots.parts.map { $0! }
        var table = parts[0].table
        var damage = parts[0].damage
        var joined = 0, rewalked = 0
        for k in 1..<n where damage == nil {
            guard let partStart = parts[k].start else { break }
            let (keys, joins) = table.absorb(parts[k].table)
            joined += joins
            rewalked += keys.count
            parts[k].table = FlowTable()
            if !keys.isEmpty {
                var rewalk = FlowRewalk(table: table, keys: keys)
                table = FlowTable()
                _ = try walk(format, file, from: partStart, until: parts[k].end, progress: { _, _ in }, into: &rewalk)
                table = rewalk.table
            }
            damage = parts[k].damage
        }
        return Result(table: table, damage: damage, joined: joined, rewalked: rewalked)
    }

    /// Part `k`: hop to its start (parts after the first), then walk its records into a fresh table.
    static func walkPart(_ k: Int, file: MappedFile, format: CaptureFormat, capture: Int, start: WalkPosition, ends: [Int],
                         slots: Slots) throws(CaptureError) -> Part {
        var position = start
        if k > 0 {
            var hop = RecordHop()
            let hopped = try walk(format, file, from: start, until: ends[k - 1], progress: { _, _ in }, into: &hop)
            if hopped.damage != nil { return Part(table: FlowTable(), damage: nil, start: nil, end: ends[k]) }
            position = hopped.position
        }
        var table = FlowTable(capture: capture, continuation: k > 0)
        let from = position.offset
        let walked = try walk(format, file, from: position, until: ends[k], progress: { offset, packets in
            slots.report(part: k, walked: offset - from, packets: packets)
        }, into: &table)
        return Part(table: table, damage: walked.damage, start: position, end: ends[k])
    }

    static func walk(_ format: CaptureFormat, _ file: MappedFile, from position: WalkPosition, until end: Int,
                     progress: @escaping (_ offset: Int, _ packets: Int) -> Void,
                     into sink: inout some PacketSink) throws(CaptureError) -> (position: WalkPosition, damage: CaptureDamage?) {
        try walk(format, WalkInput(file), from: position, until: end, progress: progress, into: &sink)
    }

    static func walk(_ format: CaptureFormat, _ input: WalkInput, from position: WalkPosition, until end: Int,
                     progress: @escaping (_ offset: Int, _ packets: Int) -> Void,
                     into sink: inout some PacketSink) throws(CaptureError) -> (position: WalkPosition, damage: CaptureDamage?) {
        format == .pcap
            ? try PcapReader.walk(input, from: position, until: end, progress: progress, into: &sink)
            : try PcapngReader.walk(input, from: position, until: end, progress: progress, into: &sink)
    }
}
