package coop.ledger.eventstore;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Map;
import java.util.function.Function;

/**
 * Reads events stored under a package name the code no longer has. The programme events were first written as
 * {@code coop.ledger.service.api.*}; the stored rows keep that name for ever (events are never rewritten, and their
 * hashes cover it), and this upcaster gives them their current class when they are read.
 */
public final class RenamedEventTypes extends SingleEventUpcaster {

    /** Former package prefix → current one. */
    static final Map<String, String> RENAMED_PACKAGES = Map.of(
            "coop.ledger.service.api.", "coop.ledger.programme.api.");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return current(representation.getType().getName()) != null;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        SerializedType stored = representation.getType();
        SerializedType renamed = new SimpleSerializedType(current(stored.getName()), stored.getRevision());
        return renamed(representation, renamed, representation.getData().getContentType());
    }

    /** Only the type changes: the payload stays in whatever form it was read. */
    private static <T> IntermediateEventRepresentation renamed(IntermediateEventRepresentation representation,
                                                               SerializedType type, Class<T> form) {
        return representation.upcastPayload(type, form, Function.identity());
    }

    /** The current name of a stored type name, or null when it was never renamed. */
    static String current(String storedName) {
        for (Map.Entry<String, String> rename : RENAMED_PACKAGES.entrySet()) {
            if (storedName.startsWith(rename.getKey())) {
                return rename.getValue() + storedName.substring(rename.getKey().length());
            }
        }
        return null;
    }
}
