package coop.ledger.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Business dates are dates in China: "today" is today in Asia/Shanghai, whatever the server's zone. */
public final class LedgerTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private LedgerTime() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
