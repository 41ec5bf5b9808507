import Dispatch

extension Array where Element: Sendable {
    /// `map` spread over the machine's cores, in chunks; results keep the input order, so output stays deterministic.
    /// The analysis of a 100,000-asset plant is a few hundred thousand independent evaluations: this is where cores help.
    func parallelMap<Result: Sendable>(minimumChunk: Int = 256, _ transform: @Sendable (Element) -> Result) -> [Result] {
        let chunks = Swift.max(1, Swift.min(count / minimumChunk, 64))
        guard chunks > 1 else { return map(transform) }
        let results = ResultSlots<Result>(count: count)
        let chunkSize = (count + chunks - 1) / chunks
        self.withUnsafeBufferPointer { input in
            let base = UnsafeSendableBuffer(buffer: input)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = chunk * chunkSize, end = Swift.min(start + chunkSize, base.buffer.count)
                guard start < end else { return }
                for i in start..<end { results.set(i, transform(base.buffer[i])) }
            }
        }
        return results.values()
    }
}

/// Write-once slots filled from several threads, each index by exactly one of them.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        // Distinct indices touch distinct elements; the array itself is never resized while shared.
        storage.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func values() -> [Value] { storage.map { $0! } }
}

/// Read-only access to the input from the worker threads for the duration of `withUnsafeBufferPointer`.
private struct UnsafeSendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>
}
