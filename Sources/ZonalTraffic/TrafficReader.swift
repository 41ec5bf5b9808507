import Foundation

/// Reads captures (pcap, pcapng, either gzip-compressed) and flow logs (Zeek conn.log, Zonal flow CSV), each told by its first bytes, into one observation.
public enum TrafficReader {
    /// Progress of a read: bytes done of all files, and packets so far.
    public typealias Progress = (_ bytesDone: Int, _ bytesTotal: Int, _ packets: Int) -> Void

    /// One thread per core; a few more would only add merging work on this kind of machine.
    public static let defaultThreads = min(8, max(1, ProcessInfo.processInfo.activeProcessorCount))

    /// Reads every file in order. Throws only when a file cannot be read at all; damage part-way is recorded and reading goes on.
    ///
    /// A capture of at least `minimumPartBytes` per thread is read in parts on `threads` threads; the result is the same
    /// as with one thread, byte for byte.
    public static func read(_ paths: [String], threads: Int = defaultThreads, minimumPartBytes: Int = 16 << 20,
                            progress: @escaping Progress = { _, _, _ in }) throws(CaptureError) -> TrafficObservation {
        var observation = TrafficObservation()
        var files: [MappedFile] = []
        for path in paths { files.append(try MappedFile(path: path)) }
        let total = files.reduce(0) { $0 + $1.bytes.count }
        var done = 0
        for (i, file) in files.enumerated() {
            observation.sources.append(file.path)
            let before = done
            let packetsBefore = observation.counters.packets
            let report: (Int, Int) -> Void = { offset, packets in progress(before + offset, total, packetsBefore + packets) }
            if GzipCaptureReader.isGzip(file.bytes) {
                let (table, damage) = try GzipCaptureReader.read(file, capture: i, progress: report)
                if let damage { observation.damage.append(damage) }
                observation.counters.add(table.finalCounters)
                observation.flows.append(contentsOf: table.flows)
                done += file.bytes.count
                continue
            }
            guard let format = CaptureFormat.detect(file.bytes) else {
                let head = (0..<min(8, file.bytes.count)).map { String(format2: file.bytes.u8($0)!) }.joined(separator: " ")
                throw .unknownFormat(path: file.path, magic: head.isEmpty ? "(empty file)" : head)
            }
            switch format {
            case .pcap, .pcapng: break
            case .zeekTSV, .zeekJSON, .flowCSV:
                let result = try FlowLogReader.read(file, format: format, capture: i)
                observation.flows.append(contentsOf: result.flows)
                observation.counters.packets += result.flows.reduce(0) { $0 + $1.packets }
                observation.counters.bytes += result.flows.reduce(0) { $0 + $1.bytes }
                observation.fromFlowLogs = true
                if let problem = result.damage { observation.damage.append(problem) }
                done += file.bytes.count
                continue
            }
            let parts = ParallelCaptureReader.parts(size: file.bytes.count, threads: threads, minimumPartBytes: minimumPartBytes)
            let result = try ParallelCaptureReader.read(file, format: format, capture: i, parts: parts, progress: report)
            if let damage = result.damage { observation.damage.append(damage) }
            observation.parts.parts += parts
            observation.parts.joined += result.joined
            observation.parts.rewalked += result.rewalked
            observation.parts.fellBack += result.fellBack
            observation.parts.fragmentsCarried += result.fragmentsCarried
            observation.counters.add(result.table.counters)
            observation.flows.append(contentsOf: result.table.flows)
            done += file.bytes.count
        }
        return observation
    }
}

extension String {
    init(format2 byte: UInt8) {
        let hex = String(byte, radix: 16)
        self = hex.count == 1 ? "0" + hex : hex
    }
}
