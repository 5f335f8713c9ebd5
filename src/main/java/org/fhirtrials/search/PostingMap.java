package org.fhirtrials.search;

import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * Exact keys to the documents holding them (the posting lists of a parameter), in open addressing:
 * parallel arrays of keys, lone ordinals and posting lists, with no entry object per key. Most keys
 * of a large index are held by one document (an address, a reference to one trial's resource), so
 * such a key costs its slot and an {@code int}; a {@link Postings} is made when a second document
 * holds it. A {@code HashMap} of boxed ordinals took about 50 bytes a key more. Linear probing;
 * removal shifts the entries after it back (no tombstones). Not thread-safe.
 */
final class PostingMap {
  /** Slots are at most this full. */
  private static final double LOAD = 0.7;

  private String[] keys = new String[16];

  /** The one document of a key held by one (when {@link #lists} has none). */
  private int[] one = new int[16];

  private Postings[] lists = new Postings[16];
  private int size;

  /** Adds a document to a key's posting list. */
  void add(String key, int ordinal) {
    int i = find(key);
    if (i < 0) {
      if (size + 1 > keys.length * LOAD) {
        resize(keys.length * 2);
      }
      i = emptySlot(key);
      keys[i] = key;
      one[i] = ordinal;
      size++;
    } else if (lists[i] != null) {
      lists[i].add(ordinal);
    } else if (one[i] != ordinal) {
      Postings p = new Postings();
      p.add(Math.min(one[i], ordinal));
      p.add(Math.max(one[i], ordinal));
      lists[i] = p;
    }
  }

  /** Removes a document from a key's posting list, and the key when no document is left. */
  void remove(String key, int ordinal) {
    int i = find(key);
    if (i < 0) {
      return;
    }
    Postings p = lists[i];
    if (p == null) {
      if (one[i] == ordinal) {
        delete(i);
      }
      return;
    }
    p.remove(ordinal);
    if (p.size() == 1) {
      one[i] = p.toArray()[0];
      lists[i] = null;
    } else if (p.size() == 0) {
      delete(i);
    }
  }

  /** The documents holding the key, ascending (a new array; empty when none). */
  int[] get(String key) {
    int i = find(key);
    if (i < 0) {
      return Postings.EMPTY;
    }
    return lists[i] != null ? lists[i].toArray() : new int[] {one[i]};
  }

  /** How many documents hold the key. */
  int count(String key) {
    int i = find(key);
    return i < 0 ? 0 : lists[i] != null ? lists[i].size() : 1;
  }

  /** Whether the document holds the key. */
  boolean contains(String key, int ordinal) {
    int i = find(key);
    return i >= 0 && (lists[i] != null ? lists[i].contains(ordinal) : one[i] == ordinal);
  }

  /** How many keys are held. */
  int size() {
    return size;
  }

  /** Each key with its documents, in no particular order. */
  void forEach(BiConsumer<String, int[]> action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null) {
        action.accept(keys[i], lists[i] != null ? lists[i].toArray() : new int[] {one[i]});
      }
    }
  }

  /** Removes a document from every key (a scan: for recovery only). */
  void removeEverywhere(int ordinal) {
    java.util.List<String> holding = new java.util.ArrayList<>();
    forEach(
        (k, docs) -> {
          if (Arrays.binarySearch(docs, ordinal) >= 0) {
            holding.add(k);
          }
        });
    holding.forEach(k -> remove(k, ordinal));
  }

  /** Gives back the spare capacity of the posting lists. */
  void trim() {
    for (Postings p : lists) {
      if (p != null) {
        p.trim();
      }
    }
  }

  private int find(String key) {
    int mask = keys.length - 1;
    for (int i = home(key, mask); ; i = (i + 1) & mask) {
      String k = keys[i];
      if (k == null) {
        return -1;
      }
      if (k.equals(key)) {
        return i;
      }
    }
  }

  private int emptySlot(String key) {
    int mask = keys.length - 1;
    int i = home(key, mask);
    while (keys[i] != null) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private static int home(String key, int mask) {
    int h = key.hashCode() * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }

  /**
   * Empties slot {@code i}, moving back each later entry of the run that may no longer be found.
   */
  private void delete(int i) {
    int mask = keys.length - 1;
    int gap = i;
    for (int j = (i + 1) & mask; keys[j] != null; j = (j + 1) & mask) {
      int home = home(keys[j], mask);
      // the entry at j may fill the gap unless its home lies cyclically in (gap, j]
      boolean homeAfterGap = gap <= j ? home > gap && home <= j : home > gap || home <= j;
      if (!homeAfterGap) {
        keys[gap] = keys[j];
        one[gap] = one[j];
        lists[gap] = lists[j];
        gap = j;
      }
    }
    keys[gap] = null;
    lists[gap] = null;
    size--;
  }

  private void resize(int capacity) {
    String[] oldKeys = keys;
    int[] oldOne = one;
    Postings[] oldLists = lists;
    keys = new String[capacity];
    one = new int[capacity];
    lists = new Postings[capacity];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int j = emptySlot(oldKeys[i]);
        keys[j] = oldKeys[i];
        one[j] = oldOne[i];
        lists[j] = oldLists[i];
      }
    }
  }
}
