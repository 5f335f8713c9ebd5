package org.fhirtrials.cds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.fhirtrials.store.postgres.StoreException;

/**
 * Issued cards and feedback in PostgreSQL (tables {@code cds_issued_card} and {@code cds_feedback},
 * Flyway V3), the choice with {@code fhirtrials.store=postgres}: every replica over the database
 * knows every card, so feedback may reach any of them (DESIGN D6).
 *
 * <p>Issued cards older than the retention are forgotten: refused on lookup at once, deleted at
 * most once per {@link #PRUNE_INTERVAL} by whichever replica issues cards. Feedback is kept.
 */
public final class PostgresCdsStore {
  static final Duration PRUNE_INTERVAL = Duration.ofHours(1);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INSERT_CARD =
      "INSERT INTO cds_issued_card (card_uuid, trial_id, issued_at) VALUES (?, ?, ?)"
          + " ON CONFLICT (card_uuid) DO NOTHING";
  private static final String INSERT_FEEDBACK =
      "INSERT INTO cds_feedback (card_uuid, trial_id, outcome, accepted_suggestions,"
          + " override_reason, outcome_timestamp, received_at)"
          + " VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)";
  private static final String SELECT_FEEDBACK =
      "SELECT card_uuid, trial_id, outcome, accepted_suggestions::text, override_reason::text,"
          + " outcome_timestamp, received_at FROM cds_feedback ORDER BY id";

  private final DataSource dataSource;
  private final Duration retention;
  private final Clock clock;
  private final AtomicReference<Instant> lastPrune = new AtomicReference<>(Instant.MIN);

  /**
   * @param dataSource a database migrated by Flyway (V3 or later)
   * @param retention how long an issued card accepts feedback
   */
  public PostgresCdsStore(DataSource dataSource, Duration retention, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.retention = Objects.requireNonNull(retention, "retention");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive, was " + retention);
    }
  }

  /** The issued-cards role (a bean of its own: it must not also be a FeedbackStore). */
  public IssuedCards issuedCards() {
    return new IssuedCards() {
      @Override
      public void rememberAll(Map<String, String> trialByCard) {
        PostgresCdsStore.this.rememberAll(trialByCard);
      }

      @Override
      public String trialOf(String cardUuid) {
        return PostgresCdsStore.this.trialOf(cardUuid);
      }
    };
  }

  /** The feedback role. */
  public FeedbackStore feedback() {
    return new FeedbackStore() {
      @Override
      public void append(List<FeedbackEntry> entries) {
        PostgresCdsStore.this.append(entries);
      }

      @Override
      public List<FeedbackEntry> all() {
        return PostgresCdsStore.this.all();
      }
    };
  }

  /** See {@link IssuedCards#rememberAll}. */
  public void rememberAll(Map<String, String> trialByCard) {
    if (trialByCard.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(INSERT_CARD)) {
      Timestamp at = Timestamp.from(now);
      for (Map.Entry<String, String> e : trialByCard.entrySet()) {
        ps.setString(1, e.getKey());
        ps.setString(2, e.getValue());
        ps.setTimestamp(3, at);
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new StoreException("cannot record " + trialByCard.size() + " issued CDS cards", e);
    }
    pruneIfDue(now);
  }

  /** See {@link IssuedCards#trialOf}. */
  public String trialOf(String cardUuid) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT trial_id FROM cds_issued_card WHERE card_uuid = ? AND issued_at >= ?")) {
      ps.setString(1, cardUuid);
      ps.setTimestamp(2, Timestamp.from(clock.instant().minus(retention)));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot look up issued CDS card " + cardUuid, e);
    }
  }

  /** See {@link FeedbackStore#append}: all entries in one transaction. */
  public void append(List<FeedbackEntry> entries) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(INSERT_FEEDBACK)) {
        for (FeedbackEntry e : entries) {
          ps.setString(1, e.card());
          ps.setString(2, e.trialId());
          ps.setString(3, e.outcome());
          setJson(ps, 4, e.acceptedSuggestions());
          setJson(ps, 5, e.overrideReason());
          ps.setTimestamp(6, Timestamp.from(e.outcomeTimestamp()));
          ps.setTimestamp(7, Timestamp.from(e.receivedAt()));
          ps.addBatch();
        }
        ps.executeBatch();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot store " + entries.size() + " CDS feedback entries", e);
    }
  }

  /** See {@link FeedbackStore#all}. */
  public List<FeedbackEntry> all() {
    List<FeedbackEntry> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(SELECT_FEEDBACK);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new FeedbackEntry(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                json(rs.getString(4)),
                json(rs.getString(5)),
                rs.getTimestamp(6).toInstant(),
                rs.getTimestamp(7).toInstant()));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read CDS feedback", e);
    }
    return out;
  }

  /** Deletes cards past the retention, at most once per interval per process. */
  private void pruneIfDue(Instant now) {
    Instant last = lastPrune.get();
    if (now.isBefore(last.plus(PRUNE_INTERVAL)) || !lastPrune.compareAndSet(last, now)) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("DELETE FROM cds_issued_card WHERE issued_at < ?")) {
      ps.setTimestamp(1, Timestamp.from(now.minus(retention)));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot prune issued CDS cards", e);
    }
  }

  private static void setJson(PreparedStatement ps, int index, JsonNode value) throws SQLException {
    if (value == null || value.isNull()) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value.toString());
    }
  }

  private static JsonNode json(String text) {
    if (text == null) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new StoreException("unreadable JSON in cds_feedback", e);
    }
  }
}
