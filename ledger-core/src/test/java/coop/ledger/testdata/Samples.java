package coop.ledger.testdata;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The moment every test runs at: 10:00 on 22 November 2026 in Asia/Shanghai (02:00 UTC). */
public final class Samples {

    public static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    public static final LocalDate TOMORROW = TODAY.plusDays(1);

    private Samples() {
    }
}
