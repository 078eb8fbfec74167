package coop.ledger.dashboard;

import coop.ledger.shared.Labelled;
import coop.ledger.shared.web.Label;

import java.util.function.Function;

/** Labels of statistics groups whose key is not a party: vocabulary codes, periods, occasions and categories. */
final class Groups {

    static final Label NOT_STATED = new Label(null, "未注明", "not stated");

    private Groups() {
    }

    static <E extends Enum<E> & Labelled> Function<String, Label> vocabulary(Class<E> type) {
        return key -> key == null ? NOT_STATED : Label.of(Enum.valueOf(type, key));
    }

    static Label text(String key) {
        return key == null ? NOT_STATED : new Label(key, key, key);
    }

    static Label month(String key) {
        return key == null ? NOT_STATED
                : new Label(key, key.substring(0, 4) + "年" + Integer.parseInt(key.substring(5, 7)) + "月", key);
    }

    static Label year(String key) {
        return key == null ? NOT_STATED : new Label(key, key + "年", key);
    }
}
