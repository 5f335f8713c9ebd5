package org.fhirtrials.store;

import org.fhirtrials.store.postgres.PostgresTrialStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on a real PostgreSQL (see {@link TestDatabase} for where it comes from). */
class PostgresTrialStoreContractTest extends TrialStoreContract {
  private static TestDatabase database;

  @BeforeAll
  static void startDatabase() throws Exception {
    database = TestDatabase.start();
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    if (database != null) {
      database.close();
    }
  }

  @Override
  protected TrialStore emptyStore(MutableClock clock) throws Exception {
    database.truncate();
    return new PostgresTrialStore(database.dataSource(), clock);
  }
}
