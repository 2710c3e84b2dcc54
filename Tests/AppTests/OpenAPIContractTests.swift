import Foundation
import Testing
import TeukguCore

@testable import App

/// The OpenAPI document's bodies are recorded from the handlers' own types.
@Suite struct OpenAPIContractTests {
    @Test func everyNamedTypeIsRecordedAndEveryContractNamesARoute() {
        #expect(OpenAPIDocument.unrecorded.isEmpty, "\(OpenAPIDocument.unrecorded)")
        let keys = Set(Endpoints.all.filter(\.isAPI).map(\.key))
        #expect(Set(APIContracts.byKey.keys).isSubset(of: keys))
    }

    @Test func aRecordedInputSaysWhatIsRequiredAndOptional() throws {
        let recorder = SchemaRecorder()
        let reference = try recorder.schema(for: LegalClockInput.self)
        #expect(reference["$ref"] as? String == "#/components/schemas/LegalClockInput")
        let schema = try #require(recorder.components["LegalClockInput"])
        let properties = try #require(schema["properties"] as? [String: [String: Any]])
        #expect(Set(properties.keys) == LegalClockInput.fields)
        #expect(Set(schema["required"] as? [String] ?? []) == ["start", "length", "rule"])
        #expect(properties["start"]?["type"] as? String == "string")
        #expect(properties["asOf"]?["type"] as? [String] == ["string", "null"])
        #expect(properties["length"]?["type"] as? String == "object")
    }

    @Test func theLimitsHandlersEnforceAreTheDocumentsOwn() throws {
        let limited: [any (Decodable & DocumentedLimits).Type] = [
            CallInput.self, CollaborationCallInput.self, TrackInput.self, ProfileInput.self,
            CollaborationApplicationInput.self, SandboxFilingInput.self, NewAccountInput.self,
        ]
        for type in limited {
            let recorder = SchemaRecorder()
            let reference = try recorder.schema(for: type)
            let name = try #require((reference["$ref"] as? String)?.split(separator: "/").last.map(String.init))
            let properties = try #require(recorder.components[name]?["properties"] as? [String: [String: Any]])
            for (field, limit) in type.limits {
                let schema = try #require(properties[field], "\(name).\(field)")
                #expect(schema["maxLength"] as? Int == limit.length?.upperBound, "\(name).\(field)")
                #expect(schema["maximum"] as? Int == limit.range?.upperBound, "\(name).\(field)")
                #expect(schema["minimum"] as? Int == limit.range?.lowerBound, "\(name).\(field)")
                #expect(schema["enum"] as? [String] == limit.choices, "\(name).\(field)")
            }
        }
        let title = try #require(SandboxFilingInput.limits["title"])
        #expect(title.admitsTrimmed(String(repeating: "가", count: 200)))
        #expect(!title.admitsTrimmed(String(repeating: "가", count: 201)))
        #expect(!title.admitsTrimmed("   "))
    }

    @Test func enumsDaysAndIdsCarryTheirValuesAndFormats() throws {
        struct Sample: Decodable {
            let kind: SandboxCaseKind
            let on: CalendarDate
            let id: UUID
            let tags: [String]
            let status: SandboxCaseStatus?
        }
        let recorder = SchemaRecorder()
        _ = try recorder.schema(for: Sample.self)
        let schema = try #require(recorder.components.values.first)
        let properties = try #require(schema["properties"] as? [String: [String: Any]])
        #expect(properties["kind"]?["enum"] as? [String] == SandboxCaseKind.allCases.map(\.rawValue))
        #expect(properties["on"]?["format"] as? String == "date")
        #expect(properties["id"]?["format"] as? String == "uuid")
        #expect((properties["tags"]?["items"] as? [String: Any])?["type"] as? String == "string")
        #expect(Set(schema["required"] as? [String] ?? []) == ["kind", "on", "id", "tags"])
    }
}
