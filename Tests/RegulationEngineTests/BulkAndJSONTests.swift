import Foundation
import RegulationEngine
import Testing

@Suite struct BulkAndJSONTests {
    let engine = snapshot([("national.yaml", nationalSource), ("sea.yaml", districtSource())])

    @Test func aBadLineYieldsAnErrorObjectAndTheOthersGoOn() throws {
        let input = """
            {"district":"sea","asOf":"2025-01-01","facts":{"activity.kind":"drone"}}
            {"district":"sea","asOf":"2025-01-01","facts":{"activity.kind":
            {"district":"moon","asOf":"2025-01-01","facts":{}}
            {"district":"sea","asOf":"2025-02-30","facts":{}}
            {"district":"sea","asOf":"2025-01-01","facts":{"activity.crew":"x"}}
            {"district":"sea","asOf":"2025-01-01","facts":{"activity.kind":"bakery"},"extra":1}
            {"district":"sea","asOf":"2025-01-01","facts":{"activity.kind":"bakery"}}
            """
        let output = BulkEvaluation.run(snapshot: engine, input: Data(input.utf8))
        let lines = output.text.split(separator: "\n").map(String.init)
        #expect(lines.count == 7 && output.count == 7 && output.errors == 5)
        let parsed = try lines.map { try JSONValue.parse($0) }
        #expect(parsed[0]["outcome"] == .string("conditional"))
        #expect(parsed[1]["error"]?["code"] == .string("malformed_json"))
        #expect(parsed[2]["error"]?["code"] == .string("unknown_district"))
        #expect(parsed[3]["error"]?["code"] == .string("invalid_date"))
        #expect(parsed[4]["error"]?["code"] == .string("wrong_fact_type"))
        #expect(parsed[5]["error"]?["code"] == .string("unknown_field"))
        #expect(parsed[6]["outcome"] == .string("permitted"))
    }

    @Test func decisionsEncodeAsValidJSONWithEveryField() throws {
        let decision = try engine.evaluate(
            RequestDecoding.decode(
                #"{"district":"sea","asOf":"2025-01-01","facts":{"activity.kind":"vessel","site.zone":"a \"quoted\"\nline"}}"#
            ))
        let text = DecisionJSON.encode(decision)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        for key in [
            "district", "asOf", "outcome", "basis", "reasons", "conditions", "exemptions", "missingFacts", "rulebooks",
        ] {
            #expect(object[key] != nil, "\(key)")
        }
        #expect(object["outcome"] as? String == "indeterminate")
    }

    @Test func theJSONParserKeepsTypesApartAndRefusesGarbage() throws {
        #expect(
            try JSONValue.parse(#"{"a":true,"b":1,"c":"1","d":[1.5],"e":"\u00e9\ud83d\ude00"}"#)
                == .object([
                    ("a", .bool(true)), ("b", .number(1)), ("c", .string("1")), ("d", .array([.number(1.5)])),
                    ("e", .string("é😀")),
                ]))
        for bad in ["{", "{\"a\":}", "[1,]", "{\"a\":1,\"a\":2}", "tru", "\"\u{01}\"", "{} x"] {
            #expect(throws: JSONParseError.self) { try JSONValue.parse(bad) }
        }
    }

    @Test func datesArriveAsStringsAndFitDateFacts() throws {
        let dated = snapshot([
            ("national.yaml", nationalSource),
            (
                "sea.yaml",
                districtSource(
                    extraRules: """
                          - id: d.late
                            title: {ko: 늦음, en: Late}
                            effect: prohibit
                            when: 'trial.start >= date("2027-01-01")'
                            cites: [{law: Act, article: art. 3}]
                        """, extraFacts: "  trial.start: {type: date, label: {ko: 시작, en: Start}}")
            ),
        ])
        let late = try dated.evaluate(
            RequestDecoding.decode(#"{"district":"sea","asOf":"2025-01-01","facts":{"trial.start":"2027-03-01"}}"#))
        #expect(late.outcome == .prohibited)
        #expect(throws: EvaluationError.self) {
            try dated.evaluate(
                RequestDecoding.decode(#"{"district":"sea","asOf":"2025-01-01","facts":{"trial.start":"soon"}}"#))
        }
    }
}

@Suite struct BulkFastPathTests {
    /// The byte-level reader must answer exactly as the general reader does.
    @Test func theFastReaderAndTheGeneralReaderAgree() throws {
        let set = RulebookSet.load(directory: shippedRulesDirectory)
        let engine = Snapshot(set)
        let lines = [
            #"{"district":"busan-marine-mobility","asOf":"2025-03-01","facts":{"activity.kind":"autonomous-vessel-trial","activity.crewOnboard":0,"site.zone":"test-north"},"company":{"isZoneOperator":true}}"#,
            #"{"district":"gangwon-ai-healthcare","asOf":"2025-05-01","facts":{"activity.kind":"remote-care","care.patientGroup":"general"}}"#,
            #"{ "asOf" : "2025-07-01", "district" : "jeonnam-dc-energy", "facts" : { "activity.kind" : "dc-distribution", "activity.voltageKilovolts" : 1.5, "site.zone":"naju-energy-valley" } }"#,
            #"{"district":"daegu-ai-robots","asOf":"2025-10-01","facts":{"activity.kind":"robot-data-collection","robot.faceRecognition":true},"company":{"company.isZoneOperator":false}}"#,
            #"{"district":"daegu-ai-robots","asOf":"2025-10-01","facts":{"activity.kind":"outdoor-robot-trial","robot.weightKg":"heavy"}}"#,
            #"{"district":"daegu-ai-robots","asOf":"2025-10-01","facts":{"no.such":1}}"#,
        ]
        // Each line twice: the second time the bulk writer reuses the conditions it wrote the first time.
        let doubled = lines + lines
        let output = BulkEvaluation.run(snapshot: engine, input: Data(doubled.joined(separator: "\n").utf8)).text.split(
            separator: "\n"
        ).map(String.init)
        #expect(output.count == doubled.count)
        for (line, produced) in zip(doubled, output) {
            let expected: String
            do {
                expected = DecisionJSON.encode(try engine.evaluate(try RequestDecoding.decode(line)))
            } catch let error as EvaluationError {
                expected = DecisionJSON.error(code: error.codeAndMessage.code, message: error.codeAndMessage.message)
            }
            #expect(produced == expected, "\(line)")
        }
    }
}
