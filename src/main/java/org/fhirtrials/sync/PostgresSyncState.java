package org.fhirtrials.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.fhirtrials.store.postgres.StoreException;

/** The watermark in table {@code sync_state} (Flyway {@code V4__sync_state.sql}). */
public final class PostgresSyncState implements SyncState {
  private final DataSource dataSource;

  public PostgresSyncState(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public Optional<Instant> watermark(String key) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT watermark FROM sync_state WHERE sync_key = ?")) {
      s.setString(1, key);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getTimestamp(1).toInstant()) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the sync watermark", e);
    }
  }

  @Override
  public void advance(String key, Instant watermark) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO sync_state (sync_key, watermark, completed_at) VALUES (?, ?, now())"
                    + " ON CONFLICT (sync_key) DO UPDATE SET"
                    + " watermark = GREATEST(sync_state.watermark, EXCLUDED.watermark),"
                    + " completed_at = EXCLUDED.completed_at")) {
      s.setString(1, key);
      s.setTimestamp(2, Timestamp.from(watermark));
      s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot store the sync watermark", e);
    }
  }
}
