package coop.ledger.shared.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** A WHERE clause assembled from the filters a request gives, with its positional arguments. */
public final class Where {

    private final List<String> clauses = new ArrayList<>();
    private final List<Object> args = new ArrayList<>();

    /** Adds {@code clause} (with {@code ?} for each argument) unless the argument is null. */
    public Where and(String clause, Object arg) {
        if (arg != null) {
            clauses.add(clause);
            args.add(arg);
        }
        return this;
    }

    /**
     * Adds {@code clause}, whose {@code %s} becomes one {@code ?} per value (as in {@code a.kind IN (%s)}), unless
     * there are no values: a filter of several values matches a row that has any of them.
     */
    public Where andIn(String clause, Collection<?> values) {
        if (values != null && !values.isEmpty()) {
            clauses.add(clause.formatted(placeholders(values.size())));
            args.addAll(values);
        }
        return this;
    }

    /** {@code n} comma-separated {@code ?}. */
    public static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    public Where andAlways(String clause, Object... clauseArgs) {
        clauses.add(clause);
        args.addAll(List.of(clauseArgs));
        return this;
    }

    public String sql() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    public List<Object> args() {
        return args;
    }

    public Object[] argsWith(Object... more) {
        List<Object> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray();
    }
}
