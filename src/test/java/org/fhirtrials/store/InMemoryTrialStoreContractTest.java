package org.fhirtrials.store;

class InMemoryTrialStoreContractTest extends TrialStoreContract {
  @Override
  protected TrialStore emptyStore(MutableClock clock) {
    return new InMemoryTrialStore(clock);
  }
}
