package cn.qujiang.youth.talent.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.ApplicantFacts.Graduation;
import cn.qujiang.youth.contracts.ApplicantFacts.Degree;
import cn.qujiang.youth.talent.matches.MatchResultView.FactValueView;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import cn.qujiang.youth.talent.ServiceMessages;
import org.springframework.context.support.ResourceBundleMessageSource;

/** What an officer reads about the applicant: an age instead of the birth date, every given fact in words. */
class OfficerFactsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private final OfficerFacts facts = new OfficerFacts(messages());

    static ResourceBundleMessageSource messages() {
        return ServiceMessages.load();
    }

    private static ApplicantFacts graduate() {
        return new ApplicantFacts(LocalDate.of(1999, 3, 11), ApplicantFacts.Gender.FEMALE, Degree.BACHELOR,
                LocalDate.of(2025, 6, 30), List.of(new Graduation(Degree.JUNIOR_COLLEGE, LocalDate.of(2022, 6, 30))), false, null, true, null, null, null, null, LocalDate.of(2025, 8, 1), 2,
                null, null, null, null, null, null, null, null, null, null, List.of(LocalDate.of(2025, 1, 2)), null);
    }

    @Test
    void theAgeIsShownInsteadOfTheBirthDate() {
        assertThat(OfficerFacts.age(graduate(), TODAY)).as("the day before the 27th birthday").isEqualTo(26);
        List<FactValueView> worded = facts.of(graduate(), TODAY, Locale.CHINESE);
        assertThat(worded).extracting(FactValueView::fact).doesNotContain("birthDate", "childrenBirthDates");
        assertThat(worded.get(0)).isEqualTo(new FactValueView("age", "年龄", "26 岁"));
    }

    @Test
    void everyGivenFactIsInWordsAndFactsNotGivenAreLeftOut() {
        List<FactValueView> worded = facts.of(graduate(), TODAY, Locale.CHINESE);

        assertThat(worded).extracting(FactValueView::label, FactValueView::value).contains(
                org.assertj.core.groups.Tuple.tuple("性别", "女"),
                org.assertj.core.groups.Tuple.tuple("最高学历（含在读）", "本科"),
                org.assertj.core.groups.Tuple.tuple("其他学历", "大专（2022年6月30日）"),
                org.assertj.core.groups.Tuple.tuple("是否毕业于重点高校", "否"),
                org.assertj.core.groups.Tuple.tuple("毕业日期", "2025年6月30日"),
                org.assertj.core.groups.Tuple.tuple("在衢江参加社保起始日期", "2025年8月1日"),
                org.assertj.core.groups.Tuple.tuple("社保断缴", "2 个月"),
                org.assertj.core.groups.Tuple.tuple("子女", "1 名"));
        assertThat(worded).extracting(FactValueView::fact).doesNotContain("hukou", "industry");
        assertThat(worded).extracting(FactValueView::value).noneMatch(value -> value.matches(".*[A-Z_]{4,}.*"));
    }

    @Test
    void englishReadersGetEnglishWords() {
        assertThat(facts.of(graduate(), TODAY, Locale.ENGLISH)).extracting(FactValueView::value)
                .contains("26 years", "Female", "No");
    }
}
