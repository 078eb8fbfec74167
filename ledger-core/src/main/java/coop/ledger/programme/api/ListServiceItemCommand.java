package coop.ledger.programme.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Put an item (事项) on a programme's list, in the original list or added later (清单外新增). {@code addedLater}
 * null means false; {@code itemCount} null means 1, and a larger count records a batch the source reports only as
 * a total. {@code listSizeUnknown} true says the source does not give the size of the list the item belongs to (it
 * reports only what was done): the programme then has no completion rate.
 */
public record ListServiceItemCommand(
        @TargetAggregateIdentifier String programmeId,
        String itemId,
        String name,
        String category,
        List<String> responsibleParties,
        LocalDate targetOn,
        Boolean addedLater,
        Integer itemCount,
        LocalDate listedOn,
        String note,
        Long expectedVersion,
        Boolean listSizeUnknown) {

    /** A listing on a list whose size is known. */
    public ListServiceItemCommand(String programmeId, String itemId, String name, String category,
                                  List<String> responsibleParties, LocalDate targetOn, Boolean addedLater,
                                  Integer itemCount, LocalDate listedOn, String note, Long expectedVersion) {
        this(programmeId, itemId, name, category, responsibleParties, targetOn, addedLater, itemCount, listedOn, note,
                expectedVersion, null);
    }
}
