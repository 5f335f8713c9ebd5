package org.fhirtrials.search;

import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * Exact keys to the documents holding them (the posting lists of a parameter), in open addressing:
 * parallel arrays of keys and of their documents, with no entry object per key. Most keys of a
 * large index are held by one document (an address, a reference to one trial's resource), so such a
 * key costs its slot and an {@code int}: the document's ordinal. A key that a second document holds
 * gets a {@link Postings} in a separate, dense array, and its {@code int} then tells where ({@code
 * -1 - position}); a third array beside the keys, null in most slots, took 65 MB at 100k trials. A
 * {@code HashMap} of boxed ordinals took about 50 bytes a key more. Linear probing; removal shifts
 * the entries after it back (no tombstones). Not thread-safe.
 */
final class PostingMap {
  /** Slots are at most this full. */
  private static final double LOAD = 0.7;

  private String[] keys = new String[16];

  /**
   * Per slot: the one document of a key held by one (an ordinal, {@code >= 0}), or {@code -1 -
   * position} of the key's list in {@link #lists}.
   */
  private int[] docs = new int[16];

  /** The lists of the keys held by several documents; null entries are free. */
  private Postings[] lists = new Postings[0];

  /** How many entries of {@link #lists} are in use (the free ones are found by a scan). */
  private int listCount;

  /** Where the scan for a free entry of {@link #lists} starts. */
  private int nextFree;

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
      docs[i] = ordinal;
      size++;
    } else if (docs[i] < 0) {
      lists[-1 - docs[i]].add(ordinal);
    } else if (docs[i] != ordinal) {
      Postings p = new Postings();
      p.add(Math.min(docs[i], ordinal));
      p.add(Math.max(docs[i], ordinal));
      docs[i] = -1 - newList(p);
    }
  }

  /** Removes a document from a key's posting list, and the key when no document is left. */
  void remove(String key, int ordinal) {
    int i = find(key);
    if (i < 0) {
      return;
    }
    if (docs[i] >= 0) {
      if (docs[i] == ordinal) {
        delete(i);
      }
      return;
    }
    int at = -1 - docs[i];
    Postings p = lists[at];
    p.remove(ordinal);
    if (p.size() == 1) {
      docs[i] = p.first();
      freeList(at);
    } else if (p.size() == 0) {
      freeList(at);
      delete(i);
    }
  }

  /** The documents holding the key, ascending (a new array; empty when none). */
  int[] get(String key) {
    int i = find(key);
    return i < 0 ? Postings.EMPTY : docsAt(i);
  }

  /**
   * The documents holding the key as a posting map value ({@link Postings.Union#add}): a {@link
   * Postings}, a boxed ordinal, or null when none; not to be changed.
   */
  Object posting(String key) {
    int i = find(key);
    return i < 0 ? null : docs[i] < 0 ? lists[-1 - docs[i]] : Integer.valueOf(docs[i]);
  }

  /** How many documents hold the key. */
  int count(String key) {
    int i = find(key);
    return i < 0 ? 0 : docs[i] < 0 ? lists[-1 - docs[i]].size() : 1;
  }

  /** Whether the document holds the key. */
  boolean contains(String key, int ordinal) {
    int i = find(key);
    return i >= 0 && (docs[i] < 0 ? lists[-1 - docs[i]].contains(ordinal) : docs[i] == ordinal);
  }

  /** How many keys are held. */
  int size() {
    return size;
  }

  /** Each key with its documents, in no particular order. */
  void forEach(BiConsumer<String, int[]> action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null) {
        action.accept(keys[i], docsAt(i));
      }
    }
  }

  /** Removes a document from every key (a scan: for recovery only). */
  void removeEverywhere(int ordinal) {
    java.util.List<String> holding = new java.util.ArrayList<>();
    forEach(
        (k, held) -> {
          if (Arrays.binarySearch(held, ordinal) >= 0) {
            holding.add(k);
          }
        });
    holding.forEach(k -> remove(k, ordinal));
  }

  /** Gives back the spare capacity of the posting lists and of the array holding them. */
  void trim() {
    for (Postings p : lists) {
      if (p != null) {
        p.trim();
      }
    }
    int used = lists.length;
    while (used > 0 && lists[used - 1] == null) {
      used--;
    }
    if (used < lists.length) {
      lists = Arrays.copyOf(lists, used);
      nextFree = Math.min(nextFree, used);
    }
  }

  private int[] docsAt(int slot) {
    int d = docs[slot];
    return d < 0 ? lists[-1 - d].toArray() : new int[] {d};
  }

  /** Puts a list in a free entry of {@link #lists}, growing it when none is; returns where. */
  private int newList(Postings p) {
    if (listCount == lists.length) {
      nextFree = lists.length;
      lists = Arrays.copyOf(lists, Math.max(4, lists.length + (lists.length >> 1)));
    }
    if (nextFree >= lists.length) {
      nextFree = 0;
    }
    while (lists[nextFree] != null) {
      nextFree = nextFree + 1 == lists.length ? 0 : nextFree + 1;
    }
    lists[nextFree] = p;
    listCount++;
    return nextFree;
  }

  private void freeList(int at) {
    lists[at] = null;
    listCount--;
    nextFree = Math.min(nextFree, at);
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
        docs[gap] = docs[j];
        gap = j;
      }
    }
    keys[gap] = null;
    size--;
  }

  private void resize(int capacity) {
    String[] oldKeys = keys;
    int[] oldDocs = docs;
    keys = new String[capacity];
    docs = new int[capacity];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int j = emptySlot(oldKeys[i]);
        keys[j] = oldKeys[i];
        docs[j] = oldDocs[i];
      }
    }
  }
}
