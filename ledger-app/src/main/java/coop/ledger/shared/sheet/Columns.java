package coop.ledger.shared.sheet;

import coop.ledger.shared.query.PartyRef;
import coop.ledger.shared.web.Amount;
import coop.ledger.shared.web.Label;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of a sheet, built in the order the dashboard's table shows them. Cells show what the dashboard shows:
 * vocabulary values by their Chinese label, parties by their Chinese name, amounts as the Chinese sources write them
 * (亿元/万元) next to the exact yuan.
 */
public final class Columns<R> {

    private final List<Column<R>> columns = new ArrayList<>();

    /** The row type only fixes {@code R} for the method references that follow. */
    public static <R> Columns<R> of(Class<R> rowType) {
        return new Columns<>();
    }

    public Columns<R> text(String zh, String en, Function<R, String> value) {
        columns.add(new Column<>(zh, en, value::apply));
        return this;
    }

    public Columns<R> number(String zh, String en, Function<R, ? extends Number> value) {
        columns.add(new Column<>(zh, en, value::apply));
        return this;
    }

    public Columns<R> date(String zh, String en, Function<R, LocalDate> value) {
        columns.add(new Column<>(zh, en, value::apply));
        return this;
    }

    /** A vocabulary value by its Chinese label. */
    public Columns<R> label(String zh, String en, Function<R, Label> value) {
        columns.add(new Column<>(zh, en, row -> {
            Label label = value.apply(row);
            return label == null ? null : label.zh();
        }));
        return this;
    }

    /** Several vocabulary values by their Chinese labels, joined with 、 as the dashboard joins them. */
    public Columns<R> labels(String zh, String en, Function<R, ? extends Collection<Label>> value) {
        columns.add(new Column<>(zh, en, row -> joined(value.apply(row), Label::zh)));
        return this;
    }

    /** Parties by their Chinese name (their code when the party is not registered), joined with 、. */
    public Columns<R> parties(String zh, String en, Function<R, ? extends Collection<PartyRef>> value) {
        columns.add(new Column<>(zh, en, row -> joined(value.apply(row), Columns::partyName)));
        return this;
    }

    public Columns<R> party(String zh, String en, Function<R, PartyRef> value) {
        columns.add(new Column<>(zh, en, row -> {
            PartyRef party = value.apply(row);
            return party == null ? null : partyName(party);
        }));
        return this;
    }

    /**
     * Two columns for one amount: as the dashboard shows it (e.g. {@code 1153亿元}, {@code 500万元}) and the exact
     * yuan ({@code 115300000000}), a number a spreadsheet can add up.
     */
    public Columns<R> amount(String zh, String en, Function<R, Amount> value) {
        columns.add(new Column<>(zh, en, row -> {
            Amount amount = value.apply(row);
            return amount == null ? null : amount.text();
        }));
        columns.add(new Column<>(zh + "（元）", en + " (yuan)", row -> {
            Amount amount = value.apply(row);
            return amount == null ? null : new BigDecimal(amount.yuan());
        }));
        return this;
    }

    List<Column<R>> list() {
        return List.copyOf(columns);
    }

    private static String partyName(PartyRef party) {
        return party.name() != null ? party.name() : party.code();
    }

    private static <T> String joined(Collection<T> values, Function<T, String> name) {
        return values == null ? null
                : values.stream().filter(Objects::nonNull).map(name).collect(Collectors.joining("、"));
    }
}
