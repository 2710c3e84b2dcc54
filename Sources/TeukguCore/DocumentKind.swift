/// The kinds of file the product accepts, recognised from their bytes, never from a name.
public enum DocumentKind: String, CaseIterable, Sendable {
    case pdf, png, jpeg, gif, webp
    case wordDocument = "docx"
    case spreadsheet = "xlsx"
    case presentation = "pptx"
    /// Hangul Word Processor (HWPX zip package, and HWP 5 compound file).
    case hangulPackage = "hwpx"
    /// Legacy compound files: HWP 5, .doc, .xls, .ppt.
    case compoundDocument = "cfb"

    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .gif: "image/gif"
        case .webp: "image/webp"
        case .wordDocument: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .spreadsheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .presentation: "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        case .hangulPackage: "application/hwp+zip"
        case .compoundDocument: "application/x-cfb"
        }
    }

    /// Recognises a file by its leading bytes (and, for zip packages, the names inside).
    public static func sniff(_ bytes: [UInt8]) -> DocumentKind? {
        func starts(_ prefix: [UInt8]) -> Bool {
            bytes.count >= prefix.count && Array(bytes.prefix(prefix.count)) == prefix
        }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)), bytes.count >= 12, Array(bytes[8..<12]) == Array("WEBP".utf8) { return .webp }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .compoundDocument }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return zipPackageKind(bytes) }
        return nil
    }

    /// Office and Hangul packages are zip files; the names of their parts tell them apart.
    private static func zipPackageKind(_ bytes: [UInt8]) -> DocumentKind? {
        if contains(bytes, "application/hwp+zip") { return .hangulPackage }
        guard contains(bytes, "[Content_Types].xml") else { return nil }
        if contains(bytes, "word/") { return .wordDocument }
        if contains(bytes, "xl/") { return .spreadsheet }
        if contains(bytes, "ppt/") { return .presentation }
        return nil
    }

    private static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard bytes.count >= needle.count, let first = needle.first else { return false }
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first && Array(bytes[index..<index + needle.count]) == needle { return true }
            index += 1
        }
        return false
    }
}
