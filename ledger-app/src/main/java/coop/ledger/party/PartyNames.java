package coop.ledger.party;

import coop.ledger.shared.query.PartyRef;
import coop.ledger.shared.PartyKind;
import coop.ledger.shared.web.Label;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Current names of parties, read from {@code dash_party} in one query per page. */
@Component
public class PartyNames {

    /** Names of one party. */
    public record Names(String nameZh, String nameEn, PartyKind kind) {
    }

    private final JdbcTemplate jdbc;

    public PartyNames(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Map<String, Names> of(Collection<String> codes) {
        Set<String> wanted = new TreeSet<>();
        codes.stream().filter(java.util.Objects::nonNull).forEach(wanted::add);
        Map<String, Names> names = new HashMap<>();
        if (wanted.isEmpty()) {
            return names;
        }
        List<String> list = List.copyOf(wanted);
        for (int from = 0; from < list.size(); from += 500) {
            List<String> chunk = list.subList(from, Math.min(list.size(), from + 500));
            jdbc.query("SELECT code, name_zh, name_en, kind FROM dash_party WHERE code IN ("
                            + chunk.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")",
                    rs -> {
                        names.put(rs.getString(1), new Names(rs.getString(2), rs.getString(3),
                                PartyKind.valueOf(rs.getString(4))));
                    }, chunk.toArray());
        }
        return names;
    }

    public PartyRef ref(Map<String, Names> names, String code) {
        Names n = names.get(code);
        return new PartyRef(code, n == null ? null : n.nameZh());
    }

    public List<PartyRef> refs(Map<String, Names> names, List<String> codes) {
        return codes.stream().map(c -> ref(names, c)).toList();
    }

    /** A party as a group label: its code with its Chinese and English names. */
    public Label label(Map<String, Names> names, String code) {
        Names n = names.get(code);
        return new Label(code, n == null ? code : n.nameZh(), n == null ? null : n.nameEn());
    }
}
