package coop.ledger.audit;

import coop.ledger.agreement.state.AgreementState;
import coop.ledger.agreement.state.AgreementState.Payment;
import coop.ledger.shared.Money;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** States flatten to field paths keyed by entry ids, so an entry keeps its path when others are added. */
class StatePathsTest {

    private final StatePaths paths = new StatePaths(JsonMapper.builder().build());

    private static AgreementState withPayments(Payment... payments) {
        return new AgreementState("pengxi", "澎溪河协议", null, List.of(), LocalDate.of(2020, 12, 1), "开州", null,
                Set.of(), null, null, null, List.of(), List.of(payments), List.of(), payments.length + 1);
    }

    private static Payment payment(String id, String amount) {
        return new Payment(id, "yunyang", "kaizhou", Money.parse(amount), LocalDate.of(2021, 9, 30), null);
    }

    @Test
    void flattens_entries_by_their_id_and_leaves_out_the_version() {
        Map<String, JsonNode> fields = paths.flatten(withPayments(payment("paid-to-2021", "1100万元")));

        assertThat(fields).containsKeys("title", "signedOn", "payments[paid-to-2021].amount",
                "payments[paid-to-2021].paidOn").doesNotContainKeys("version", "payments", "participants");
        assertThat(fields.get("payments[paid-to-2021].amount").asString()).isEqualTo("11000000");
    }

    @Test
    void a_new_entry_changes_only_its_own_paths() {
        Map<String, JsonNode> before = paths.flatten(withPayments(payment("a", "1万元")));
        Map<String, JsonNode> after = paths.flatten(withPayments(payment("a", "1万元"), payment("b", "2万元")));

        assertThat(StatePaths.changedPaths(before, after)).allMatch(p -> p.startsWith("payments[b]."))
                .contains("payments[b].amount");
    }
}
