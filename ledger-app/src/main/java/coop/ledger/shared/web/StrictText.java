package coop.ledger.shared.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

import java.util.Set;

/**
 * The text every request body and import row may carry, checked where Jackson reads it, so that no field of any
 * request can bypass it: no control characters (U+0000-U+001F, U+007F-U+009F) and no unpaired surrogates. Tab,
 * line feed and carriage return are allowed only in the long free-text fields ({@link #FREE_TEXT}). A refused text
 * is answered 400 {@code invalid-request} naming the field, and refuses an import row the same way.
 *
 * <p>Ids and codes need nothing here: their pattern ({@code RecordIds}) already refuses any space.
 */
final class StrictText {

    /** Fields whose text may run over several lines. */
    static final Set<String> FREE_TEXT = Set.of("note", "notes", "reason", "evidence", "summary", "description",
            "purpose");

    static final String CONTROL_CHARACTER = "text.control-character";
    static final String UNPAIRED_SURROGATE = "text.unpaired-surrogate";

    private StrictText() {
    }

    /** The module that reads every {@code String} of a request body through {@link Deserializer}. */
    static SimpleModule module() {
        return new SimpleModule("strict-text").addDeserializer(String.class, new Deserializer(false));
    }

    /** Refuses {@code text} when it holds a character no field may hold; {@code freeText} allows line breaks. */
    static void check(String text, boolean freeText) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw unpaired(c, i);
            }
            if (Character.isLowSurrogate(c)) {
                throw unpaired(c, i);
            }
            if (Character.isISOControl(c) && !(freeText && (c == '\t' || c == '\n' || c == '\r'))) {
                throw new InvalidTextException(CONTROL_CHARACTER, String.format(
                        "must not contain control characters (U+%04X at position %d)%s", (int) c, i,
                        freeText ? "; tab, line feed and carriage return are allowed"
                                : "; line breaks and tabs are allowed only in notes, reasons, evidence, summaries,"
                                + " descriptions and purposes"));
            }
        }
    }

    private static InvalidTextException unpaired(char c, int position) {
        return new InvalidTextException(UNPAIRED_SURROGATE, String.format(
                "must be Unicode text: U+%04X at position %d is half of a surrogate pair", (int) c, position));
    }

    /** Reads a text as Jackson does, then checks it for the field it is read into. */
    static final class Deserializer extends StdScalarDeserializer<String> {

        private final boolean freeText;

        Deserializer(boolean freeText) {
            super(String.class);
            this.freeText = freeText;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            boolean free = property != null && FREE_TEXT.contains(property.getName());
            return free == freeText ? this : new Deserializer(free);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = StringDeserializer.instance.deserialize(p, ctxt);
            if (text != null) {
                check(text, freeText);
            }
            return text;
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return "";
        }
    }
}
