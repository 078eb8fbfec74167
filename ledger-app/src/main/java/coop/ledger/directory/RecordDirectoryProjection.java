package coop.ledger.directory;

import coop.ledger.party.api.PartyRenamedEvent;
import coop.ledger.agreement.api.AgreementSignedEvent;
import coop.ledger.party.api.PartyRegisteredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Keeps the record directory in step with the events. It runs as a subscribing processor, inside the transaction
 * that appends the events, so a command that follows an acknowledged one always sees its record. Upserts make it
 * safe to replay.
 */
@Component
@ProcessingGroup("record-directory")
public class RecordDirectoryProjection {

    private static final String UPSERT = "MERGE INTO record_directory d "
            + "USING (VALUES (CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(64)), "
            + "CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(500)))) "
            + "AS s (record_type, record_id, party_kind, parent_code, name_zh) "
            + "ON d.record_type = s.record_type AND d.record_id = s.record_id "
            + "WHEN MATCHED THEN UPDATE SET party_kind = s.party_kind, parent_code = s.parent_code, name_zh = s.name_zh "
            + "WHEN NOT MATCHED THEN INSERT (record_type, record_id, party_kind, parent_code, name_zh) "
            + "VALUES (s.record_type, s.record_id, s.party_kind, s.parent_code, s.name_zh)";

    private final JdbcTemplate jdbc;

    public RecordDirectoryProjection(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @EventHandler
    void on(PartyRegisteredEvent e) {
        jdbc.update(UPSERT, JdbcRecordDirectory.PARTY, e.code(), e.kind().name(), e.parentCode(), e.nameZh());
    }

    @EventHandler
    void on(PartyRenamedEvent e) {
        jdbc.update("UPDATE record_directory SET name_zh = ? WHERE record_type = ? AND record_id = ?", e.nameZh(),
                JdbcRecordDirectory.PARTY, e.code());
    }

    @EventHandler
    void on(AgreementSignedEvent e) {
        jdbc.update(UPSERT, JdbcRecordDirectory.AGREEMENT, e.agreementId(), null, null, null);
    }
}
