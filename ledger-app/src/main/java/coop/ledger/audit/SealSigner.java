package coop.ledger.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs seals with the ledger's Ed25519 key. The key lives in a file of its own outside the database
 * ({@code ledger.audit.signing-key}): someone who can rewrite the database cannot sign a seal unless they also hold
 * this file. The file holds the private key (PKCS#8) and the public key (X.509) as two PEM blocks; it is created on
 * first start, readable by its owner only, and the private key is never stored in the database, exported or logged.
 */
final class SealSigner {

    private static final Logger log = LoggerFactory.getLogger(SealSigner.class);
    private static final Pattern PRIVATE = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private final PrivateKey privateKey;
    private final SealKey publicKey;
    private final Path file;

    private SealSigner(PrivateKey privateKey, SealKey publicKey, Path file) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.file = file;
    }

    /** A key that lives only in memory (tests and benchmarks that sign without a key file). */
    static SealSigner ephemeral() {
        KeyPair pair = generate();
        return new SealSigner(pair.getPrivate(), SealKey.of(pair.getPublic()), null);
    }

    /** Reads the key file, or creates it (mode 0600 where the file system has POSIX modes) when it is missing. */
    static SealSigner loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            try {
                SealSigner created = create(file);
                log.info("Created the seal-signing key {} (keep a copy somewhere safe; it is not in the database "
                        + "nor in exports). Auditors verify seals with its public key, fingerprint SHA256:{}, key id "
                        + "{}:\n{}", file, created.publicKey.fingerprint(), created.keyId(), created.publicKey.pem());
                return created;
            } catch (FileAlreadyExistsException another) {
                // another node sharing the directory created it first: read theirs
            }
        }
        return read(file);
    }

    /** The key file, or null for a key that lives in memory only. */
    Path file() {
        return file;
    }

    String keyId() {
        return publicKey.keyId();
    }

    SealKey publicKey() {
        return publicKey;
    }

    String sign(byte[] canonical) {
        try {
            Signature signature = Signature.getInstance(SealKey.ALGORITHM);
            signature.initSign(privateKey);
            signature.update(canonical);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the seal-signing key", e);
        }
    }

    private static SealSigner create(Path file) throws IOException {
        KeyPair pair = generate();
        String text = SealKey.pem("PRIVATE KEY", pair.getPrivate().getEncoded())
                + SealKey.pem("PUBLIC KEY", pair.getPublic().getEncoded());
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE)));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.SYNC);
        return new SealSigner(pair.getPrivate(), SealKey.of(pair.getPublic()), file);
    }

    private static SealSigner read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        Matcher m = PRIVATE.matcher(text);
        if (!m.find()) {
            // the message names the file, never its content
            throw new IOException("the seal-signing key file " + file + " holds no PRIVATE KEY block");
        }
        try {
            PrivateKey privateKey = KeyFactory.getInstance(SealKey.ALGORITHM).generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(m.group(1).replaceAll("\\s", ""))));
            SealSigner signer = new SealSigner(privateKey, SealKey.fromPem(text), file);
            signer.checkPair(file);
            warnIfReadableByOthers(file);
            return signer;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("the seal-signing key file " + file + " does not hold an Ed25519 key pair", e);
        }
    }

    /** The two blocks must belong together, or seals would be signed with a key the public one cannot check. */
    private void checkPair(Path file) throws IOException {
        Seal test = new Seal(0, 0, EventHash.GENESIS, EventHash.GENESIS, java.time.Instant.EPOCH, "key-check",
                keyId(), null);
        Seal signed = new Seal(0, 0, EventHash.GENESIS, EventHash.GENESIS, java.time.Instant.EPOCH, "key-check",
                keyId(), sign(SealBytes.of(test)));
        if (!publicKey.signed(signed)) {
            throw new IOException("the private and public keys in " + file + " do not belong together");
        }
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            Set<PosixFilePermission> modes = Files.getPosixFilePermissions(file);
            if (modes.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                log.warn("The seal-signing key file {} can be read by others ({}); make it 0600",
                        file, PosixFilePermissions.toString(modes));
            }
        } catch (UnsupportedOperationException | IOException notPosix) {
            // nothing to check on this file system
        }
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(SealKey.ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 15+ platform has Ed25519", e);
        }
    }
}
