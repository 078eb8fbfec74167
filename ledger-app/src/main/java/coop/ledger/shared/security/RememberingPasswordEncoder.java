package coop.ledger.shared.security;

import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Remembers the (password, stored hash) pairs that bcrypt has already verified. API clients send HTTP Basic
 * credentials with every request, and bcrypt is deliberately slow (it costs CPU by design): checking it on
 * every request capped the write rate far below what the ledger itself can do. A remembered pair is kept as an
 * HMAC-SHA-256 under a random key made at start-up, never as the password. A wrong password, or a password whose
 * hash has changed, is not remembered and goes to bcrypt as before; only successes are remembered, so guessing
 * costs an attacker what it always did.
 */
final class RememberingPasswordEncoder implements PasswordEncoder {

    static final int CAPACITY = 1024;

    private final PasswordEncoder delegate;
    private final SecretKeySpec key;
    private final Set<String> verified = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > CAPACITY;
                }
            }));

    RememberingPasswordEncoder(PasswordEncoder delegate) {
        this.delegate = delegate;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String pair = fingerprint(rawPassword, encodedPassword);
        if (verified.contains(pair)) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            verified.add(pair);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            // A stored hash never contains NUL, so no other (hash, password) pair yields the same bytes.
            mac.update((byte) 0);
            byte[] raw = rawPassword.toString().getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(mac.doFinal(raw));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
