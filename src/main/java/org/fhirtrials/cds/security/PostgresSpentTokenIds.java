package org.fhirtrials.cds.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.fhirtrials.cds.security.JtiReplayCache.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spent token ids in table {@code cds_jti} (Flyway V3), shared by every replica over the database.
 * One statement per call: the insert wins, or a remembered id that has not yet expired makes it a
 * replay (PostgreSQL serialises concurrent inserts of one id, so exactly one of two racing calls
 * wins). Expired rows are deleted at most once per {@link #PRUNE_INTERVAL}. A database failure
 * refuses the token (503 to the client): fail closed.
 */
final class PostgresSpentTokenIds implements SpentTokenIds {
  static final Duration PRUNE_INTERVAL = Duration.ofMinutes(10);
  private static final Logger log = LoggerFactory.getLogger(PostgresSpentTokenIds.class);

  private static final String REGISTER =
      "INSERT INTO cds_jti (issuer, jti, forget_after) VALUES (?, ?, ?)"
          + " ON CONFLICT (issuer, jti) DO UPDATE SET forget_after = EXCLUDED.forget_after"
          + " WHERE cds_jti.forget_after < ?";

  private final DataSource dataSource;
  private final Clock clock;
  private final AtomicReference<Instant> lastPrune = new AtomicReference<>(Instant.MIN);

  PostgresSpentTokenIds(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  @Override
  public Outcome register(String issuer, String jti, Instant forgetAfter) {
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection()) {
      int rows;
      try (PreparedStatement ps = c.prepareStatement(REGISTER)) {
        ps.setString(1, issuer);
        ps.setString(2, jti);
        ps.setTimestamp(3, Timestamp.from(forgetAfter));
        ps.setTimestamp(4, Timestamp.from(now));
        rows = ps.executeUpdate();
      }
      pruneIfDue(c, now);
      return rows == 1 ? Outcome.FIRST_USE : Outcome.REPLAYED;
    } catch (SQLException e) {
      log.warn("cannot record CDS token id in PostgreSQL: {}", e.getMessage());
      return Outcome.FULL; // refused as "retry later", never accepted unrecorded
    }
  }

  private void pruneIfDue(Connection c, Instant now) throws SQLException {
    Instant last = lastPrune.get();
    if (now.isBefore(last.plus(PRUNE_INTERVAL)) || !lastPrune.compareAndSet(last, now)) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM cds_jti WHERE forget_after < ?")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.executeUpdate();
    }
  }
}
