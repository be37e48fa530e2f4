package dev.replicate4j.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WebhookDeduplicatorTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void acceptsAnIdOnceAndRejectsItsRepeats() {
    WebhookDeduplicator dedup = WebhookDeduplicator.builder().clock(clock).build();

    assertThat(dedup.firstDelivery("msg_1")).isTrue();
    assertThat(dedup.firstDelivery("msg_1")).isFalse();
    assertThat(dedup.firstDelivery("msg_1")).isFalse();
    assertThat(dedup.firstDelivery("msg_2")).isTrue();
  }

  @Test
  void remembersAnIdForTheTtlFromItsFirstDelivery() {
    WebhookDeduplicator dedup =
        WebhookDeduplicator.builder().clock(clock).ttl(Duration.ofMinutes(10)).build();
    assertThat(dedup.firstDelivery("msg_1")).isTrue();

    clock.advance(Duration.ofMinutes(10).minusNanos(1));
    assertThat(dedup.firstDelivery("msg_1")).as("a repeat just inside the ttl").isFalse();

    clock.advance(Duration.ofNanos(1));
    assertThat(dedup.firstDelivery("msg_1")).as("exactly at the ttl").isTrue();
    assertThat(dedup.firstDelivery("msg_1")).as("remembered again from now").isFalse();
  }

  @Test
  void aRepeatDoesNotExtendTheMemory() {
    WebhookDeduplicator dedup =
        WebhookDeduplicator.builder().clock(clock).ttl(Duration.ofMinutes(10)).build();
    dedup.firstDelivery("msg_1");
    clock.advance(Duration.ofMinutes(9));
    assertThat(dedup.firstDelivery("msg_1")).isFalse();

    clock.advance(Duration.ofMinutes(1));

    assertThat(dedup.firstDelivery("msg_1")).isTrue();
  }

  @Test
  void dropsExpiredIdsFromMemory() {
    WebhookDeduplicator dedup =
        WebhookDeduplicator.builder().clock(clock).ttl(Duration.ofSeconds(60)).build();
    for (int i = 0; i < 100; i++) {
      dedup.firstDelivery("old_" + i);
    }
    assertThat(dedup.size()).isEqualTo(100);

    clock.advance(Duration.ofSeconds(60));
    dedup.firstDelivery("new");

    assertThat(dedup.size()).isEqualTo(1);
  }

  @Test
  void keepsAtMostMaxEntriesForgettingTheOldestFirst() {
    WebhookDeduplicator dedup =
        WebhookDeduplicator.builder().clock(clock).maxEntries(3).build();
    for (String id : List.of("a", "b", "c", "d")) {
      assertThat(dedup.firstDelivery(id)).isTrue();
      clock.advance(Duration.ofSeconds(1));
    }

    assertThat(dedup.size()).isEqualTo(3);
    assertThat(dedup.firstDelivery("d")).isFalse();
    assertThat(dedup.firstDelivery("c")).isFalse();
    assertThat(dedup.firstDelivery("b")).isFalse();
    assertThat(dedup.firstDelivery("a")).as("evicted by the bound").isTrue();
    assertThat(dedup.size()).isEqualTo(3);
  }

  @Test
  void forgetLetsTheNextDeliveryThrough() {
    WebhookDeduplicator dedup = WebhookDeduplicator.builder().clock(clock).build();
    dedup.firstDelivery("msg_1");

    dedup.forget("msg_1");

    assertThat(dedup.firstDelivery("msg_1")).isTrue();
    assertThat(dedup.firstDelivery("msg_1")).isFalse();
  }

  @Test
  void givesExactlyOneThreadTheFirstDeliveryOfEachId() throws Exception {
    WebhookDeduplicator dedup = WebhookDeduplicator.builder().clock(clock).build();
    int threads = 8;
    int ids = 500;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger[] firsts = new AtomicInteger[ids];
    for (int i = 0; i < ids; i++) {
      firsts[i] = new AtomicInteger();
    }
    try {
      List<Callable<Void>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t * 37;
        workers.add(() -> {
          start.await();
          for (int n = 0; n < ids; n++) {
            int i = (n + offset) % ids; // threads walk the ids from different places
            if (dedup.firstDelivery("msg_" + i)) {
              firsts[i].incrementAndGet();
            }
          }
          return null;
        });
      }
      List<Future<Void>> done = new ArrayList<>();
      for (Callable<Void> worker : workers) {
        done.add(pool.submit(worker));
      }
      start.countDown();
      for (Future<Void> future : done) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    for (int i = 0; i < ids; i++) {
      assertThat(firsts[i].get()).as("msg_" + i).isEqualTo(1);
    }
    assertThat(dedup.size()).isEqualTo(ids);
  }

  @Test
  void validatesItsSettingsAndArguments() {
    WebhookDeduplicator.Builder builder = WebhookDeduplicator.builder();
    assertThatThrownBy(() -> builder.maxEntries(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxEntries");
    assertThatThrownBy(() -> builder.ttl(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
    assertThatThrownBy(() -> builder.ttl(Duration.ofSeconds(-5)))
        .isInstanceOf(IllegalArgumentException.class);
    WebhookDeduplicator dedup = builder.build();
    assertThatThrownBy(() -> dedup.firstDelivery("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> dedup.firstDelivery(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void hasDocumentedDefaults() {
    assertThat(WebhookDeduplicator.DEFAULT_TTL).isEqualTo(Duration.ofHours(24));
    assertThat(WebhookDeduplicator.DEFAULT_MAX_ENTRIES).isEqualTo(10_000);
    assertThat(WebhookDeduplicator.builder().build().toString())
        .contains("maxEntries=10000").contains("PT24H");
  }
}
