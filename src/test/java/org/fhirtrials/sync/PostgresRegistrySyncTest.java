package org.fhirtrials.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import org.fhirtrials.store.TestDatabase;
import org.fhirtrials.store.TrialStore;
import org.fhirtrials.store.postgres.PostgresTrialStore;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sync contract on a real PostgreSQL (see {@link TestDatabase}), with the watermark in table
 * {@code sync_state}.
 */
class PostgresRegistrySyncTest extends RegistrySyncContract {
  @RegisterExtension static final TestDatabase.PerClass database = new TestDatabase.PerClass();

  @Override
  protected TrialStore emptyStore() throws Exception {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("TRUNCATE trial, sync_state");
    }
    return new PostgresTrialStore(database.dataSource());
  }

  @Override
  protected SyncState emptyState(TrialStore store) {
    SyncState state = SyncState.forStore(store);
    assertThat(state).isInstanceOf(PostgresSyncState.class);
    return state;
  }
}
