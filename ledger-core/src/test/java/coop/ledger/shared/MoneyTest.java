package coop.ledger.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTest {

    @ParameterizedTest(name = "\"{0}\" is {1} yuan")
    @CsvSource(delimiter = '|', value = {
            "3790000000 | 3790000000",
            "37.9亿元   | 3790000000",
            "13.3亿     | 1330000000",
            "1153亿元   | 115300000000",
            "1100万元   | 11000000",
            "1,100万元  | 11000000",
            "798万      | 7980000",
            "12.50元    | 12.5",
            "500 元     | 500",
            "0.05       | 0.05"})
    void reads_amounts_as_the_sources_write_them(String text, String yuan) {
        assertThat(Money.parse(text)).isEqualTo(Money.ofYuan(yuan));
        assertThat(Money.parse(text).plain()).isEqualTo(yuan);
    }

    @ParameterizedTest(name = "rejects \"{0}\"")
    @ValueSource(strings = {"abc", "1.234元", "", "   ", "1e5", "37.9亿美元", "一千一百万元", "1,0,0", "11,00万元"})
    void rejects_text_that_is_not_an_amount_of_yuan_and_fen(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.parse(text));
    }

    @Test
    void rejects_a_missing_amount() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.parse(null)).withMessage("amount is missing");
    }

    @Test
    void rejects_fractions_of_a_fen() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.parse("1.234元"))
                .withMessageContaining("at most two decimals");
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(new BigDecimal("0.001")));
    }

    @Test
    void accepts_trailing_zeros_beyond_the_fen() {
        assertThat(Money.ofYuan("12.5000")).isEqualTo(Money.ofYuan("12.5"));
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({
            "3790000000, 37.9亿元",
            "1330000000, 13.3亿元",
            "11000000, 1100万元",
            "7985000, 798.5万元",
            "500, 500元",
            "12.5, 12.5元",
            "123456789.12, 1.2345678912亿元",
            "0, 0元"})
    void writes_amounts_as_the_sources_do(String yuan, String chinese) {
        assertThat(Money.ofYuan(yuan).toChinese()).isEqualTo(chinese);
    }

    @Test
    void adds_exactly_without_floating_point() {
        Money sum = Money.parse("0.1亿元").plus(Money.parse("0.2亿元"));

        assertThat(sum).isEqualTo(Money.parse("0.3亿元"));
        assertThat(sum.plain()).isEqualTo("30000000");
        assertThat(Money.ofYuan("0.1").plus(Money.ofYuan("0.2"))).isEqualTo(Money.ofYuan("0.3"));
    }

    @Test
    void equal_amounts_are_equal_whatever_their_scale() {
        assertThat(Money.parse("37.9亿元")).isEqualTo(Money.parse("379000万元")).isEqualTo(Money.ofYuan("3790000000.00"));
        assertThat(Money.parse("37.9亿元")).hasSameHashCodeAs(Money.ofYuan("3790000000.00"));
    }

    @Test
    void compares_and_tells_positive_amounts() {
        assertThat(Money.parse("13.3亿元")).isLessThan(Money.parse("37.9亿元"));
        assertThat(Money.parse("1100万元").isPositive()).isTrue();
        assertThat(Money.zero().isPositive()).isFalse();
        assertThat(Money.parse("-1元").isPositive()).isFalse();
    }

    @Test
    void its_json_form_is_the_plain_yuan_string() {
        JsonMapper json = JsonMapper.builder().build();

        assertThat(json.writeValueAsString(Money.parse("37.9亿元"))).isEqualTo("\"3790000000\"");
        assertThat(json.writeValueAsString(Money.parse("12.50元"))).isEqualTo("\"12.5\"");
        assertThat(json.readValue("\"3790000000\"", Money.class)).isEqualTo(Money.parse("37.9亿元"));
        assertThat(json.readValue("\"1100万元\"", Money.class)).isEqualTo(Money.ofYuan("11000000"));
    }
}
