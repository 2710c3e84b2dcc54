extension StatuteIndex {
    /// Other laws the rulebooks cite, indexed over the articles they cite, as read from the
    /// consolidated texts in legalize-kr (9bow/legalize-kr; the bioethics, narcotics and space
    /// development acts from the orca-technologies/legalize-kr copy, whose texts are current where
    /// 9bow's are the 2007–2010 ones). Texts that number 조의N articles under their parent's number
    /// were numbered by their order and by the cross-references to them. A law not listed here, or
    /// an article outside `covered`, is shown on the pages as cited but not checked.
    static let otherLaws: [Law] = [
        Law(
            name: "Space Liability Act", nameKorean: "우주손해배상법",
            text: "Law No. 20144, promulgated 2024-01-26, in force 2024-05-27",
            covered: [1...9],
            articles: [
                .init(number: .init(1), titleKorean: "목적", paragraphs: 1),
                .init(number: .init(2), titleKorean: "정의", paragraphs: 1),
                .init(number: .init(3), titleKorean: "국제협약과의 관계 등", paragraphs: 2),
                .init(number: .init(4), titleKorean: "무과실책임 및 책임의 집중 등", paragraphs: 3),
                .init(number: .init(5), titleKorean: "손해배상책임 한도액", paragraphs: 1),
                .init(number: .init(6), titleKorean: "손해배상 책임보험의 가입", paragraphs: 2),
                .init(number: .init(7), titleKorean: "정부의 조치", paragraphs: 3),
                .init(number: .init(8), titleKorean: "권리행사의 기간", paragraphs: 2),
                .init(number: .init(9), titleKorean: "규제의 재검토", paragraphs: 1),
            ]),
        Law(
            name: "Act on Transboundary Movements of Living Modified Organisms",
            nameKorean: "유전자변형생물체의 국가간 이동 등에 관한 법률",
            text: "consolidated text as last amended by Law No. 21065 (2025-10-01)",
            covered: [8...8, 22...22],
            articles: [
                .init(number: .init(8), titleKorean: "수입승인 등", paragraphs: 6),
                .init(number: .init(22), titleKorean: "연구시설의 설치ㆍ운영", paragraphs: 7),
                .init(number: .init(22, 2), titleKorean: "유전자변형생물체의 개발ㆍ실험", paragraphs: 3),
                .init(number: .init(22, 3), titleKorean: "생산공정이용시설의 설치ㆍ운영", paragraphs: 6),
                .init(number: .init(22, 4), titleKorean: "유전자변형생물체의 이용", paragraphs: 4),
            ]),
        Law(
            name: "Advanced Regenerative Medicine and Advanced Biological Products Act",
            nameKorean: "첨단재생의료 및 첨단바이오의약품 안전 및 지원에 관한 법률",
            text: "consolidated text as last amended by Law No. 20331 (2024-02-20)",
            covered: [10...15],
            articles: [
                .init(number: .init(10), titleKorean: "첨단재생의료실시기관", paragraphs: 11),
                .init(number: .init(11), titleKorean: "첨단재생의료 임상연구의 동의", paragraphs: 5),
                .init(number: .init(11, 2), titleKorean: "첨단재생의료 치료의 동의 등", paragraphs: 6),
                .init(number: .init(12), titleKorean: "첨단재생의료 연구계획에 대한 심의 및 승인", paragraphs: 5),
                .init(number: .init(12, 2), titleKorean: "첨단재생의료 치료계획에 대한 심의", paragraphs: 5),
                .init(number: .init(13), titleKorean: "첨단재생의료 및 첨단바이오의약품 심의위원회", paragraphs: 8),
                .init(number: .init(14), titleKorean: "심의위원회의 운영", paragraphs: 7),
                .init(number: .init(15), titleKorean: "첨단재생의료세포처리시설", paragraphs: 6),
            ]),
        Law(
            name: "Bioethics and Safety Act", nameKorean: "생명윤리 및 안전에 관한 법률",
            text: "Law No. 21065, promulgated 2025-10-01, in force 2025-10-01",
            covered: [46...49],
            articles: [
                .init(number: .init(46), titleKorean: "유전정보에 의한 차별 금지 등", paragraphs: 3),
                // The ban on gene therapy of embryos, ova, sperm and fetuses was paragraph (3) until
                // Law No. 17783 (in force 2021-12-30) inserted (3) and (4) before it.
                .init(number: .init(47), titleKorean: "유전자치료 및 연구", paragraphs: 5),
                .init(number: .init(48), titleKorean: "유전자치료기관", paragraphs: 4),
                .init(number: .init(49), titleKorean: "유전자검사기관", paragraphs: 6),
                .init(number: .init(49, 2), titleKorean: "유전자검사기관의 평가 및 인증", paragraphs: 5),
                .init(number: .init(49, 3), titleKorean: "유전자검사교육", paragraphs: 4),
            ]),
        Law(
            name: "Narcotics Control Act", nameKorean: "마약류 관리에 관한 법률",
            text: "Law No. 20878, promulgated 2025-04-01, in force 2025-07-02",
            covered: [28...32],
            articles: [
                .init(number: .init(28), titleKorean: "마약류의 소매", paragraphs: 4),
                // Arts. 29 and 31 were deleted on 2015-05-18.
                .init(number: .init(30), titleKorean: "마약류 투약 등", paragraphs: 4),
                .init(number: .init(32), titleKorean: "처방전의 기재", paragraphs: 3),
            ]),
        Law(
            name: "Space Development Promotion Act", nameKorean: "우주개발 진흥법",
            text: "Law No. 20674, promulgated 2025-01-21, in force 2025-04-22",
            covered: [11...14],
            articles: [
                .init(number: .init(11), titleKorean: "우주발사체의 발사허가", paragraphs: 5),
                .init(number: .init(12), titleKorean: "결격사유", paragraphs: 1),
                .init(number: .init(13), titleKorean: "발사허가의 취소 및 청문", paragraphs: 2),
                .init(number: .init(14), titleKorean: "우주사고에 따른 손해배상책임", paragraphs: 1),
                .init(number: .init(14, 2), titleKorean: "우주비행사의 구조", paragraphs: 1),
                .init(number: .init(14, 3), titleKorean: "인공우주물체의 반환", paragraphs: 1),
            ]),
    ]
}
