package coop.ledger.shared.security;

/**
 * What a user may do. ADMIN records (and reads); AUDITOR reads everything, including history and
 * verification; VIEWER reads records and projections, as dashboards do; METRICS only scrapes
 * {@code /actuator/prometheus}, as a monitoring system does (ADMIN and AUDITOR may too).
 */
public enum Role {
    ADMIN,
    AUDITOR,
    VIEWER,
    METRICS
}
