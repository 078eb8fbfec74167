package coop.ledger.shared;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A fixed vocabulary value with a Chinese and an English label; input accepts the code or either label. */
public interface Labelled {

    String name();

    String zh();

    String en();

    /**
     * Finds the constant whose code, Chinese label or English label is {@code text} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the accepted values when none matches
     */
    static <E extends Enum<E> & Labelled> E parse(Class<E> type, String text) {
        if (text != null) {
            String wanted = text.trim();
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(wanted) || e.zh().equals(wanted) || e.en().equalsIgnoreCase(wanted)) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException("unknown value \"" + text + "\"; expected one of "
                + Arrays.stream(type.getEnumConstants()).map(e -> e.name() + " (" + e.zh() + ")")
                        .collect(Collectors.joining(", ")));
    }
}
