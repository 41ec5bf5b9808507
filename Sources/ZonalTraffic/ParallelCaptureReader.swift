import Dispatch
import Foundation

/// Reads one pcap or pcapng file in consecutive parts on several threads, each into its own flow table, and merges the
/// tables into exactly the table a single walk builds (same flows, counters, functions, frames and order).
///
/// Part k starts at a candidate record boundary found by scanning forward from its target offset (`RecordBoundary`),
/// numbering its packets from 1, and walks up to the next target. At the merge, the part before must have stopped exactly
/// at that boundary in the same reader state (it stops at the first true boundary at or after the same target); then
/// part k's frames are renumbered and its table joined. Otherwise the candidate was false (bytes in a payload that look
/// like records) and part k is walked again from where the part before really stopped, so the result is always the
/// single walk's.
enum ParallelCaptureReader {
    /// How many parts a file of `size` bytes is read in, with `threads` threads and at least `minimumPartBytes` per part.
    static func parts(size: Int, threads: Int, minimumPartBytes: Int) -> Int {
        max(1, min(threads, size / max(1, minimumPartBytes)))
    }

    /// The byte offsets where parts 1...n-1 start (before moving to a record boundary): equal shares.
    static func targets(size: Int, parts n: Int) -> [Int] {
        guard n > 1 else { return [] }
        return (1..<n).map { size / n * $0 }
    }

    /// The merged table, the damage that ended the capture early, and how spanning flows were merged (for the tests).
    struct Result {
        var table: FlowTable
        var damage: CaptureDamage?
        var joined = 0
        var rewalked = 0
        /// Parts whose found boundary was false, walked again from the previous part's end.
        var fellBack = 0
        /// Parts walked again because they had fragments while datagrams begun before them were still in progress.
        var fragmentsCarried = 0
    }

    /// The walk of one part's results.
    struct Part {
        var table: FlowTable
        var damage: CaptureDamage?
        /// Where the part's walk began, its frames numbered from 1 (nil when no candidate boundary was found).
        var start: WalkPosition?
        /// Where the walk stopped: the first record boundary at or after the next part's target.
        var stop: WalkPosition
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
        // What a later part assumes at its boundary: pcap's file header, or pcapng's first section and interfaces.
        let assumed = format == .pcap || n == 1 ? start : try RecordBoundary.pcapngLeadingState(file)
        let size = file.bytes.count
        let ends = targets(size: size, parts: n) + [size]
        let slots = Slots(count: n, progress: progress)
        DispatchQueue.concurrentPerform(iterations: n) { k in
            do {
                let part = try walkPart(k, file: file, format: format, capture: capture, start: k == 0 ? start : assumed, ends: ends, slots: slots)
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
        var next = parts[0].stop
        var result = Result(table: FlowTable())
        for k in 1..<n where damage == nil {
            var part = parts[k]
            parts[k].table = FlowTable()
            // The single walk enters part k with the datagrams still in progress; the part began with none.
            let incoming = table.fragments
            var began = IPFragmentReassembler()
            // The part's first fragment expires every datagram still in progress from before it: then the part, which
            // began with none, did what a single walk does, but for counting those.
            let expired = part.table.firstFragmentTime.map { incoming.allExpired(at: $0) } ?? false
            if let found = part.start, found.sameState(as: next), incoming.isEmpty || part.table.counters.fragments == 0 || expired {
                if expired { part.table.counters.incompleteDatagrams += incoming.inProgress.count }
                let delta = next.number - found.number
                part.table.shiftFrames(by: delta)
                part.start?.number += delta
                part.stop.number += delta
                part.damage = part.damage.map { CaptureDamage(path: $0.path, offset: $0.offset, packet: $0.packet + delta, reason: $0.reason) }
                // A part without fragments leaves the datagrams in progress as they were (only fragments change them).
                if !incoming.isEmpty, part.table.counters.fragments == 0 { part.table.fragments = incoming }
            } else {
                // A false boundary, or fragments that may belong to datagrams begun before the part: walk it again from
                // where the part before stopped, with those datagrams in progress.
                if let found = part.start, found.sameState(as: next) { result.fragmentsCarried += 1 } else { result.fellBack += 1 }
                var again = FlowTable(capture: capture, continuation: true)
                again.fragments = incoming
                began = incoming
                let walked = try walk(format, file, from: next, until: ends[k], progress: { _, _ in }, into: &again)
                part = Part(table: again, damage: walked.damage, start: next, stop: walked.position)
            }
            let (keys, joins) = table.absorb(part.table)
            result.joined += joins
            result.rewalked += keys.count
            if !keys.isEmpty {
                var rewalk = FlowRewalk(table: table, keys: keys, fragments: began)
                table = FlowTable()
                _ = try walk(format, file, from: part.start!, until: ends[k], progress: { _, _ in }, into: &rewalk)
                table = rewalk.table
            }
            table.fragments = part.table.fragments
            damage = part.damage
            next = part.stop
        }
        table.counters = table.finalCounters
        table.fragments = IPFragmentReassembler()
        result.table = table
        result.damage = damage
        return result
    }

    /// Part `k`: from a candidate record boundary at or after its target (parts after the first), walk its records into
    /// a fresh table.
    static func walkPart(_ k: Int, file: MappedFile, format: CaptureFormat, capture: Int, start: WalkPosition, ends: [Int],
                         slots: Slots) throws(CaptureError) -> Part {
        var position = start
        if k > 0 {
            let found = format == .pcap ? RecordBoundary.pcap(file.bytes, from: ends[k - 1], state: start)
                : RecordBoundary.pcapng(file.bytes, from: ends[k - 1], state: start)
            guard let found else { return Part(table: FlowTable(), damage: nil, start: nil, stop: start) }
            position.offset = found
            position.number = 1
        }
        var table = FlowTable(capture: capture, continuation: k > 0)
        let from = position.offset
        let walked = try walk(format, file, from: position, until: ends[k], progress: { offset, packets in
            slots.report(part: k, walked: offset - from, packets: packets)
        }, into: &table)
        return Part(table: table, damage: walked.damage, start: position, stop: walked.position)
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
