package coop.ledger.programme.api;

import coop.ledger.shared.Provenance;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Record the declaration of a programme of public-service or government-service items (公共服务/政务服务事项),
 * e.g. 万开云同城化便捷服务事项 for 2021. {@code period} is a year ("2021") or a span ("2020-2022").
 */
public record DeclareProgrammeCommand(
        @TargetAggregateIdentifier String programmeId,
        String name,
        List<String> participants,
        String period,
        List<String> categories,
        LocalDate declaredOn,
        String note,
        Provenance provenance) {

    /** A declaration that does not say where it comes from. */
    public DeclareProgrammeCommand(String programmeId, String name, List<String> participants, String period,
                                  List<String> categories, LocalDate declaredOn, String note) {
        this(programmeId, name, participants, period, categories, declaredOn, note, null);
    }

}
