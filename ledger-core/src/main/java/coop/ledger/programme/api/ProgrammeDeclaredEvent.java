package coop.ledger.programme.api;

import coop.ledger.shared.Provenance;
import java.time.LocalDate;
import java.util.List;

/**
 * A programme of public-service or government-service items handled across borders was declared, e.g. 川渝通办
 * or 万开云同城化便捷服务事项. {@code period} is a year ("2021") or a span ("2020-2022"); {@code categories} are
 * optional groupings of its items (e.g. the categories of medical-insurance handling).
 */
public record ProgrammeDeclaredEvent(
        String programmeId,
        String name,
        List<String> participants,
        String period,
        List<String> categories,
        LocalDate declaredOn,
        String note,
        Provenance provenance) implements ProgrammeEvent {

    /** A declaration as recorded before provenance existed. */
    public ProgrammeDeclaredEvent(String programmeId, String name, List<String> participants, String period,
                                  List<String> categories, LocalDate declaredOn, String note) {
        this(programmeId, name, participants, period, categories, declaredOn, note, null);
    }


    @Override
    public LocalDate businessDate() {
        return declaredOn;
    }
}
