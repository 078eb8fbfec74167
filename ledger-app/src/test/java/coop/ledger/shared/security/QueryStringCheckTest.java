package coop.ledger.shared.security;

import coop.ledger.shared.web.InvalidUtf8Exception;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Which query strings reach the ledger: UTF-8 once percent-decoded, with whole escapes. */
class QueryStringCheckTest {

    @Test
    void passes_percent_encoded_chinese_and_plain_ascii() {
        assertThatCode(() -> QueryStringCheck.check("party=%E4%B8%87%E5%B7%9E&from=2021-01-01&q=a+b"))
                .doesNotThrowAnyException();
    }

    @Test
    void refuses_bytes_that_are_not_utf8_naming_the_query() {
        for (String query : new String[]{"q=%FF", "x=%C3%28", "%FE%FF=1", "q=%ED%A0%80", "q=%C0%AF", "q=%E4%B8"}) {
            InvalidUtf8Exception e = catchThrowableOfType(InvalidUtf8Exception.class,
                    () -> QueryStringCheck.check(query));
            assertThat(e).as(query).isNotNull();
            assertThat(e.part()).isEqualTo("query");
        }
    }

    @Test
    void refuses_a_broken_percent_escape() {
        InvalidUtf8Exception e = catchThrowableOfType(InvalidUtf8Exception.class,
                () -> QueryStringCheck.check("q=%G1"));
        assertThat(e.getMessage()).contains("not followed by two hexadecimal digits");
    }
}
