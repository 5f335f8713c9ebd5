package org.fhirtrials.store;

import java.time.Instant;
import java.util.Objects;
import org.fhirtrials.model.Trial;

/**
 * A trial as the store holds it.
 *
 * @param trial the domain record
 * @param versionId version of the record in this store, starting at 1; bumped only when the trial
 *     changes (served as {@code meta.versionId} and the {@code ETag})
 * @param lastUpdated when this version was stored (served as {@code meta.lastUpdated} and {@code
 *     Last-Modified})
 */
public record StoredTrial(Trial trial, long versionId, Instant lastUpdated) {
  public StoredTrial {
    Objects.requireNonNull(trial, "trial");
    Objects.requireNonNull(lastUpdated, "lastUpdated");
    if (versionId < 1) {
      throw new IllegalArgumentException("versionId must be >= 1: " + versionId);
    }
  }

  public String nctId() {
    return trial.nctId();
  }
}
