package coop.ledger.shared.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users of the ledger. Configured users (properties or a users file) take precedence. With none configured,
 * the first start creates an administrator "admin" with a random password, stores only its bcrypt hash in the
 * database, and prints the password once; later starts reuse the stored account. There is no default password.
 */
class LedgerUsers implements UserDetailsService {

    public static final String BOOTSTRAP_ADMIN = "admin";
    public static final String PASSWORD_FILE = "initial-admin-password";
    private static final Logger log = LoggerFactory.getLogger(LedgerUsers.class);

    private final Map<String, LedgerSecurityProperties.User> configured;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;

    public LedgerUsers(LedgerSecurityProperties properties, DataSource dataSource, PasswordEncoder encoder) {
        this.configured = Map.copyOf(properties.getUsers());
        this.jdbc = new JdbcTemplate(dataSource);
        this.encoder = encoder;
        configured.forEach(LedgerUsers::requireHashed);
    }

    /**
     * Creates the bootstrap administrator when no user is configured and none was created before. Besides the
     * log, the password goes to {@code initial-admin-password} in the data directory (readable by its owner
     * only), so scripts and the README's examples can use it.
     */
    public void bootstrap(Clock clock, Path dataDir) {
        if (!configured.isEmpty() || storedUser(BOOTSTRAP_ADMIN).isPresent()) {
            return;
        }
        String password = randomPassword();
        jdbc.update("INSERT INTO ledger_user (username, password_hash, roles, created_at) VALUES (?, ?, ?, ?)",
                BOOTSTRAP_ADMIN, encoder.encode(password), Role.ADMIN.name(), Timestamp.from(clock.instant()));
        writeOwnerOnly(dataDir.resolve(PASSWORD_FILE), password);
        log.warn("""

                ==========================================================================
                No users are configured, so an administrator was created:
                    user: {}   password: {}
                This password is shown only now (and kept in {} for you).
                Configure users (ledger.security.users.*) to replace this account; see docs/operations.md.
                ==========================================================================""",
                BOOTSTRAP_ADMIN, password, dataDir.resolve(PASSWORD_FILE));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (!configured.isEmpty()) {
            LedgerSecurityProperties.User user = configured.get(username);
            if (user == null) {
                throw new UsernameNotFoundException("unknown user");
            }
            return User.withUsername(username).password(user.getPasswordHash())
                    .roles(user.getRoles().stream().map(Role::name).toArray(String[]::new)).build();
        }
        return storedUser(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    private Optional<UserDetails> storedUser(String username) {
        List<UserDetails> users = jdbc.query("SELECT username, password_hash, roles FROM ledger_user WHERE username = ?",
                (rs, i) -> User.withUsername(rs.getString(1)).password(rs.getString(2))
                        .roles(rs.getString(3).split(",")).build(), username);
        return users.stream().findFirst();
    }

    private static void requireHashed(String name, LedgerSecurityProperties.User user) {
        String hash = user.getPasswordHash();
        if (hash == null || !(hash.startsWith("{bcrypt}") || hash.startsWith("$2"))) {
            throw new IllegalStateException("ledger.security.users." + name + ".password-hash must be a bcrypt hash "
                    + "(make one with: java -jar ledger-app.jar hash-password)");
        }
        if (user.getRoles().isEmpty()) {
            throw new IllegalStateException("ledger.security.users." + name + ".roles must name ADMIN, AUDITOR, VIEWER or METRICS");
        }
    }

    private static void writeOwnerOnly(Path file, String password) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("could not write {}: {}", file, e.getMessage());
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
