import Foundation

/// A value shared read-only between threads.
final class ReadOnly<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// One result slot per concurrent task, filled in any order and read in index order.
final class ConcurrentSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) { lock.withLock { slots[index] = value } }

    func values() -> [Value?] { lock.withLock { slots } }
}

/// `transform` applied to every element on every core (in chunks, for lists long enough to be worth
/// it), results in the input's order. Each chunk's results are allocated by one thread in order, so
/// objects made for neighbouring elements end up near each other in memory.
func inParallel<Element, Result>(_ elements: [Element], _ transform: @Sendable (Element) -> Result) -> [Result] {
    let chunkCount = elements.count >= 4_000 ? max(1, ProcessInfo.processInfo.activeProcessorCount) * 4 : 1
    let chunkSize = (elements.count + chunkCount - 1) / chunkCount
    let shared = ReadOnly(elements)
    let results = ConcurrentSlots<[Result]>(count: chunkCount)
    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
        let range = min(shared.value.count, chunk * chunkSize)..<min(shared.value.count, (chunk + 1) * chunkSize)
        results.set(chunk, range.map { transform(shared.value[$0]) })
    }
    return results.values().flatMap { $0 ?? [] }
}
