package coop.ledger.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A seal-signing public key as auditors hold it: Ed25519, written as PEM (X.509 SubjectPublicKeyInfo), named by
 * its fingerprint (SHA-256 of those DER bytes, hex) and its key id ({@code ed25519:} and the fingerprint's first 16
 * hex digits), which every seal it signs carries.
 */
record SealKey(PublicKey publicKey, String keyId, String fingerprint, String pem) {

    static final String ALGORITHM = "Ed25519";
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");

    static SealKey of(PublicKey key) {
        byte[] der = key.getEncoded();
        String fingerprint = HexFormat.of().formatHex(EventHash.sha256().digest(der));
        return new SealKey(key, "ed25519:" + fingerprint.substring(0, 16), fingerprint,
                pem("PUBLIC KEY", der));
    }

    /** Reads the first PUBLIC KEY block of {@code text}; the text may hold other blocks (or be JSON around it). */
    static SealKey fromPem(String text) {
        Matcher m = PEM.matcher(text.replace("\\n", "\n"));
        if (!m.find()) {
            throw new IllegalArgumentException("no -----BEGIN PUBLIC KEY----- block");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(1).replaceAll("\\s", ""));
        try {
            return of(KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** Whether {@code seal} carries this key's id and a valid signature of this key over its canonical bytes. */
    boolean signed(Seal seal) {
        if (!seal.signed() || !keyId.equals(seal.keyId())) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(SealBytes.of(seal));
            return verifier.verify(Base64.getDecoder().decode(seal.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // a malformed signature or seal field is simply not a valid signature
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
