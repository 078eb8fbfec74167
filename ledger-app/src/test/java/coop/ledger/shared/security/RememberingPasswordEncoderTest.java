package coop.ledger.shared.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RememberingPasswordEncoderTest {

    /** Counts the checks that reach bcrypt. */
    static final class Counting implements PasswordEncoder {
        final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.incrementAndGet();
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    }

    private final Counting bcrypt = new Counting();
    private final RememberingPasswordEncoder encoder = new RememberingPasswordEncoder(bcrypt);

    @Test
    void a_verified_password_is_checked_by_bcrypt_once() {
        String hash = encoder.encode("秘密-password");

        assertThat(encoder.matches("秘密-password", hash)).isTrue();
        assertThat(encoder.matches("秘密-password", hash)).isTrue();
        assertThat(encoder.matches("秘密-password", hash)).isTrue();

        assertThat(bcrypt.checks).hasValue(1);
    }

    @Test
    void a_wrong_password_is_never_remembered() {
        String hash = encoder.encode("right");

        assertThat(encoder.matches("wrong", hash)).isFalse();
        assertThat(encoder.matches("wrong", hash)).isFalse();

        assertThat(bcrypt.checks).hasValue(2);
    }

    @Test
    void a_new_hash_for_the_user_is_checked_again() {
        String old = encoder.encode("pw");
        assertThat(encoder.matches("pw", old)).isTrue();

        String changed = encoder.encode("new-pw");
        assertThat(encoder.matches("pw", changed)).isFalse();
        assertThat(encoder.matches("new-pw", changed)).isTrue();

        assertThat(bcrypt.checks).hasValue(3);
    }

    @Test
    void remembers_a_bounded_number_of_pairs() {
        String hash = encoder.encode("first");
        assertThat(encoder.matches("first", hash)).isTrue();
        for (int i = 0; i < RememberingPasswordEncoder.CAPACITY; i++) {
            // Cheap stand-in pairs: the {noop} encoder checks plain text, so filling the memory takes no bcrypt time.
            assertThat(encoder.matches("p" + i, "{noop}p" + i)).isTrue();
        }
        int before = bcrypt.checks.get();

        assertThat(encoder.matches("first", hash)).isTrue();

        assertThat(bcrypt.checks.get()).as("the oldest pair was forgotten").isEqualTo(before + 1);
    }
}
