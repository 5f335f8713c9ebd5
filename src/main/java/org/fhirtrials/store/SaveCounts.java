package org.fhirtrials.store;

/**
 * What a batch of saves did.
 *
 * @param inserted trials the store did not hold before (version 1)
 * @param updated trials that changed and got a new version
 * @param unchanged trials equal to the stored record (version and timestamp kept)
 */
public record SaveCounts(long inserted, long updated, long unchanged) {
  public static final SaveCounts NONE = new SaveCounts(0, 0, 0);

  public SaveCounts plus(SaveCounts other) {
    return new SaveCounts(
        inserted + other.inserted, updated + other.updated, unchanged + other.unchanged);
  }

  public long total() {
    return inserted + updated + unchanged;
  }
}
