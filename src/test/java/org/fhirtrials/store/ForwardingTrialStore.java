package org.fhirtrials.store;

import java.util.List;
import java.util.Optional;
import org.fhirtrials.model.Trial;

/**
 * A test store that passes the abstract operations to another store, so a test double overrides
 * only what it watches or changes; the default methods (such as {@link TrialStore#saveAll}) stay
 * the interface's own, built on these.
 */
public class ForwardingTrialStore implements TrialStore {
  protected final TrialStore delegate;

  public ForwardingTrialStore(TrialStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public StoredTrial save(Trial trial) {
    return delegate.save(trial);
  }

  @Override
  public Optional<StoredTrial> get(String nctId) {
    return delegate.get(nctId);
  }

  @Override
  public List<StoredTrial> all() {
    return delegate.all();
  }

  @Override
  public int size() {
    return delegate.size();
  }
}
