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
            files.append(
                (url.path.replacingOccurrences(of: appSources.path + "/", with: ""), text.components(separatedBy: "\n"))
            )
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
        let found = try Self.offending(
            #"== "ko"|\bko \?[^?]"#, except: ["Views/Strings.swift", "Views/Language.swift"])
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
        check(SandboxCaseStatus.self)
        for event in SandboxCaseStatus.Event.allCases {
            #expect(Strings.entries["sandbox.event.\(event.rawValue)"] != nil, "\(event) has no words")
        }
        for outcome: ApplicationOutcome in [.draft, .submitted, .candidate, .selected, .notSelected, .withdrawn] {
            #expect(Strings.entries["outcome.\(outcome.rawValue)"] != nil)
        }
    }
}

@Suite struct TypedLinkTests {
    @Test func everyRouteNamesOnlyTypedParameters() {
        for endpoint in Endpoints.all {
            #expect(
                endpoint.parameters.count == endpoint.parameterNames.count, "\(endpoint.key) has an untyped parameter")
        }
    }

    @Test func aLinkFillsEveryParameterAndEncodesIt() {
        #expect(Endpoints.applicationPage.link([.applicationID: "a b/c"]) == "/designation/applications/a%20b%2Fc")
        #expect(Endpoints.loginPage.link(query: ["next": "/home?x=1&y"]) == "/login?next=/home?x%3D1%26y")
    }

    @Test func everyLinkTheCodeBuildsGivesExactlyTheRoutesParameters() throws {
        // Read every `Endpoints.name.link([.a: …, .b: …])` in the App and check the names against the route.
        // Whole files are searched, since a declaration or a call may be wrapped over several lines.
        let call = try NSRegularExpression(
            pattern: #"Endpoints\.([A-Za-z]+)\.link\(\s*\[((?:\s*\.[A-Za-z]+:\s[^\]]*?)?)\]"#)
        let names = try NSRegularExpression(pattern: #"\.([A-Za-z]+):\s"#)
        let declaration = try NSRegularExpression(
            pattern: #"static let ([A-Za-z]+) = Endpoint\(\s*\.[A-Z]+,\s*"([^"]+)""#)
        let files = try SourceRulesTests.sources().map { (path: $0.path, text: $0.lines.joined(separator: "\n")) }
        func groups(_ match: NSTextCheckingResult, in text: String) -> [String] {
            (1..<match.numberOfRanges).map { String(text[Range(match.range(at: $0), in: text)!]) }
        }
        var routes: [String: Endpoint] = [:]
        for file in files {
            for match in declaration.matches(in: file.text, range: NSRange(file.text.startIndex..., in: file.text)) {
                let found = groups(match, in: file.text)
                routes[found[0]] = Endpoints.all.first { $0.path == found[1] }
            }
        }
        #expect(routes.count > 80)
        var checked = 0
        var wrong: [String] = []
        for file in files {
            for match in call.matches(in: file.text, range: NSRange(file.text.startIndex..., in: file.text)) {
                let found = groups(match, in: file.text)
                guard let endpoint = routes[found[0]] else {
                    wrong.append("\(file.path): unknown endpoint \(found[0])")
                    continue
                }
                let arguments = found[1]
                let given = Set(
                    names.matches(in: arguments, range: NSRange(arguments.startIndex..., in: arguments)).map {
                        String(arguments[Range($0.range(at: 1), in: arguments)!])
                    })
                if given != Set(endpoint.parameterNames) {
                    wrong.append(
                        "\(file.path): \(found[0]) takes \(endpoint.parameterNames.sorted()), given \(given.sorted())")
                }
                checked += 1
            }
        }
        #expect(checked > 50)
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
    }
}

@Suite struct TemplateCatalogueTests {
    static let views = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Resources/Views")

    static func templates() throws -> [(name: String, text: String)] {
        let enumerator = try #require(FileManager.default.enumerator(at: views, includingPropertiesForKeys: nil))
        var found: [(String, String)] = []
        for case let url as URL in enumerator where url.pathExtension == "leaf" {
            found.append((url.lastPathComponent, try String(contentsOf: url, encoding: .utf8)))
        }
        return found
    }

    @Test func everyCatalogueKeyATemplateReadsExistsInBothLanguages() throws {
        let regex = try NSRegularExpression(pattern: #"layout\.t\.([A-Za-z0-9_]+)"#)
        let korean = Strings.table(for: "ko")
        let english = Strings.table(for: "en")
        var missing: [String] = []
        for (name, text) in try Self.templates() {
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = String(text[Range(match.range(at: 1), in: text)!])
                if korean[key]?.isEmpty != false || english[key]?.isEmpty != false { missing.append("\(name): \(key)") }
            }
        }
        #expect(missing.isEmpty, "\(missing.joined(separator: "\n"))")
    }

    /// Plain words live in the catalogue; a template switches on the language only to place data
    /// inside words (`#(page.round)차` / `round #(page.round)`).
    @Test func templatesSwitchLanguageOnlyAroundData() throws {
        let regex = try NSRegularExpression(pattern: #"#if\(layout\.lang == "ko"\):([^#]*)#else:([^#]*)#endif"#)
        var plain: [String] = []
        for (name, text) in try Self.templates() {
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                plain.append("\(name): \(text[Range(match.range, in: text)!])")
            }
        }
        #expect(plain.isEmpty, "\(plain.joined(separator: "\n"))")
    }
}
