package coop.ledger.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seal-signing key file: created once, owner-only, read back as the same key; a broken file is refused. */
class SealSignerTest {

    @TempDir
    Path dir;

    @Test
    void the_key_file_is_created_owner_only_and_read_back_as_the_same_key() throws Exception {
        Path file = dir.resolve("keys").resolve("seal-signing-key.pem");

        SealSigner created = SealSigner.loadOrCreate(file);
        SealSigner read = SealSigner.loadOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(read.keyId()).isEqualTo(created.keyId());
        Seal seal = new Seal(7, 7, "a".repeat(64), EventHash.GENESIS, Instant.parse("2026-01-01T00:00:00.120Z"))
                .signedWith("ledger-1", created);
        assertThat(read.publicKey().signed(seal)).isTrue();
        assertThat(SealKey.fromPem(created.publicKey().pem()).signed(seal)).isTrue();
    }

    @Test
    void a_changed_seal_field_breaks_the_signature() {
        SealSigner signer = SealSigner.ephemeral();
        Seal seal = new Seal(7, 7, "a".repeat(64), EventHash.GENESIS, Instant.parse("2026-01-01T00:00:00Z"))
                .signedWith("ledger-1", signer);
        SealKey key = signer.publicKey();

        assertThat(key.signed(seal)).isTrue();
        assertThat(key.signed(new Seal(8, 7, seal.root(), seal.previousRoot(), seal.sealedAt(), seal.ledgerId(),
                seal.keyId(), seal.signature()))).as("position").isFalse();
        assertThat(key.signed(new Seal(7, 6, seal.root(), seal.previousRoot(), seal.sealedAt(), seal.ledgerId(),
                seal.keyId(), seal.signature()))).as("events").isFalse();
        assertThat(key.signed(new Seal(7, 7, "b".repeat(64), seal.previousRoot(), seal.sealedAt(),
                seal.ledgerId(), seal.keyId(), seal.signature()))).as("root").isFalse();
        assertThat(key.signed(new Seal(7, 7, seal.root(), "c".repeat(64), seal.sealedAt(), seal.ledgerId(),
                seal.keyId(), seal.signature()))).as("previous root").isFalse();
        assertThat(key.signed(new Seal(7, 7, seal.root(), seal.previousRoot(), seal.sealedAt().plusMillis(1),
                seal.ledgerId(), seal.keyId(), seal.signature()))).as("sealed at").isFalse();
        assertThat(key.signed(new Seal(7, 7, seal.root(), seal.previousRoot(), seal.sealedAt(), "ledger-2",
                seal.keyId(), seal.signature()))).as("ledger").isFalse();
        assertThat(SealKey.of(SealSigner.ephemeral().publicKey().publicKey()).signed(seal)).as("other key")
                .isFalse();
    }

    @Test
    void a_key_file_without_a_private_key_is_refused_without_showing_its_content() throws Exception {
        Path file = dir.resolve("seal-signing-key.pem");
        Files.writeString(file, SealSigner.ephemeral().publicKey().pem());

        assertThatThrownBy(() -> SealSigner.loadOrCreate(file)).hasMessageContaining("no PRIVATE KEY block")
                .hasMessageNotContaining("BEGIN PUBLIC KEY");
    }
}
