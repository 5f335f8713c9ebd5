package org.fhirtrials.store;

import org.fhirtrials.store.postgres.PostgresTrialStore;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store contract on a real PostgreSQL (see {@link TestDatabase} for where it comes from). */
class PostgresTrialStoreContractTest extends TrialStoreContract {
  @RegisterExtension static final TestDatabase.PerClass database = new TestDatabase.PerClass();

  @Override
  protected TrialStore emptyStore(MutableClock clock) throws Exception {
    database.truncate();
    return new PostgresTrialStore(database.dataSource(), clock);
  }
}
