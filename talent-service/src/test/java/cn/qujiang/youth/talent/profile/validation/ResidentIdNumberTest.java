package cn.qujiang.youth.talent.profile.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qujiang.youth.contracts.ApplicantFacts.Gender;
import cn.qujiang.youth.talent.profile.validation.ResidentIdNumber.Problem;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResidentIdNumberTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    /**
     * The check character computed independently of the production code, from the standard's formula:
     * weight of position i (counted from the right, 1-based) is 2^(i-1) mod 11; check value = (12 - sum mod 11) mod 11.
     */
    static String withCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int positionFromRight = 18 - i;
            sum += (first17.charAt(i) - '0') * (int) (Math.pow(2, positionFromRight - 1) % 11);
        }
        int check = (12 - sum % 11) % 11;
        return first17 + (check == 10 ? "X" : Integer.toString(check));
    }

    @Test
    void acceptsTheStandardsOwnExampleAndReadsBirthDateAndGenderFromIt() {
        ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X", TODAY);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.gender()).isEqualTo(Gender.FEMALE); // 17th digit 2 is even
    }

    @Test
    void acceptsGeneratedQujiangNumbersAndReadsGenderFromThe17thDigit() {
        String male = withCheck("33080320000315123");
        String female = withCheck("33080319980707004");
        assertThat(ResidentIdNumber.problem(male, TODAY)).isEmpty();
        assertThat(ResidentIdNumber.parse(male, TODAY).gender()).isEqualTo(Gender.MALE);
        assertThat(ResidentIdNumber.parse(male, TODAY).birthDate()).isEqualTo(LocalDate.of(2000, 3, 15));
        assertThat(ResidentIdNumber.parse(female, TODAY).gender()).isEqualTo(Gender.FEMALE);
    }

    @Test
    void acceptsALowerCaseXAndStoresItUpperCase() {
        assertThat(ResidentIdNumber.parse(" 11010519491231002x ", TODAY).value()).isEqualTo("11010519491231002X");
    }

    @Test
    void findsEveryCheckCharacterTheIndependentFormulaFinds() {
        for (int sequence = 100; sequence < 200; sequence++) {
            String first17 = "33080319950101" + sequence;
            String expected = withCheck(first17);
            assertThat(ResidentIdNumber.checkCharacter(first17)).isEqualTo(expected.charAt(17));
        }
    }

    @Test
    void refusesAWrongCheckCharacter() {
        String valid = withCheck("33080320000315123");
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        assertThat(ResidentIdNumber.problem(valid.substring(0, 17) + wrong, TODAY)).contains(Problem.CHECKSUM);
        assertThat(ResidentIdNumber.problem("110105194912310021", TODAY)).contains(Problem.CHECKSUM);
    }

    @Test
    void refusesImpossibleOrImplausibleBirthDates() {
        assertThat(ResidentIdNumber.problem(withCheck("33080320010230123"), TODAY)).contains(Problem.BIRTH_DATE);
        assertThat(ResidentIdNumber.problem(withCheck("33080320270101123"), TODAY)).contains(Problem.BIRTH_DATE);
        // GB 11643's second example is valid arithmetic, but nobody born in 1880 applies for youth measures
        assertThat(ResidentIdNumber.problem("440524188001010014", TODAY)).contains(Problem.BIRTH_DATE);
    }

    @Test
    void refusesUnknownProvinceCodes() {
        assertThat(ResidentIdNumber.problem(withCheck("99080320000315123"), TODAY)).contains(Problem.REGION);
    }

    @Test
    void refusesWrongShapes() {
        assertThat(ResidentIdNumber.problem("33080320000315123", TODAY)).contains(Problem.FORMAT);
        assertThat(ResidentIdNumber.problem("3308032000031512345", TODAY)).contains(Problem.FORMAT);
        assertThat(ResidentIdNumber.problem("33080320000315X234", TODAY)).contains(Problem.FORMAT);
        assertThat(ResidentIdNumber.problem("330803200003151", TODAY)).contains(Problem.FORMAT);
        assertThat(ResidentIdNumber.problem(null, TODAY)).contains(Problem.FORMAT);
    }

    @Test
    void parsingAnInvalidNumberFailsWithoutEchoingIt() {
        assertThatThrownBy(() -> ResidentIdNumber.parse("110105194912310021", TODAY))
                .hasMessageNotContaining("110105194912310021");
    }

    @Test
    void neverPrintsTheNumber() {
        assertThat(ResidentIdNumber.parse("11010519491231002X", TODAY).toString()).doesNotContain("1101");
    }
}
