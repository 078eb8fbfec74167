package coop.ledger.fixturea.state;

/** A core state class that uses Spring, for ArchitectureTest's core rule to catch. */
public class UsesSpring {
    org.springframework.jdbc.core.JdbcTemplate jdbc;
}
