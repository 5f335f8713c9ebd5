package org.fhirtrials.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One instance of each string the index holds: values repeated across documents (cities, codes,
 * words, reference keys) are one object in memory instead of one per document. One pool may serve
 * the indexes of both bases, whose values are mostly the same. Thread-safe, so trials can be
 * prepared for the index on all cores.
 *
 * <p>Strings that name one trial (its resources' ids and references to them) are held by that
 * trial's documents only, so the pool does not keep them (it would grow by every resource id); but
 * the indexes sharing the pool ask for them in turn ({@link #trialStrings}), so that each base's
 * documents hold the same instances.
 */
public final class StringPool {
  private final ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>();

  /** How many indexes use this pool. */
  private final AtomicInteger users = new AtomicInteger();

  /** Each trial's strings, until every user but the first has asked for them. */
  private final ConcurrentHashMap<String, Handoff> trials = new ConcurrentHashMap<>();

  private record Handoff(Map<String, String> strings, int waiting) {}

  /** Counts one more index using this pool. */
  void addUser() {
    users.incrementAndGet();
  }

  String canonical(String s) {
    // most strings are held already: a plain read takes no lock
    String existing = strings.get(s);
    if (existing == null) {
      existing = strings.putIfAbsent(s, s);
    }
    return existing == null ? s : existing;
  }

  /**
   * The canonical instances of the strings that name this trial, one map per preparation of the
   * trial by an index: the first index to ask gets a new map, which the other users of the pool get
   * next (the pool forgets it when the last has). Thread-safe. An index that prepares the trial
   * more often than another shares less, never wrongly: the map's strings only stand for equal
   * ones.
   */
  Map<String, String> trialStrings(String nctId) {
    int others = users.get() - 1;
    if (others <= 0) {
      return new HashMap<>();
    }
    List<Map<String, String>> out = new ArrayList<>(1);
    trials.compute(
        nctId,
        (id, held) -> {
          if (held == null) {
            out.add(new ConcurrentHashMap<>());
            return new Handoff(out.get(0), others);
          }
          out.add(held.strings);
          return held.waiting > 1 ? new Handoff(held.strings, held.waiting - 1) : null;
        });
    return out.get(0);
  }

  /** How many trials' strings are waiting for another index (for tests). */
  int waiting() {
    return trials.size();
  }
}
