import Foundation
import TeukguCore

extension RulebookParser {
    /// Reads several files at once. Files with at least `splitFrom` rules have their rule list cut
    /// into chunks (see `RuleListSplit`), and every chunk of every file is one task, so all cores
    /// work until the last chunk is read (tasks nested inside a task would run one after another).
    /// The results are the same as reading each file whole, in the given order.
    static func parse(
        sources: [(file: String, text: String)], splitFrom minimumItems: Int = 2_000
    ) -> [(Rulebook?, [Diagnostic])] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let splits = sources.map { RuleListSplit(source: $0.text, minimumItems: minimumItems, chunkCount: cores * 4) }
        // One task per whole file, per header, per chunk and per content hash.
        enum Task {
            case whole(Int)
            case header(Int)
            case chunk(Int, Int)
            case hash(Int)
        }
        var tasks: [Task] = []
        for (index, split) in splits.enumerated() {
            if let split {
                tasks.append(.hash(index))
                tasks.append(.header(index))
                tasks += split.chunks.indices.map { .chunk(index, $0) }
            } else {
                tasks.append(.whole(index))
            }
        }
        let shared = ReadOnly((sources, splits, tasks))
        let wholes = ConcurrentSlots<(Rulebook?, [Diagnostic])>(count: sources.count)
        let headers = ConcurrentSlots<(Rulebook?, [Diagnostic])>(count: sources.count)
        let hashes = ConcurrentSlots<String>(count: sources.count)
        let chunkResults = splits.map { ConcurrentSlots<([Rule], [Diagnostic])>(count: $0?.chunks.count ?? 0) }
        DispatchQueue.concurrentPerform(iterations: tasks.count) { number in
            let (sources, splits, tasks) = shared.value
            switch tasks[number] {
            case .whole(let index):
                wholes.set(
                    index,
                    parse(text: sources[index].text, file: sources[index].file, source: sources[index].text, rules: nil)
                )
            case .hash(let index):
                hashes.set(index, SHA256Digest.hex(Array(sources[index].text.utf8)))
            case .header(let index):
                let placeholder: (rules: [Rule], diagnostics: [Diagnostic], hash: String) = ([], [], "")
                headers.set(
                    index,
                    parse(
                        text: splits[index]!.header, file: sources[index].file, source: sources[index].text,
                        rules: placeholder))
            case .chunk(let index, let chunk):
                if let result = parseRules(chunk: splits[index]!.chunks[chunk], file: sources[index].file) {
                    chunkResults[index].set(chunk, result)
                }
            }
        }
        var results: [(Rulebook?, [Diagnostic])] = []
        for (index, source) in sources.enumerated() {
            if let whole = wholes.values()[index] {
                results.append(whole)
                continue
            }
            let chunks = chunkResults[index].values()
            guard let header = headers.values()[index], chunks.allSatisfy({ $0 != nil }) else {
                // A chunk did not compose alone: read this file whole after all.
                results.append(parse(text: source.text, file: source.file, source: source.text, rules: nil))
                continue
            }
            let rules = chunks.flatMap { $0!.0 }
            let diagnostics = header.1 + chunks.flatMap { $0!.1 }
            results.append(
                (header.0.map { $0.replacingRules(rules, contentHash: hashes.values()[index] ?? "") }, diagnostics))
        }
        return results
    }
}
