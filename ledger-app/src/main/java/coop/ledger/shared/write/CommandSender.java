package coop.ledger.shared.write;

import coop.ledger.shared.web.WriteContext;
import coop.ledger.shared.web.WriteResult;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a command on behalf of a web request: adds who recorded it, and makes writes with an Idempotency-Key
 * answer a retry from the stored result instead of recording twice.
 */
@Component
public class CommandSender {

    private static final Logger log = LoggerFactory.getLogger(CommandSender.class);

    public static final String RECORDED_BY = "recordedBy";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String REQUEST_HASH = "requestHash";
    public static final String RECORD_ID = "recordId";

    private final CommandGateway gateway;
    private final IdempotencyStore idempotency;
    private final JsonMapper json;
    private final WriteMeters meters;

    CommandSender(CommandGateway gateway, IdempotencyStore idempotency, JsonMapper json, WriteMeters meters) {
        this.gateway = gateway;
        this.idempotency = idempotency;
        this.json = json;
        this.meters = meters;
    }

    /** Sends {@code command}, which concerns record {@code recordId}, and returns the record's new version. */
    public WriteResult send(String recordId, Object command, WriteContext context) {
        return meters.time(command, () -> sendTimed(recordId, command, context));
    }

    private WriteResult sendTimed(String recordId, Object command, WriteContext context) {
        String key = context.idempotencyKey();
        if (key == null) {
            return new WriteResult(recordId, dispatch(recordId, command, context, null), false);
        }
        String hash = fingerprint(command);
        Optional<WriteResult> earlier = earlierResult(key, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return new WriteResult(recordId, dispatch(recordId, command, context, hash), false);
        } catch (RuntimeException e) {
            // A concurrent request with the same key may have won the race: then its result is our answer.
            return earlierResult(key, hash).orElseThrow(() -> e);
        }
    }

    private long dispatch(String recordId, Object command, WriteContext context, String hash) {
        Map<String, Object> meta = new HashMap<>();
        meta.put(RECORDED_BY, context.recordedBy());
        meta.put(RECORD_ID, recordId);
        if (hash != null) {
            meta.put(IDEMPOTENCY_KEY, context.idempotencyKey());
            meta.put(REQUEST_HASH, hash);
        }
        Object result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(meta)));
        return result instanceof Long version ? version : 1L;
    }

    /**
     * The answer of the earlier write with this key, if there was one: {@code replayed} only once its events are
     * confirmed to be in the event store; a key whose events are not there is forgotten, and the write recorded.
     */
    private Optional<WriteResult> earlierResult(String key, String hash) {
        Optional<IdempotencyStore.StoredResult> found = idempotency.find(key);
        if (found.isPresent() && !found.get().recorded()) {
            log.warn("Idempotency-Key {} names version {} of {}, which is not in the event store: the write is "
                    + "recorded now", key, found.get().version(), found.get().recordId());
            idempotency.forgetUnrecorded(key);
            return Optional.empty();
        }
        return found.map(stored -> {
            if (!stored.requestHash().equals(hash)) {
                throw new IdempotencyKeyReusedException(key);
            }
            return new WriteResult(stored.recordId(), stored.version(), true);
        });
    }

    private String fingerprint(Object command) {
        try {
            byte[] body = json.writeValueAsBytes(command);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(command.getClass().getName().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
