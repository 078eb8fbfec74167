package coop.ledger.shared.query;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Lists of record codes as one comma-separated column, in their recorded order (ids never contain commas). */
public final class Codes {

    private Codes() {
    }

    public static String join(Collection<String> codes) {
        return codes == null ? "" : String.join(",", codes);
    }

    public static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
