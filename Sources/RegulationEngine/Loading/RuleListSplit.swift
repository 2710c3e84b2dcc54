/// A large block-style rulebook cut at its top-level `rules:` list, so that the list's items can be
/// composed on every core instead of the whole file on one.
///
/// Composing YAML is the slowest step of loading 100k rules, and a composer works through one
/// document alone. The items of the rule list are independent, so they are cut into chunks at the
/// lines where an item starts. The cut is only attempted on plain layouts (one `rules:` key at the
/// left margin, one document, no directives); anything unusual, or any chunk that fails to compose
/// on its own (an alias to another chunk's anchor, a quoted text cut in two), sends the caller back
/// to composing the file whole, so the result never differs from the whole-file reading.
struct RuleListSplit {
    /// The file with the rule list emptied (`rules: []`) and its lines kept blank, so line numbers hold.
    let header: String
    /// Runs of whole items, each with the number of lines before it in the file.
    let chunks: [(text: String, linesBefore: Int)]

    /// Nil when the file is not worth cutting (fewer items than `minimumItems`) or not plainly laid out.
    init?(source: String, minimumItems: Int, chunkCount: Int) {
        let bytes = Array(source.utf8)
        let lines = RuleListSplit.lineStarts(bytes)
        var rulesLine: Int?
        for (number, start) in lines.enumerated() {
            let line = RuleListSplit.line(bytes, lines, number)
            if start < bytes.count, bytes[start] == UInt8(ascii: "%") { return nil }  // a directive
            if line.starts(with: "---".utf8) || line.starts(with: "...".utf8) {
                if number > 0 || !RuleListSplit.isBlankAfter(line, offset: 3) { return nil }  // more than one document
            }
            if line.starts(with: "rules:".utf8) {
                guard rulesLine == nil, RuleListSplit.isBlankAfter(line, offset: 6) else { return nil }
                rulesLine = number
            }
        }
        guard let rulesLine else { return nil }

        // The list's items sit at one indent; the list ends at the first line that is less indented,
        // or as indented but not an item.
        var itemIndent: Int?
        var itemStarts: [Int] = []
        var end = lines.count
        for number in (rulesLine + 1)..<lines.count {
            let line = RuleListSplit.line(bytes, lines, number)
            let indent = line.prefix { $0 == UInt8(ascii: " ") }.count
            let rest = line.dropFirst(indent)
            if rest.isEmpty || rest.first == UInt8(ascii: "#") || rest.first == UInt8(ascii: "\r") { continue }
            let isItem =
                rest.first == UInt8(ascii: "-")
                && (rest.count == 1 || [UInt8(ascii: " "), UInt8(ascii: "\r")].contains(rest[rest.startIndex + 1]))
            if itemIndent == nil {
                guard isItem else { return nil }  // a flow list or something else: read it whole
                itemIndent = indent
            }
            if indent < itemIndent! || (indent == itemIndent! && !isItem) {
                end = number
                break
            }
            if indent == itemIndent! && isItem { itemStarts.append(number) }
        }
        guard itemStarts.count >= max(minimumItems, 1) else { return nil }

        let perChunk = (itemStarts.count + chunkCount - 1) / max(chunkCount, 1)
        var chunks: [(text: String, linesBefore: Int)] = []
        var first = 0
        while first < itemStarts.count {
            let startLine = itemStarts[first]
            let next = first + perChunk
            let endLine = next < itemStarts.count ? itemStarts[next] : end
            let from = lines[startLine]
            let to = endLine < lines.count ? lines[endLine] : bytes.count
            chunks.append((String(decoding: bytes[from..<to], as: UTF8.self), startLine))
            first = next
        }
        self.chunks = chunks

        // The header keeps every line of the file, the list's lines blank.
        var header = Array(bytes[0..<lines[rulesLine]])
        header += Array("rules: []".utf8)
        let listEnd = end < lines.count ? lines[end] : bytes.count
        header += [UInt8](
            repeating: UInt8(ascii: "\n"),
            count: bytes[lines[rulesLine]..<listEnd].filter { $0 == UInt8(ascii: "\n") }.count)
        header += bytes[listEnd...]
        self.header = String(decoding: header, as: UTF8.self)
    }

    /// The offset where each line starts.
    static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") && offset + 1 < bytes.count {
            starts.append(offset + 1)
        }
        return starts
    }

    /// Line `number` without its line break.
    static func line(_ bytes: [UInt8], _ starts: [Int], _ number: Int) -> ArraySlice<UInt8> {
        let end = number + 1 < starts.count ? starts[number + 1] - 1 : bytes.count
        return bytes[starts[number]..<max(starts[number], end)]
    }

    /// Whether only spaces, a comment or a carriage return follow `offset`.
    static func isBlankAfter(_ line: ArraySlice<UInt8>, offset: Int) -> Bool {
        for byte in line.dropFirst(offset) {
            if byte == UInt8(ascii: "#") { return true }
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\r") { return false }
        }
        return true
    }
}
