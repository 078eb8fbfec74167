package coop.ledger.shared.web;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Which texts a request body or import row may carry, read as the ledger's JsonMapper reads them. */
class StrictTextTest {

    private static final JsonMapper JSON = JsonMapper.builder().addModule(StrictText.module()).build();

    record Body(String nameZh, String note, String reason, List<String> signatories) {
    }

    @Test
    void accepts_chinese_text_emoji_and_line_breaks_in_free_text() {
        Body body = JSON.readValue("{\"nameZh\":\"万州区 🌊\",\"note\":\"第一行\\r\\n\\t第二行\","
                + "\"reason\":\"a\\nb\",\"signatories\":[\"wanzhou\"]}", Body.class);

        assertThat(body.nameZh()).isEqualTo("万州区 🌊");
        assertThat(body.note()).isEqualTo("第一行\r\n\t第二行");
        assertThat(body.reason()).isEqualTo("a\nb");
    }

    @Test
    void refuses_nul_in_any_text_naming_the_field() {
        assertThat(refusalOf("{\"note\":\"a\\u0000b\"}")).isEqualTo("note: must not contain control characters "
                + "(U+0000 at position 1); tab, line feed and carriage return are allowed");
    }

    @Test
    void refuses_terminal_escapes_and_c1_controls() {
        assertThat(refusalOf("{\"nameZh\":\"\\u0007\\u001b[31m\"}")).startsWith("nameZh: must not contain control "
                + "characters (U+0007 at position 0)");
        assertThat(refusalOf("{\"nameZh\":\"x\u0085\"}")).startsWith("nameZh: must not contain control "
                + "characters (U+0085");
        assertThat(refusalOf("{\"nameZh\":\"x\\u007f\"}")).contains("U+007F");
    }

    @Test
    void refuses_line_breaks_and_tabs_outside_free_text() {
        assertThat(refusalOf("{\"nameZh\":\"a\\nb\"}")).startsWith("nameZh: must not contain control characters "
                + "(U+000A at position 1); line breaks and tabs are allowed only in notes");
        assertThat(refusalOf("{\"signatories\":[\"ok\",\"a\\tb\"]}")).startsWith("signatories[1]: ");
    }

    @Test
    void refuses_unpaired_surrogates() {
        assertThat(refusalOf("{\"nameZh\":\"\\ud800\"}")).isEqualTo("nameZh: must be Unicode text: U+D800 at "
                + "position 0 is half of a surrogate pair");
        assertThat(refusalOf("{\"note\":\"a\\udc00b\"}")).startsWith("note: must be Unicode text: U+DC00");
        assertThat(refusalOf("{\"note\":\"\\ud83c\\ud83c\"}")).startsWith("note: must be Unicode text: U+D83C");
    }

    private static String refusalOf(String json) {
        JacksonException e = catchThrowableOfType(JacksonException.class, () -> JSON.readValue(json, Body.class));
        assertThat(e).as("refused: %s", json).isNotNull();
        Refusal refusal = Refusals.classify(new org.springframework.http.converter.HttpMessageNotReadableException(
                "unreadable", e, new org.springframework.mock.http.MockHttpInputMessage(new byte[0])));
        assertThat(refusal.status().value()).isEqualTo(400);
        assertThat(refusal.type()).isEqualTo("invalid-request");
        assertThat(refusal.rule()).startsWith("text.");
        assertThat(refusal.errors()).hasSize(1);
        return refusal.errors().get(0).field() + ": " + refusal.errors().get(0).message();
    }
}
