import Dispatch

extension Array where Element: Sendable {
    /// `map` spread over the machine's cores, in chunks; results keep the input order, so output stays deterministic.
    /// The analysis of a 100,000-asset plant is a few hundred thousand independent evaluations: this is where cores help.
    func parallelMap<Result: Sendable>(minimumChunk: Int = 256, _ transform: @Sendable (Element) -> Result) -> [Result] {
        let chunks = Swift.max(1, Swift.min(count / minimumChunk, 64))
        guard chunks > 1 else { return map(transform) }
        let chunkSize = (count + chunks - 1) / chunks
        return withUnsafeBufferPointer { input in
            let base = UnsafeSendableBuffer(buffer: input)
            // Each worker initialises its own slots of the result in place: no optional slots, no second copy.
            return [Result](unsafeUninitializedCapacity: count) { output, initialized in
                let slots = UnsafeSendableSlots(buffer: output)
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let start = chunk * chunkSize, end = Swift.min(start + chunkSize, base.buffer.count)
                    guard start < end else { return }
                    for i in start..<end { (slots.buffer.baseAddress! + i).initialize(to: transform(base.buffer[i])) }
                }
                initialized = base.buffer.count
            }
        }
    }
}

/// Read-only access to the input from the worker threads for the duration of `withUnsafeBufferPointer`.
private struct UnsafeSendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>
}

/// The result's storage, written from several threads, each index by exactly one of them.
private struct UnsafeSendableSlots<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
}
