package coop.ledger.shared;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class LedgerTimeTest {

    /** 01:00 on 22 November in Shanghai, still 21 November in UTC. */
    private static final Clock SHANGHAI_PAST_MIDNIGHT = Clock.fixed(Instant.parse("2026-11-21T17:00:00Z"), ZoneOffset.UTC);

    @Test
    void today_is_the_date_in_china_whatever_the_zone_of_the_clock() {
        assertThat(LedgerTime.today(SHANGHAI_PAST_MIDNIGHT)).isEqualTo(LocalDate.of(2026, 11, 22));
    }

    @Test
    void a_date_of_today_in_china_is_not_in_the_future() {
        assertThatNoException().isThrownBy(
                () -> Rules.requireNotFuture(LocalDate.of(2026, 11, 22), "signedOn", SHANGHAI_PAST_MIDNIGHT));
    }
}
