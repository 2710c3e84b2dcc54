extension StatuteIndex {
    /// The laws Teukgu's legal clocks count by: the Civil Act's period chapter, the Civil Petitions
    /// Act's processing periods, the Framework Act on Administrative Affairs that applies the Civil
    /// Act to administrative periods, and the regulation that names government-office holidays.
    /// Read from the legalize-kr texts (lilyffff, orca-technologies and santarosalia copies).
    static let periodLaws: [Law] = [
        Law(
            name: "Civil Act", nameKorean: "민법",
            // The stored consolidated text predates Law No. 19098 (2022-12-27), which rewrote art. 158
            // (age); the period articles indexed here are not touched by it, and art. 158 is left out.
            text:
                "consolidated text read for arts. 155–157 and 159–161 (art. 161 as amended by Law No. 8720, 2007-12-21)",
            covered: [155...157, 159...161],
            articles: [
                .init(number: .init(155), titleKorean: "본장의 적용범위", paragraphs: 1),
                .init(number: .init(156), titleKorean: "기간의 기산점", paragraphs: 1),
                .init(number: .init(157), titleKorean: "기간의 기산점", paragraphs: 1),
                .init(number: .init(159), titleKorean: "기간의 만료점", paragraphs: 1),
                .init(number: .init(160), titleKorean: "역에 의한 계산", paragraphs: 3),
                .init(number: .init(161), titleKorean: "공휴일 등과 기간의 만료점", paragraphs: 1),
            ]),
        Law(
            name: "Civil Petitions Act", nameKorean: "민원 처리에 관한 법률",
            text: "consolidated text as last amended by Law No. 18742 (promulgated 2022-01-11, in force 2022-07-12)",
            covered: [17...19],
            articles: [
                .init(number: .init(17), titleKorean: "법정민원의 처리기간 설정ㆍ공표", paragraphs: 3),
                .init(number: .init(18), titleKorean: "질의민원 등의 처리기간 등", paragraphs: 1),
                .init(number: .init(19), titleKorean: "처리기간의 계산", paragraphs: 3),
            ]),
        Law(
            name: "Framework Act on Administrative Affairs", nameKorean: "행정기본법",
            text: "Law No. 20824, promulgated 2025-03-18, in force 2025-03-18",
            covered: [6...7],
            articles: [
                // (2): periods that restrict rights or impose duties count the first day and do not
                // roll over a Saturday or holiday, unless that is worse for the citizen.
                .init(number: .init(6), titleKorean: "행정에 관한 기간의 계산", paragraphs: 2),
                .init(number: .init(7), titleKorean: "법령등 시행일의 기간 계산", paragraphs: 1),
                .init(number: .init(7, 2), titleKorean: "행정에 관한 나이의 계산 및 표시", paragraphs: 1),
            ]),
        Law(
            name: "Regulation on Holidays of Government Offices", nameKorean: "관공서의 공휴일에 관한 규정",
            // Decree No. 36290 made Labour Day (from 2026-05-01) and every national day, Constitution
            // Day included (from 2026-05-11), government-office holidays, as the seeded table has them.
            text: "Presidential Decree No. 36290, promulgated 2026-04-30, in force 2026-05-01",
            covered: [1...4],
            articles: [
                .init(number: .init(1), titleKorean: "목적", paragraphs: 1),
                .init(number: .init(2), titleKorean: "공휴일", paragraphs: 1),
                .init(number: .init(3), titleKorean: "대체공휴일", paragraphs: 3),
                .init(number: .init(4), titleKorean: "임시공휴일의 지정", paragraphs: 1),
            ]),
    ]
}
