package org.fhirtrials.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fhirtrials.cds.security.JtiReplayCache.Outcome;
import org.fhirtrials.store.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Spent token ids in PostgreSQL: two instances over one database stand for two replicas (database
 * from {@code TEST_JDBC_URL}; see {@link TestDatabase}).
 */
class PostgresSpentTokenIdsTest {
  private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");
  private static final String ISS = "https://ehr.example.org/";
  @RegisterExtension static final TestDatabase.PerClass database = new TestDatabase.PerClass();

  @BeforeEach
  void empty() throws Exception {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("TRUNCATE cds_jti");
    }
  }

  private static PostgresSpentTokenIds replica(Instant now) {
    return new PostgresSpentTokenIds(database.dataSource(), Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void aTokenIdSpentAtOneReplicaIsAReplayAtAnother() {
    assertThat(replica(T0).register(ISS, "jti-1", T0.plusSeconds(360)))
        .isEqualTo(Outcome.FIRST_USE);
    assertThat(replica(T0.plusSeconds(10)).register(ISS, "jti-1", T0.plusSeconds(360)))
        .isEqualTo(Outcome.REPLAYED);
  }

  @Test
  void tokenIdsAreSeparatePerIssuer() {
    replica(T0).register(ISS, "jti-1", T0.plusSeconds(360));
    assertThat(replica(T0).register("https://other.example.org/", "jti-1", T0.plusSeconds(360)))
        .isEqualTo(Outcome.FIRST_USE);
  }

  @Test
  void aTokenIdIsForgottenOnceItsTokenCouldNoLongerBeAccepted() {
    replica(T0).register(ISS, "jti-1", T0.plusSeconds(360));
    Instant later = T0.plusSeconds(361);
    assertThat(replica(later).register(ISS, "jti-1", later.plusSeconds(360)))
        .isEqualTo(Outcome.FIRST_USE);
  }

  @Test
  void ofConcurrentUsesExactlyOneWins() throws Exception {
    int threads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Outcome>> outcomes = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        outcomes.add(
            pool.submit(
                () -> {
                  go.await();
                  return replica(T0).register(ISS, "raced", T0.plusSeconds(360));
                }));
      }
      go.countDown();
      List<Outcome> results = new ArrayList<>();
      for (Future<Outcome> f : outcomes) {
        results.add(f.get());
      }
      assertThat(results).containsOnlyOnce(Outcome.FIRST_USE);
      assertThat(results).filteredOn(o -> o == Outcome.REPLAYED).hasSize(threads - 1);
    } finally {
      pool.shutdownNow();
    }
  }
}
