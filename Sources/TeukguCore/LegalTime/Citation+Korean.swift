extension Citation {
    /// Sources that are not statutes (programme policy and notices), by their English text.
    public static let programmeSourcesInKorean: [String: String] = [
        "GID call policy default; the plan sets the term (Decree art. 42(3)1)":
            "글로벌혁신특구 공모 방침(기본값이며 기간은 특구계획이 정함, 시행령 제42조제3항제1호)",
        "MSS programme policy unconfirmed; configuration": "중소벤처기업부 사업 방침(확인되지 않은 설정값)",
        "MSS programme notice call for applications": "중소벤처기업부 사업 공고(모집 공고)",
    ]

    /// The citation as a Korean reader writes it: `법률명 제N조제N항 (법률 제NNNNN호, date)`, or the
    /// programme source's Korean name; the English text where neither is known.
    public var koreanText: String {
        let plain = "\(law) \(article)"
        var out = KoreanCitation.text(law: law, article: article) ?? Self.programmeSourcesInKorean[plain] ?? plain
        var extra: [String] = []
        if let amendment {
            let number = amendment.filter(\.isNumber)
            extra.append(number.isEmpty ? amendment : "법률 제\(number)호")
        }
        if let amendmentDate { extra.append(amendmentDate.iso) }
        if !extra.isEmpty { out += " (" + extra.joined(separator: ", ") + ")" }
        return out
    }
}
