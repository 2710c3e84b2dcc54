// The public holidays of government offices 2024–2027, copied from ../shared/data so that a fresh
// clone seeds without reaching outside the repository. Admins edit the table in the database after seeding.
extension HolidayCalendar {
    public static let seedCSV = """
        date,weekday,name_ko,name_en,kind
        2024-01-01,Mon,신정연휴,New Year's Day,fixed
        2024-02-09,Fri,설날 전날,The day preceding Korean New Year,lunar
        2024-02-10,Sat,설날,Korean New Year,lunar
        2024-02-11,Sun,설날 다음날,The second day of Korean New Year,lunar
        2024-02-12,Mon,설날 대체 휴일,Alternative holiday for Korean New Year,substitute
        2024-03-01,Fri,삼일절,Independence Movement Day,fixed
        2024-04-10,Wed,국회의원 선거일,National Assembly Election Day,election
        2024-05-05,Sun,어린이날,Children's Day,fixed
        2024-05-06,Mon,어린이날 대체 휴일,Alternative holiday for Children's Day,substitute
        2024-05-15,Wed,부처님오신날,Buddha's Birthday,lunar
        2024-06-06,Thu,현충일,Memorial Day,fixed
        2024-08-15,Thu,광복절,Liberation Day,fixed
        2024-09-16,Mon,추석 전날,The day preceding Chuseok,lunar
        2024-09-17,Tue,추석,Chuseok,lunar
        2024-09-18,Wed,추석 다음날,The second day of Chuseok,lunar
        2024-10-01,Tue,국군의 날,Armed Forces Day,one-off
        2024-10-03,Thu,개천절,National Foundation Day,fixed
        2024-10-09,Wed,한글날,Hangul Day,fixed
        2024-12-25,Wed,기독탄신일,Christmas Day,fixed
        2025-01-01,Wed,신정연휴,New Year's Day,fixed
        2025-01-27,Mon,임시공휴일,Temporary Public Holiday,one-off
        2025-01-28,Tue,설날 전날,The day preceding Korean New Year,lunar
        2025-01-29,Wed,설날,Korean New Year,lunar
        2025-01-30,Thu,설날 다음날,The second day of Korean New Year,lunar
        2025-03-01,Sat,삼일절,Independence Movement Day,fixed
        2025-03-03,Mon,삼일절 대체 휴일,Alternative holiday for Independence Movement Day,substitute
        2025-05-05,Mon,부처님오신날; 어린이날,Buddha's Birthday; Children's Day,lunar
        2025-05-06,Tue,부처님오신날 대체 휴일; 어린이날 대체 휴일,Alternative holiday for Buddha's Birthday; Alternative holiday for Children's Day,substitute
        2025-06-03,Tue,대통령 선거일,Presidential Election Day,election
        2025-06-06,Fri,현충일,Memorial Day,fixed
        2025-08-15,Fri,광복절,Liberation Day,fixed
        2025-10-03,Fri,개천절,National Foundation Day,fixed
        2025-10-05,Sun,추석 전날,The day preceding Chuseok,lunar
        2025-10-06,Mon,추석,Chuseok,lunar
        2025-10-07,Tue,추석 다음날,The second day of Chuseok,lunar
        2025-10-08,Wed,추석 대체 휴일,Alternative holiday for Chuseok,substitute
        2025-10-09,Thu,한글날,Hangul Day,fixed
        2025-12-25,Thu,기독탄신일,Christmas Day,fixed
        2026-01-01,Thu,신정연휴,New Year's Day,fixed
        2026-02-16,Mon,설날 전날,The day preceding Korean New Year,lunar
        2026-02-17,Tue,설날,Korean New Year,lunar
        2026-02-18,Wed,설날 다음날,The second day of Korean New Year,lunar
        2026-03-01,Sun,삼일절,Independence Movement Day,fixed
        2026-03-02,Mon,삼일절 대체 휴일,Alternative holiday for Independence Movement Day,substitute
        2026-05-01,Fri,노동절,Labor Day,fixed
        2026-05-05,Tue,어린이날,Children's Day,fixed
        2026-05-24,Sun,부처님오신날,Buddha's Birthday,lunar
        2026-05-25,Mon,부처님오신날 대체 휴일,Alternative holiday for Buddha's Birthday,substitute
        2026-06-03,Wed,지방선거일,Local Election Day,election
        2026-06-06,Sat,현충일,Memorial Day,fixed
        2026-07-17,Fri,제헌절,Constitution Day,fixed
        2026-08-15,Sat,광복절,Liberation Day,fixed
        2026-08-17,Mon,광복절 대체 휴일,Alternative holiday for Liberation Day,substitute
        2026-09-24,Thu,추석 전날,The day preceding Chuseok,lunar
        2026-09-25,Fri,추석,Chuseok,lunar
        2026-09-26,Sat,추석 다음날,The second day of Chuseok,lunar
        2026-10-03,Sat,개천절,National Foundation Day,fixed
        2026-10-05,Mon,개천절 대체 휴일,Alternative holiday for National Foundation Day,substitute
        2026-10-09,Fri,한글날,Hangul Day,fixed
        2026-12-25,Fri,기독탄신일,Christmas Day,fixed
        2027-01-01,Fri,신정연휴,New Year's Day,fixed
        2027-02-06,Sat,설날 전날,The day preceding Korean New Year,lunar
        2027-02-07,Sun,설날,Korean New Year,lunar
        2027-02-08,Mon,설날 다음날,The second day of Korean New Year,lunar
        2027-02-09,Tue,설날 대체 휴일,Alternative holiday for Korean New Year,substitute
        2027-03-01,Mon,삼일절,Independence Movement Day,fixed
        2027-05-01,Sat,노동절,Labor Day,fixed
        2027-05-03,Mon,노동절 대체 휴일,Alternative holiday for Labor Day,substitute
        2027-05-05,Wed,어린이날,Children's Day,fixed
        2027-05-13,Thu,부처님오신날,Buddha's Birthday,lunar
        2027-06-06,Sun,현충일,Memorial Day,fixed
        2027-07-17,Sat,제헌절,Constitution Day,fixed
        2027-07-19,Mon,제헌절 대체 휴일,Alternative holiday for Constitution Day,substitute
        2027-08-15,Sun,광복절,Liberation Day,fixed
        2027-08-16,Mon,광복절 대체 휴일,Alternative holiday for Liberation Day,substitute
        2027-09-14,Tue,추석 전날,The day preceding Chuseok,lunar
        2027-09-15,Wed,추석,Chuseok,lunar
        2027-09-16,Thu,추석 다음날,The second day of Chuseok,lunar
        2027-10-03,Sun,개천절,National Foundation Day,fixed
        2027-10-04,Mon,개천절 대체 휴일,Alternative holiday for National Foundation Day,substitute
        2027-10-09,Sat,한글날,Hangul Day,fixed
        2027-10-11,Mon,한글날 대체 휴일,Alternative holiday for Hangul Day,substitute
        2027-12-25,Sat,기독탄신일,Christmas Day,fixed
        2027-12-27,Mon,기독탄신일 대체 휴일,Alternative holiday for Christmas Day,substitute
        """

    public static let seedCoveredYears: Set<Int> = [2024, 2025, 2026, 2027]
}
