package org.fhirtrials.fhir;

import org.fhirtrials.store.InMemoryTrialStore;
import org.fhirtrials.store.TrialStore;

/** The search contract on the in-memory index. */
class InMemorySearchBackendContractTest extends SearchBackendContract {
  @Override
  protected TrialStore emptyStore() {
    return new InMemoryTrialStore();
  }
}
