import Foundation
import RegulationEngine
import TeukguCore

func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

/// The repository's Rules folder, found from this file so tests run from any directory.
let shippedRulesDirectory: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("Rules").path
}()

let nationalSource = """
    id: national
    scope: national
    title: {ko: 국가, en: National}
    effective: {from: 2020-01-01}
    facts:
      activity.kind: {type: string, label: {ko: 활동, en: Activity}}
      activity.crew: {type: number, label: {ko: 승무원, en: Crew}}
      site.zone: {type: string, label: {ko: 구역, en: Zone}}
      company.isZoneOperator: {type: bool, label: {ko: 특구사업자, en: Zone operator}}
    rules:
      - id: n.crew
        title: {ko: 승무, en: Crew}
        effect: prohibit
        when: 'activity.kind == "vessel" and activity.crew < 1'
        cites: [{law: Ship Officers Act, article: art. 11}]
      - id: n.permit
        title: {ko: 허가, en: Permit}
        effect: require
        when: 'activity.kind == "drone"'
        cites: [{law: Aviation Safety Act, article: art. 127}]
        conditions:
          - {type: permit, authority: MOLIT, name: Flight approval}
          - {type: insurance, death: 100_000_000, property: 2_000_000_000}
    """

func districtSource(extraRules: String = "", extraFacts: String = "") -> String {
    """
    id: sea
    scope: "district: sea"
    title: {ko: 바다, en: Sea}
    effective: {from: 2024-06-01, until: 2028-06-01}
    facts:
      vessel.fuel: {type: enum, values: [ammonia, diesel], label: {ko: 연료, en: Fuel}}
    \(extraFacts)
    rules:
      - id: d.zone
        title: {ko: 구역 특례, en: Zone exemption}
        effect: exempt
        exempts: [n.crew]
        when: 'activity.kind == "vessel" and site.zone in ["a", "b"] and company.isZoneOperator == true'
        cites: [{law: Regional Special Zones Act, article: art. 86}]
        conditions:
          - {type: insurance, death: 150_000_000, injury: 30_000_000}
      - id: d.drone-insurance
        title: {ko: 드론 보험, en: Drone insurance}
        effect: require
        when: 'activity.kind == "drone"'
        cites: [{law: Regional Special Zones Act Enforcement Decree, article: art. 60}]
        conditions:
          - {type: insurance, death: 150_000_000, property: 1_000_000_000}
    \(extraRules)
    """
}

func load(_ sources: [(String, String)]) -> RulebookSet {
    RulebookSet.check(sources: sources.map { (file: $0.0, text: $0.1) })
}

func snapshot(_ sources: [(String, String)]) -> Snapshot {
    let set = load(sources)
    precondition(!set.hasErrors, "fixture has errors: \(set.errors)")
    return Snapshot(set)
}
