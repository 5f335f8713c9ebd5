package org.fhirtrials.search;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One instance of each string the index holds: values repeated across documents (cities, codes,
 * words, reference keys) are one object in memory instead of one per document. One pool may serve
 * the indexes of both bases, whose values are mostly the same. Thread-safe, so trials can be
 * prepared for the index on all cores.
 *
 * <p>Strings that name one trial (its resources' ids and references to them) are held by that
 * trial's documents only, so the pool does not keep them (it would grow by every resource id); but
 * the first index to prepare a trial offers them to the others ({@link #offerTrialStrings}, {@link
 * #takeTrialStrings}), so that each base's documents hold the same instances.
 */
public final class StringPool {
  /** Independent tables (a string's stripe is chosen by its hash), each locked on its own. */
  private static final int STRIPES = 64;

  private final Stripe[] stripes = new Stripe[STRIPES];

  {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe();
    }
  }

  /**
   * How many indexes share this pool: fixed when it is made, since an index that starts indexing
   * before the others are made would otherwise keep its trials' strings to itself.
   */
  private final int users;

  /** A pool for one index. */
  public StringPool() {
    this(1);
  }

  /**
   * @param indexes how many indexes will share the pool (those of the bases; a pool that fewer use
   *     holds at most {@link #MAX_WAITING} trials' strings waiting for the others)
   */
  public StringPool(int indexes) {
    if (indexes < 1) {
      throw new IllegalArgumentException("a pool needs an index: " + indexes);
    }
    this.users = indexes;
  }

  /**
   * At most this many trials' strings wait for the other indexes: bases that drift further apart
   * (or a trial one index prepares more often than another) share less, and memory stays bounded
   * (an offer is a sorted array: about 0.5 KB a trial). The bases' indexers drift apart by
   * thousands of trials during a bulk load, since each takes whatever is queued when it is free: a
   * window of 4,096 trials left most of 100k trials' ids held twice.
   */
  static final int MAX_WAITING = 1 << 16;

  /**
   * Each trial's offered strings, until every other index has taken them (or, oldest first, there
   * are too many).
   */
  private final LinkedHashMap<String, Offer> trials =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Offer> eldest) {
          return size() > MAX_WAITING;
        }
      };

  /**
   * @param strings sorted
   * @param waiting how many indexes have yet to take them
   */
  private record Offer(String[] strings, int waiting) {}

  /** The pool's instance of a string equal to {@code s} ({@code s} itself when it had none). */
  String canonical(String s) {
    int h = s.hashCode() * 0x9E3779B9; // spread: many strings differ in their last characters only
    return stripes[h >>> 26].canonical(s, h);
  }

  /** How many strings the pool holds. */
  int size() {
    int n = 0;
    for (Stripe stripe : stripes) {
      n += stripe.size;
    }
    return n;
  }

  /**
   * One set of strings in open addressing (linear probing, at most {@link #LOAD} full): a slot is
   * all a string costs, where a {@code ConcurrentHashMap} took a 32-byte node besides (60 MB at
   * 100k trials). Most strings asked for are held already, so a lookup reads without the lock; it
   * locks only to add (or when the table it read was being replaced), then looks again. Reading a
   * slot without the lock is safe: a {@code String} is immutable, and a slot only ever goes from
   * null to a string that stays.
   */
  private static final class Stripe {
    private static final double LOAD = 0.6;

    private volatile String[] table = new String[64];
    private int size;

    String canonical(String s, int hash) {
      String held = find(table, s, hash);
      if (held != null) {
        return held;
      }
      synchronized (this) {
        String[] t = table;
        int mask = t.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
          String k = t[i];
          if (k == null) {
            break;
          }
          if (k.equals(s)) {
            return k;
          }
        }
        if (size + 1 > t.length * LOAD) {
          t = grown(t);
        }
        insert(t, s, hash);
        size++;
        table = t; // published after its slots
        return s;
      }
    }

    private static String find(String[] t, String s, int hash) {
      int mask = t.length - 1;
      for (int i = hash & mask; ; i = (i + 1) & mask) {
        String k = t[i];
        if (k == null || k.equals(s)) {
          return k;
        }
      }
    }

    private static String[] grown(String[] t) {
      String[] out = new String[t.length * 2];
      for (String k : t) {
        if (k != null) {
          insert(out, k, k.hashCode() * 0x9E3779B9);
        }
      }
      return out;
    }

    private static void insert(String[] t, String s, int hash) {
      int mask = t.length - 1;
      int i = hash & mask;
      while (t[i] != null) {
        i = (i + 1) & mask;
      }
      t[i] = s;
    }
  }

  /**
   * The strings naming a trial that another index offered (sorted; see {@link #shared}), now taken
   * by this one; null when none is waiting (this index is the first to prepare the trial: it offers
   * its own when done). Thread-safe.
   */
  String[] takeTrialStrings(String nctId) {
    if (users == 1) {
      return null;
    }
    synchronized (trials) {
      Offer held = take(nctId);
      return held == null ? null : held.strings;
    }
  }

  /**
   * Offers the strings naming a trial, as an index that took none holds them, to the other indexes.
   * If another index offered the trial's strings meanwhile, this one counts as having taken them.
   * Sharing less (an index that prepares the trial more often than another, or runs far ahead) is
   * never wrong: an offered string only stands for equal ones. Thread-safe.
   */
  void offerTrialStrings(String nctId, Collection<String> strings) {
    if (users == 1) {
      return;
    }
    String[] sorted = strings.toArray(new String[0]);
    Arrays.sort(sorted);
    synchronized (trials) {
      if (take(nctId) == null) {
        trials.put(nctId, new Offer(sorted, users - 1));
      }
    }
  }

  /**
   * The trial's waiting offer, now taken by one more index (kept for the others still to take it);
   * null when none is waiting. Called holding the lock on {@link #trials}.
   */
  private Offer take(String nctId) {
    Offer held = trials.remove(nctId);
    if (held != null && held.waiting > 1) {
      trials.put(nctId, new Offer(held.strings, held.waiting - 1));
    }
    return held;
  }

  /** The instance equal to {@code s} among taken strings ({@link #takeTrialStrings}), else s. */
  static String shared(String[] taken, String s) {
    if (taken == null) {
      return s;
    }
    int at = Arrays.binarySearch(taken, s);
    return at >= 0 ? taken[at] : s;
  }

  /** How many trials' strings are waiting for another index (for tests). */
  int waiting() {
    synchronized (trials) {
      return trials.size();
    }
  }
}
