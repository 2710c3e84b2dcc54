extension Strings {
    /// The public portal, open data, the ministry's dashboard and staff search.
    static let portalEntries: [String: (String, String)] = [
        "portal.openData": ("공공데이터", "Open data"),
        "portal.collaborationResults": ("연도·트랙별 협업 결과", "Collaboration results by year and track"),
        "portal.sandboxStatistics": ("규제특례 사건 통계", "Sandbox case statistics"),
        "portal.dashboard": ("부처 현황판", "Ministry dashboard"),
        "portal.search": ("기록 검색", "Search records"),
        "tpl.openData.lead": (
            "Teukgu가 공개하는 모든 자료입니다. 열 이름은 바뀌지 않으며, 개인정보는 담지 않습니다.",
            "Everything Teukgu publishes. Column names do not change, and no file holds personal information."
        ),
        "tpl.openData.schema": ("열 설명", "Columns"),
        "tpl.openData.caching": (
            "파일마다 ETag와 Last-Modified를 보냅니다. If-None-Match 또는 If-Modified-Since로 다시 요청하면 바뀌지 않은 파일은 304로 답합니다.",
            "Each file carries an ETag and Last-Modified; ask again with If-None-Match or If-Modified-Since and an unchanged file answers 304."
        ),
        "tpl.openData.downloadCsv": ("CSV 내려받기", "Download CSV"),
        "tpl.openData.downloadJson": ("JSON 내려받기", "Download JSON"),
        "tpl.openData.columns": ("열", "Columns"),
        "tpl.openData.column": ("열 이름", "Column"),
        "tpl.openData.type": ("형식", "Type"),
        "tpl.openData.required": ("항상 값 있음", "Always present"),
        "tpl.openData.meaning": ("뜻", "Meaning"),
        "tpl.openData.preview": ("미리 보기", "Preview"),
        "tpl.openData.rows": ("행", "rows"),
    ]
}
