package org.fhirtrials.ingest;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance of a value that many studies repeat (a site's city, state, country, facility; a
 * contact's role): a store of the whole registry holds millions of sites, and a string per site and
 * field would be most of its memory. Bounded, so an importer streaming any number of studies keeps
 * a flat memory: once full, values are kept as they are. Thread-safe.
 */
final class RepeatedValues {
  /** At most this many values (a few tens of MB). */
  private static final int CAPACITY = 1 << 18;

  private static final ConcurrentHashMap<String, String> VALUES = new ConcurrentHashMap<>();

  private RepeatedValues() {}

  /** The shared instance of a value (null stays null). */
  static String share(String value) {
    if (value == null) {
      return null;
    }
    String held = VALUES.get(value);
    if (held != null) {
      return held;
    }
    if (VALUES.size() >= CAPACITY) {
      return value;
    }
    held = VALUES.putIfAbsent(value, value);
    return held == null ? value : held;
  }
}
