import Foundation
import Testing
import TeukguCore
@testable import App

/// House rules that hold over the whole App target, read from its source files: every "now" from
/// the injected clock, every language choice through the catalogue, every state a typed lifecycle.
@Suite struct SourceRulesTests {
    static let appSources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/App")

    static func sources() throws -> [(path: String, lines: [String])] {
        let enumerator = try #require(FileManager.default.enumerator(at: appSources, includingPropertiesForKeys: nil))
        var files: [(String, [String])] = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            files.append((url.path.replacingOccurrences(of: appSources.path + "/", with: ""), text.components(separatedBy: "\n")))
        }
        return files
    }

    static func offending(_ pattern: String, except allowed: Set<String>) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        var found: [String] = []
        for (path, lines) in try sources() where !allowed.contains(path) {
            for (number, line) in lines.enumerated()
            where regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil {
                found.append("\(path):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        return found
    }

    @Test func everyNowComesFromTheInjectedClock() throws {
        let found = try Self.offending(#"\bDate\(\)"#, except: ["Configuration/AppClock.swift"])
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test func noInlineLanguageChoiceOutsideTheCatalogue() throws {
        let found = try Self.offending(#"== "ko"|\bko \?[^?]"#, except: ["Views/Strings.swift", "Views/Language.swift"])
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test func noStatusOrOutcomeIsAStringLiteral() throws {
        let pattern = #"(status|outcome)\)? *(==|!=|=|~~) *\[?""#
        let found = try Self.offending(pattern, except: [])
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test func everyCatalogueEntryHasKoreanAndEnglish() {
        for (key, value) in Strings.entries {
            #expect(!value.0.isEmpty && !value.1.isEmpty, "\(key) is missing a language")
        }
    }

    @Test func everyKeyTheCodeAsksForIsInTheCatalogue() throws {
        let regex = try NSRegularExpression(pattern: #"Strings\.(text|format)\("([A-Za-z0-9_.\-]+)""#)
        var missing: [String] = []
        for (path, lines) in try Self.sources() {
            for line in lines {
                for match in regex.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                    let key = String(line[Range(match.range(at: 2), in: line)!])
                    if Strings.entries[key] == nil { missing.append("\(path): \(key)") }
                }
            }
        }
        #expect(missing == [])
    }

    @Test func everyLifecycleStateHasWordsInBothLanguages() {
        func check<State: Lifecycle>(_ type: State.Type) {
            for state in State.allCases {
                let key = "\(State.lifecycleName).\(state.rawValue)"
                #expect(Strings.entries[key] != nil, "\(key) has no words")
            }
        }
        check(CallStatus.self)
        check(ApplicationStatus.self)
        check(PanelStatus.self)
        check(AssignmentStatus.self)
        check(RulebookVersionStatus.self)
        check(BackgroundJobStatus.self)
        check(PlanChangeStatus.self)
        for outcome: ApplicationOutcome in [.draft, .submitted, .candidate, .selected, .notSelected, .withdrawn] {
            #expect(Strings.entries["outcome.\(outcome.rawValue)"] != nil)
        }
    }
}
