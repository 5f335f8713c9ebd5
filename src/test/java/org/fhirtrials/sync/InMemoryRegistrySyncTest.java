package org.fhirtrials.sync;

import static org.assertj.core.api.Assertions.assertThat;

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
    assertThat(state).isInstanceOf(InMemorySyncState.class);
    return state;
  }
}
