package cn.qujiang.youth.talent.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void idNumberKeepsFourAndFour() {
        assertThat(Masking.idNumber("330803200003151234")).isEqualTo("3308**********1234");
        assertThat(Masking.idNumber("11010519491231002X")).isEqualTo("1101**********002X");
    }

    @Test
    void phoneKeepsThreeAndFour() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void nameKeepsTheFirstCharacter() {
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masking.name("张")).isEqualTo("张*");
        assertThat(Masking.name("𠀋三")).as("a character outside the BMP is not split").isEqualTo("𠀋*");
    }

    @Test
    void emailKeepsTheFirstLetterAndTheDomain() {
        assertThat(Masking.email("zhangsan@example.com")).isEqualTo("z***@example.com");
        assertThat(Masking.email("broken")).isEqualTo("***");
    }

    @Test
    void absentValuesStayAbsentAndShortOnesAreFullyHidden() {
        assertThat(Masking.phone(null)).isNull();
        assertThat(Masking.idNumber("1234")).isEqualTo("****");
    }
}
