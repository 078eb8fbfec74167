package coop.ledger.processing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class QueryCacheTest {

    private final ProjectionRebuild rebuild = mock(ProjectionRebuild.class);
    private final Object idle = new Object();
    private final AtomicInteger computed = new AtomicInteger();

    QueryCacheTest() {
        when(rebuild.phase()).thenReturn(idle);
    }

    private String answer() {
        return "answer " + computed.incrementAndGet();
    }

    private QueryCache cache(Duration maxAge) {
        return new QueryCache(maxAge, rebuild);
    }

    @Test
    void the_same_question_is_answered_once_until_the_projections_commit() {
        QueryCache cache = cache(Duration.ofMinutes(1));

        assertThat(cache.get(List.of("summary"), this::answer)).isEqualTo("answer 1");
        assertThat(cache.get(List.of("summary"), this::answer)).isEqualTo("answer 1");
        assertThat(cache.get(List.of("stats", "host"), this::answer)).isEqualTo("answer 2");

        cache.committed(List.of(new Change("party", "p-1", "PartyRegisteredEvent", 7)));

        assertThat(cache.get(List.of("summary"), this::answer)).isEqualTo("answer 3");
        assertThat(cache.get(List.of("stats", "host"), this::answer)).isEqualTo("answer 4");
    }

    @Test
    void an_answer_older_than_the_max_age_is_computed_again() throws InterruptedException {
        QueryCache cache = cache(Duration.ofMillis(30));

        cache.get("q", this::answer);
        Thread.sleep(60);

        assertThat(cache.get("q", this::answer)).isEqualTo("answer 2");
    }

    @Test
    void a_max_age_of_zero_turns_the_cache_off() {
        QueryCache cache = cache(Duration.ZERO);

        cache.get("q", this::answer);

        assertThat(cache.get("q", this::answer)).isEqualTo("answer 2");
    }

    @Test
    void during_a_rebuild_every_question_is_computed_and_nothing_from_before_it_is_kept() {
        QueryCache cache = cache(Duration.ofMinutes(1));
        cache.get("q", this::answer);

        when(rebuild.running()).thenReturn(true);
        when(rebuild.phase()).thenReturn(new Object());
        assertThat(cache.get("q", this::answer)).isEqualTo("answer 2");
        assertThat(cache.get("q", this::answer)).isEqualTo("answer 3");

        when(rebuild.running()).thenReturn(false);
        when(rebuild.phase()).thenReturn(new Object());
        assertThat(cache.get("q", this::answer)).isEqualTo("answer 4");
        assertThat(cache.get("q", this::answer)).isEqualTo("answer 4");
    }

    @Test
    void a_failed_computation_is_not_remembered() {
        QueryCache cache = cache(Duration.ofMinutes(1));

        assertThatThrownBy(() -> cache.get("q", () -> {
            throw new IllegalStateException("database gone");
        })).hasMessage("database gone");

        assertThat(cache.get("q", this::answer)).isEqualTo("answer 1");
    }

    @Test
    void concurrent_askers_of_one_question_share_one_computation() throws Exception {
        QueryCache cache = cache(Duration.ofMinutes(1));
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService askers = Executors.newFixedThreadPool(8);
        try {
            Future<String> first = askers.submit(() -> cache.get("q", () -> {
                computing.countDown();
                await(release);
                return answer();
            }));
            assertThat(computing.await(5, TimeUnit.SECONDS)).isTrue();
            List<Future<String>> others = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                others.add(askers.submit(() -> cache.get("q", this::answer)));
            }
            release.countDown();

            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("answer 1");
            for (Future<String> other : others) {
                assertThat(other.get(5, TimeUnit.SECONDS)).isEqualTo("answer 1");
            }
            assertThat(computed).hasValue(1);
        } finally {
            askers.shutdownNow();
        }
    }

    @Test
    void a_commit_during_a_computation_makes_its_answer_stale_at_once() {
        QueryCache cache = cache(Duration.ofMinutes(1));

        cache.get("q", () -> {
            cache.committed(List.of(new Change("party", "p-1", "PartyRegisteredEvent", 8)));
            return answer();
        });

        assertThat(cache.get("q", this::answer)).isEqualTo("answer 2");
    }

    @Test
    void an_answer_offered_to_a_web_request_keeps_its_bytes_until_the_answer_itself_is_forgotten() {
        QueryCache cache = cache(Duration.ofMinutes(1));
        AtomicInteger written = new AtomicInteger();
        org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
                new org.springframework.web.context.request.ServletRequestAttributes(
                        new org.springframework.mock.web.MockHttpServletRequest()));
        try {
            SerializedAnswer.Json first = offeredBytes(cache, written);
            SerializedAnswer.Json again = offeredBytes(cache, written);
            assertThat(again).isSameAs(first);
            assertThat(written).hasValue(1);

            cache.committed(List.of(new Change("party", "p-1", "PartyRegisteredEvent", 9)));
            SerializedAnswer.Json afterTheChange = offeredBytes(cache, written);

            assertThat(written).hasValue(2);
            assertThat(new String(afterTheChange.bytes())).isEqualTo("\"answer 2\"");
            assertThat(afterTheChange.eTag()).isNotEqualTo(first.eTag());
        } finally {
            org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        }
    }

    private SerializedAnswer.Json offeredBytes(QueryCache cache, AtomicInteger written) {
        String answer = cache.get("q", this::answer);
        QueryCache.OfferedAnswer offered = (QueryCache.OfferedAnswer) org.springframework.web.context.request
                .RequestContextHolder.currentRequestAttributes().getAttribute(QueryCache.ANSWER, 0);
        assertThat(offered.value()).isSameAs(answer);
        return offered.serialized().json(() -> {
            written.incrementAndGet();
            return SerializedAnswer.Json.of(("\"" + answer + "\"").getBytes(), org.springframework.http.MediaType.APPLICATION_JSON);
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
