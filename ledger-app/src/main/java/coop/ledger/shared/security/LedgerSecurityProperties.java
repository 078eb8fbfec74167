package coop.ledger.shared.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Users who may log in, configured as {@code ledger.security.users.<name>.password-hash} (a bcrypt hash,
 * e.g. "{bcrypt}$2a$10$…") and {@code ledger.security.users.<name>.roles} (ADMIN, AUDITOR, VIEWER).
 * Put them in a users file and load it with {@code --spring.config.import=file:/etc/ledger/users.properties}.
 */
@ConfigurationProperties("ledger.security")
public class LedgerSecurityProperties {

    private Map<String, User> users = new LinkedHashMap<>();

    public Map<String, User> getUsers() {
        return users;
    }

    public void setUsers(Map<String, User> users) {
        this.users = users;
    }

    /** One configured user. */
    public static class User {

        private String passwordHash;
        private List<Role> roles = List.of();

        public String getPasswordHash() {
            return passwordHash;
        }

        public void setPasswordHash(String passwordHash) {
            this.passwordHash = passwordHash;
        }

        public List<Role> getRoles() {
            return roles;
        }

        public void setRoles(List<Role> roles) {
            this.roles = roles;
        }
    }
}
