package coop.ledger.programme;

import coop.ledger.processing.Applied;
import coop.ledger.processing.ProjectionRow;
import coop.ledger.programme.api.ProgrammeDeclaredEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A public-service programme (公共服务/政务服务事项清单) as the dashboards list it. Its item figures are summed from
 * its item rows when read, so no count here can drift from the items.
 */
record ProgrammeRow(
        String id,
        String name,
        String period,
        List<String> participants,
        List<String> categories,
        LocalDate declaredOn,
        String note,
        long lastSequence,
        long lastPosition,
        OffsetDateTime updatedAt) implements ProjectionRow {

    public static ProgrammeRow declared(ProgrammeDeclaredEvent e, Applied at) {
        return new ProgrammeRow(e.programmeId(), e.name(), e.period(),
                e.participants() == null ? List.of() : List.copyOf(e.participants()),
                e.categories() == null ? List.of() : List.copyOf(e.categories()), e.declaredOn(), e.note(),
                at.sequence(), at.position(), at.recordedAt());
    }

    /** The programme after one of its item events: only the last applied event moves on. */
    public ProgrammeRow touched(Applied at) {
        if (hasApplied(at)) {
            return this;
        }
        return new ProgrammeRow(id, name, period, participants, categories, declaredOn, note, at.sequence(),
                at.position(), at.recordedAt());
    }
}
