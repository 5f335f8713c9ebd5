package org.fhirtrials.sync;

import org.fhirtrials.store.InMemoryTrialStore;
import org.fhirtrials.store.TrialStore;

/** The sync contract on the in-memory store, with the watermark in memory. */
class InMemoryRegistrySyncTest extends RegistrySyncContract {
  @Override
  protected TrialStore emptyStore() {
    return new InMemoryTrialStore();
  }

  @Override
  protected SyncState emptyState(TrialStore store) {
    SyncState state = SyncState.forStore(store);
    return state;
  }
}
