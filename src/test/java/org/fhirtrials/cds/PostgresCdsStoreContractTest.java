package org.fhirtrials.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fhirtrials.store.TestDatabase;
import org.fhirtrials.store.postgres.StoreException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store contract on a real PostgreSQL (Flyway V3 tables; see {@link TestDatabase} for where the
 * database comes from: {@code TEST_JDBC_URL}, Testcontainers, else skipped, and failed under {@code
 * CI=true}). Two store instances over one database stand for two replicas.
 */
class PostgresCdsStoreContractTest extends CdsStoreContract {
  static final Duration RETENTION = Duration.ofDays(30);
  @RegisterExtension static final TestDatabase.PerClass database = new TestDatabase.PerClass();

  @BeforeEach
  void empty() throws Exception {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("TRUNCATE cds_issued_card, cds_feedback");
    }
  }

  static PostgresCdsStore replica(Instant now) {
    return new PostgresCdsStore(database.dataSource(), RETENTION, Clock.fixed(now, ZoneOffset.UTC));
  }

  @Override
  protected IssuedCards issuedCards() {
    return replica(NOW).issuedCards();
  }

  @Override
  protected FeedbackStore feedbackStore() {
    return replica(NOW).feedback();
  }

  @Override
  protected FeedbackStore reopenedFeedbackStore() {
    return replica(NOW).feedback();
  }

  @Test
  void aCardIssuedByOneReplicaIsKnownToAnother() {
    String card = UUID.randomUUID().toString();
    replica(NOW).rememberAll(Map.of(card, "NCT00000001"));
    assertThat(replica(NOW.plusSeconds(30)).trialOf(card)).isEqualTo("NCT00000001");
  }

  @Test
  void feedbackStoredByEachReplicaIsReadByAll() throws Exception {
    FeedbackEntry a = accepted("c1", "NCT00000001", NOW);
    FeedbackEntry b = overridden("c2", "NCT00000002", NOW.plusSeconds(5));
    replica(NOW).append(List.of(a));
    replica(NOW).append(List.of(b));
    assertThat(replica(NOW).all()).containsExactly(a, b);
  }

  @Test
  void aCardOlderThanTheRetentionTakesNoFeedbackAndIsPruned() throws Exception {
    String old = UUID.randomUUID().toString();
    replica(NOW).rememberAll(Map.of(old, "NCT00000001"));
    Instant later = NOW.plus(RETENTION).plusSeconds(1);
    assertThat(replica(later).trialOf(old)).isNull();
    replica(later).rememberAll(Map.of(UUID.randomUUID().toString(), "NCT00000002"));
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT count(*) FROM cds_issued_card WHERE card_uuid = '" + old + "'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("pruned").isZero();
    }
  }

  @Test
  void aBatchThatCannotBeStoredStoresNothing() throws Exception {
    FeedbackEntry good = accepted("c1", "NCT00000001", NOW);
    FeedbackEntry bad =
        new FeedbackEntry("c2", "NCT00000001", "ignored", null, null, NOW, NOW); // CHECK fails
    assertThatThrownBy(() -> replica(NOW).append(List.of(good, bad)))
        .isInstanceOf(StoreException.class);
    assertThat(replica(NOW).all()).isEmpty();
  }
}
