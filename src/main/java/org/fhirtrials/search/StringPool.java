package org.fhirtrials.search;

import java.util.HashMap;
import java.util.LinkedHashMap;
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

  /**
   * At most this many trials' strings wait for the other indexes: bases that drift further apart
   * (or a trial one index prepares more often than another) share less, and memory stays bounded.
   */
  static final int MAX_WAITING = 4096;

  /**
   * Each trial's strings, until every user but the first has asked for them (or, oldest first,
   * there are too many).
   */
  private final LinkedHashMap<String, Handoff> trials =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Handoff> eldest) {
          return size() > MAX_WAITING;
        }
      };

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
   * next (the pool forgets it when the last has). Thread-safe. Sharing less (an index that prepares
   * the trial more often than another, or runs far ahead) is never wrong: the map's strings only
   * stand for equal ones.
   */
  Map<String, String> trialStrings(String nctId) {
    int others = users.get() - 1;
    if (others <= 0) {
      return new HashMap<>();
    }
    synchronized (trials) {
      Handoff held = trials.remove(nctId);
      if (held == null) {
        Map<String, String> strings = new ConcurrentHashMap<>();
        trials.put(nctId, new Handoff(strings, others));
        return strings;
      }
      if (held.waiting > 1) {
        trials.put(nctId, new Handoff(held.strings, held.waiting - 1));
      }
      return held.strings;
    }
  }

  /** How many trials' strings are waiting for another index (for tests). */
  int waiting() {
    synchronized (trials) {
      return trials.size();
    }
  }
}
