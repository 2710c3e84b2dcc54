extension StatuteIndex {
    /// The data-protection, medical, pharmaceutical, health-insurance, maritime, road, radio,
    /// electricity, product-safety and chemicals laws the rulebooks cite, indexed over the articles they cite (with every 조의N of those numbers), as read from the
    /// consolidated texts in 9bow/legalize-kr. Deleted articles (삭제) are left out, so citing one is
    /// an unknown article.
    static let safetyAndDataLaws: [Law] = [
        Law(
            name: "Personal Information Protection Act", nameKorean: "개인정보 보호법",
            text: "Law No. 20897, promulgated 2025-04-01, in force 2025-10-02",
            covered: [15...15, 23...23, 25...25, 28...28],
            articles: [
                .init(number: .init(15), titleKorean: "개인정보의 수집ㆍ이용", paragraphs: 3),
                .init(number: .init(23), titleKorean: "민감정보의 처리 제한", paragraphs: 3),
                .init(number: .init(25), titleKorean: "고정형 영상정보처리기기의 설치ㆍ운영 제한", paragraphs: 8),
                .init(number: .init(25, 2), titleKorean: "이동형 영상정보처리기기의 운영 제한", paragraphs: 4),
                .init(number: .init(28), titleKorean: "개인정보취급자에 대한 감독", paragraphs: 2),
                .init(number: .init(28, 2), titleKorean: "가명정보의 처리 등", paragraphs: 2),
                .init(number: .init(28, 3), titleKorean: "가명정보의 결합 제한", paragraphs: 3),
                .init(number: .init(28, 4), titleKorean: "가명정보에 대한 안전조치의무 등", paragraphs: 3),
                .init(number: .init(28, 5), titleKorean: "가명정보 처리 시 금지의무 등", paragraphs: 2),
                // 28-6 was deleted on 2023-03-14.
                .init(number: .init(28, 7), titleKorean: "적용범위", paragraphs: 1),
                .init(number: .init(28, 8), titleKorean: "개인정보의 국외 이전", paragraphs: 6),
                .init(number: .init(28, 9), titleKorean: "개인정보의 국외 이전 중지 명령", paragraphs: 3),
                .init(number: .init(28, 10), titleKorean: "상호주의", paragraphs: 1),
                .init(number: .init(28, 11), titleKorean: "준용규정", paragraphs: 1),
            ]),
        Law(
            name: "Medical Service Act", nameKorean: "의료법",
            text: "Law No. 21111, promulgated 2025-11-11, in force 2026-11-12",
            covered: [33...34],
            articles: [
                .init(number: .init(33), titleKorean: "개설 등", paragraphs: 10),
                .init(number: .init(33, 2), titleKorean: "의료기관개설위원회 설치 등", paragraphs: 3),
                .init(number: .init(33, 3), titleKorean: "실태조사", paragraphs: 3),
                .init(number: .init(34), titleKorean: "원격의료", paragraphs: 4),
            ]),
        Law(
            name: "National Health Insurance Act", nameKorean: "국민건강보험법",
            text: "Law No. 21065, promulgated 2025-10-01, in force 2026-01-02",
            covered: [102...102],
            articles: [.init(number: .init(102), titleKorean: "정보의 유지 등", paragraphs: 1)]),
        // 제34조의2 to 제34조의6 follow art. 34 in the text (the numbering is confirmed by the
        // cross-references 제34조의2제3항제5호 and 제34조의5제2항 inside them).
        Law(
            name: "Pharmaceutical Affairs Act", nameKorean: "약사법",
            text: "Law No. 21109, promulgated 2025-11-11, in force 2026-11-12",
            covered: [33...34],
            articles: [
                .init(number: .init(33), titleKorean: "의약품등 재평가", paragraphs: 2),
                .init(number: .init(34), titleKorean: "임상시험의 계획 승인 등", paragraphs: 7),
                .init(number: .init(34, 2), titleKorean: "임상시험실시기관 등의 지정 등", paragraphs: 5),
                .init(number: .init(34, 3), titleKorean: "비임상시험실시기관의 지정 등", paragraphs: 4),
                .init(number: .init(34, 4), titleKorean: "임상시험 종사자에 대한 교육", paragraphs: 5),
                .init(number: .init(34, 5), titleKorean: "임상시험안전지원기관 및 중앙임상시험심사위원회", paragraphs: 4),
                .init(number: .init(34, 6), titleKorean: "임상시험용의약품의 치료목적 사용승인 등", paragraphs: 3),
            ]),
        Law(
            name: "Radio Waves Act", nameKorean: "전파법",
            text: "Law No. 21065, promulgated 2025-10-01, in force 2026-01-02",
            covered: [19...19, 45...45],
            articles: [
                .init(number: .init(19), titleKorean: "허가를 통한 무선국 개설 등", paragraphs: 6),
                .init(number: .init(19, 2), titleKorean: "신고를 통한 무선국 개설 등", paragraphs: 2),
                .init(number: .init(45), titleKorean: "기술기준", paragraphs: 1),
            ]),
        Law(
            name: "Electric Utility Act", nameKorean: "전기사업법",
            text: "Law No. 21438, promulgated 2026-03-10, in force 2026-03-10",
            covered: [67...67],
            articles: [.init(number: .init(67), titleKorean: "기술기준", paragraphs: 3)]),
        Law(
            name: "Ship Safety Act", nameKorean: "선박안전법",
            text: "Law No. 19134, promulgated 2022-12-27, in force 2023-06-28",
            covered: [26...26],
            articles: [.init(number: .init(26), titleKorean: "선박시설의 기준", paragraphs: 1)]),
        Law(
            name: "Ship Officers Act", nameKorean: "선박직원법",
            text: "Law No. 21053, promulgated 2025-09-16, in force 2025-12-17",
            covered: [11...11],
            articles: [.init(number: .init(11), titleKorean: "승무기준 및 선박직원의 직무", paragraphs: 2)]),
        Law(
            name: "Road Traffic Act", nameKorean: "도로교통법",
            text: "Law No. 21016, promulgated 2025-08-14, in force 2026-01-01",
            covered: [8...8],
            articles: [
                .init(number: .init(8), titleKorean: "보행자의 통행", paragraphs: 4),
                .init(number: .init(8, 2), titleKorean: "실외이동로봇 운용자의 의무", paragraphs: 2),
            ]),
        Law(
            name: "Intelligent Robots Development and Distribution Promotion Act",
            nameKorean: "지능형 로봇 개발 및 보급 촉진법",
            text: "Law No. 21065, promulgated 2025-10-01, in force 2025-10-01",
            covered: [40...40],
            articles: [
                .init(number: .init(40), titleKorean: "로봇랜드의 관리 등", paragraphs: 2),
                .init(number: .init(40, 2), titleKorean: "실외이동로봇의 운행안전인증 등", paragraphs: 7),
                .init(number: .init(40, 3), titleKorean: "안전인증의 취소 등", paragraphs: 2),
                .init(number: .init(40, 4), titleKorean: "보험 등 가입 의무", paragraphs: 1),
            ]),
        Law(
            name: "Electrical Appliances and Consumer Products Safety Control Act",
            nameKorean: "전기용품 및 생활용품 안전관리법",
            text: "Law No. 21065, promulgated 2025-10-01, in force 2025-10-01",
            covered: [5...5],
            articles: [.init(number: .init(5), titleKorean: "안전인증 등", paragraphs: 4)]),
        Law(
            name: "Chemicals Control Act", nameKorean: "화학물질관리법",
            text: "Law No. 21065, promulgated 2025-10-01, in force 2025-10-01",
            covered: [24...24],
            articles: [.init(number: .init(24), titleKorean: "취급시설의 배치ㆍ설치 및 관리 기준 등", paragraphs: 7)]),
    ]
}
