import Testing
import TeukguCore

/// Citations as a Korean reader writes them, from the same text the statute index checks.
@Suite struct KoreanCitationTests {
    @Test func articlesParagraphsBranchesItemsAndRanges() {
        let act = "Regional Special Zones Act"
        #expect(KoreanCitation.text(law: act, article: "art. 86(4)") == "규제자유특구 및 지역특화발전특구에 관한 규제특례법 제86조제4항")
        #expect(KoreanCitation.text(law: act, article: "art. 57-3(2)")?.hasSuffix(" 제57조의3제2항") == true)
        #expect(KoreanCitation.text(law: act, article: "art. 74(1) item 4")?.hasSuffix(" 제74조제1항제4호") == true)
        #expect(KoreanCitation.text(law: act, article: "arts. 75(3), 77–78")?.hasSuffix(" 제75조제3항, 제77조~제78조") == true)
        #expect(KoreanCitation.text(law: act, article: "art. 75(1)–(2)")?.hasSuffix(" 제75조제1항~제2항") == true)
        #expect(
            KoreanCitation.text(law: act, article: "art. 90(4); Decree art. 60(3)")
                == "규제자유특구 및 지역특화발전특구에 관한 규제특례법 제90조제4항; "
                + "규제자유특구 및 지역특화발전특구에 관한 규제특례법 시행령 제60조제3항")
        #expect(KoreanCitation.text(law: "Narcotics Control Act", article: "art. 5") == "마약류 관리에 관한 법률 제5조")
        #expect(
            KoreanCitation.text(law: "Narcotics Control Act", article: "art. 30(1), (3)")
                == "마약류 관리에 관한 법률 제30조제1항, 제3항")
        #expect(KoreanCitation.text(law: "Civil Act", article: "art. 157") == "민법 제157조")
    }

    @Test func unknownLawsAndFormsAreLeftAsGiven() {
        #expect(KoreanCitation.text(law: "Moon Act", article: "art. 1") == nil)
        #expect(KoreanCitation.text(law: "Regional Special Zones Act", article: "Annex 2") == nil)
        #expect(KoreanCitation.text(law: "Regional Special Zones Act", article: "art. 5 sentence 2") == nil)
    }
}
