import Foundation
import Testing
import Vapor
@testable import App

@Suite struct SettingsTests {
    @Test func productionRefusesToStartWithoutItsSecret() throws {
        #expect(throws: ConfigurationError.self) { try TeukguSettings(environment: .production, variables: [:]) }
        #expect(throws: ConfigurationError.self) { try TeukguSettings(environment: .production, variables: ["TEUKGU_SECRET_KEY": "too-short"]) }
        let settings = try TeukguSettings(environment: .production, variables: ["TEUKGU_SECRET_KEY": String(repeating: "k", count: 40)])
        #expect(settings.isProduction && settings.secureCookies)
        let development = try TeukguSettings(environment: .development, variables: [:])
        #expect(!development.isProduction && development.secretKey == TeukguSettings.developmentSecret)
    }

    @Test func theServeCommandIsTheDefault() {
        #expect(isServeCommand(["teukgu"]))
        #expect(isServeCommand(["teukgu", "serve", "--port", "9000"]))
        #expect(!isServeCommand(["teukgu", "migrate"]))
        #expect(!isServeCommand(["teukgu", "rules", "check", "Rules"]))
    }
}
