package org.fhirtrials.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.fhirtrials.model.Trial;

/**
 * A trial as the store holds it: the domain record, its version and when that version was stored.
 *
 * <p>A record is either held as the domain object ({@link #StoredTrial(Trial, long, Instant)}) or
 * {@link #packed packed} ({@link PackedTrials}: compressed JSON, a quarter of the object's heap),
 * which the in-memory store keeps so that a registry fits in memory; {@link #trial()} then decodes
 * it on each call, so callers that need it more than once keep the result. Two records are equal
 * when their trial, version and time are, however each is held.
 */
public final class StoredTrial {
  private final String nctId;
  private final long versionId;
  private final Instant lastUpdated;

  /** the record, or null when {@link #packed} holds it */
  private final Trial trial;

  private final byte[] packed;

  /**
   * @param trial the domain record
   * @param versionId version of the record in this store, starting at 1; bumped only when the trial
   *     changes (served as {@code meta.versionId} and the {@code ETag})
   * @param lastUpdated when this version was stored (served as {@code meta.lastUpdated} and {@code
   *     Last-Modified})
   */
  public StoredTrial(Trial trial, long versionId, Instant lastUpdated) {
    this(Objects.requireNonNull(trial, "trial").nctId(), trial, null, versionId, lastUpdated);
  }

  private StoredTrial(
      String nctId, Trial trial, byte[] packed, long versionId, Instant lastUpdated) {
    Objects.requireNonNull(lastUpdated, "lastUpdated");
    if (versionId < 1) {
      throw new IllegalArgumentException("versionId must be >= 1: " + versionId);
    }
    this.nctId = nctId;
    this.trial = trial;
    this.packed = packed;
    this.versionId = versionId;
    this.lastUpdated = lastUpdated;
  }

  /** A record held as {@link PackedTrials#pack packed} bytes of the trial with this NCT id. */
  static StoredTrial packed(String nctId, byte[] packed, long versionId, Instant lastUpdated) {
    return new StoredTrial(
        Objects.requireNonNull(nctId, "nctId"),
        null,
        Objects.requireNonNull(packed, "packed"),
        versionId,
        lastUpdated);
  }

  /** This version of the record holding {@code trial} itself, which must be the packed one. */
  StoredTrial unpacked(Trial trial) {
    return new StoredTrial(nctId, trial, null, versionId, lastUpdated);
  }

  /**
   * This record holding its trial as the domain object: itself when it does, else decoded once, for
   * a caller that reads the trial more than once.
   */
  public StoredTrial decoded() {
    return trial != null ? this : unpacked(trial());
  }

  /** The packed bytes, or null when the record is held as the domain object. */
  byte[] packedBytes() {
    return packed;
  }

  /** The domain record; decoded anew on each call when the record is held packed. */
  public Trial trial() {
    return trial != null ? trial : PackedTrials.unpack(packed, nctId);
  }

  public String nctId() {
    return nctId;
  }

  public long versionId() {
    return versionId;
  }

  public Instant lastUpdated() {
    return lastUpdated;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof StoredTrial other)
        || versionId != other.versionId
        || !nctId.equals(other.nctId)
        || !lastUpdated.equals(other.lastUpdated)) {
      return false;
    }
    if (packed != null && other.packed != null) {
      return Arrays.equals(packed, other.packed); // equal trials pack to equal bytes
    }
    return trial().equals(other.trial());
  }

  @Override
  public int hashCode() {
    return Objects.hash(nctId, versionId, lastUpdated);
  }

  @Override
  public String toString() {
    return "StoredTrial[" + nctId + ", version " + versionId + ", " + lastUpdated + "]";
  }
}
