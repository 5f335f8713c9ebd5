package org.fhirtrials.search;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance of each string the index holds: values repeated across documents (cities, codes,
 * words, reference keys) are one object in memory instead of one per document. One pool may serve
 * the indexes of both bases, whose values are mostly the same. Thread-safe, so trials can be
 * prepared for the index on all cores.
 */
public final class StringPool {
  private final ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>();

  String canonical(String s) {
    // most strings are held already: a plain read takes no lock
    String existing = strings.get(s);
    if (existing == null) {
      existing = strings.putIfAbsent(s, s);
    }
    return existing == null ? s : existing;
  }
}
