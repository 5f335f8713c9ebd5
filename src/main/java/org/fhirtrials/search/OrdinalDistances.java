package org.fhirtrials.search;

import java.util.Arrays;

/**
 * The distance of each document found by {@code near}, by ordinal, in primitive arrays: no boxing,
 * so a search that finds thousands of documents around a city costs a few array writes per point. A
 * document's distance is the least one merged for it. Values are held by ordinal in an array as
 * long as the type (every ordinal) when many of its documents may be found, else in an
 * open-addressing table sized to what is found (a {@code Location} search at registry scale must
 * not allocate an array per Location). Not thread-safe (one per search).
 */
final class OrdinalDistances {
  private static final int FREE = -1;

  /** By ordinal (dense), or null when {@link #slots} is used. */
  private final double[] byOrdinal;

  private final boolean[] present;

  /** Open addressing (sparse): the ordinal in each slot, or {@link #FREE}, and its distance. */
  private int[] slots;

  private double[] slotKm;

  /** The ordinals held, in the order they came. */
  private int[] ordinals = new int[16];

  private int size;

  /** For a search that will not hold any distance. */
  OrdinalDistances() {
    this(0, 0);
  }

  /**
   * @param capacity every ordinal merged is below this (the type's {@link TypeIndex#size()})
   * @param expected at most about this many ordinals will be held
   */
  OrdinalDistances(int capacity, int expected) {
    if (capacity <= 16L * Math.max(1, expected)) {
      byOrdinal = new double[capacity];
      present = new boolean[capacity];
    } else {
      byOrdinal = null;
      present = null;
      slots = new int[Integer.highestOneBit(Math.max(8, expected)) << 2];
      slotKm = new double[slots.length];
      Arrays.fill(slots, FREE);
    }
  }

  /** Records {@code km} for {@code ordinal}, keeping the smaller distance if it has one. */
  void mergeMin(int ordinal, double km) {
    if (byOrdinal != null) {
      if (!present[ordinal]) {
        present[ordinal] = true;
        byOrdinal[ordinal] = km;
        held(ordinal);
      } else if (km < byOrdinal[ordinal]) {
        byOrdinal[ordinal] = km;
      }
      return;
    }
    int slot = slot(ordinal);
    if (slots[slot] == ordinal) {
      slotKm[slot] = Math.min(slotKm[slot], km);
      return;
    }
    slots[slot] = ordinal;
    slotKm[slot] = km;
    held(ordinal);
    if (size * 2 > slots.length) {
      rehash();
    }
  }

  /** Merges every distance of {@code other} into this one. */
  void mergeMin(OrdinalDistances other) {
    for (int i = 0; i < other.size; i++) {
      int ordinal = other.ordinals[i];
      mergeMin(ordinal, other.get(ordinal, Double.NaN));
    }
  }

  /** The distance of {@code ordinal}, or {@code otherwise} when it has none. */
  double get(int ordinal, double otherwise) {
    if (byOrdinal != null) {
      return ordinal < byOrdinal.length && present[ordinal] ? byOrdinal[ordinal] : otherwise;
    }
    int slot = slot(ordinal);
    return slots[slot] == ordinal ? slotKm[slot] : otherwise;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The ordinals that have a distance, ascending. */
  int[] ordinals() {
    int[] out = Arrays.copyOf(ordinals, size);
    Arrays.sort(out);
    return out;
  }

  private void held(int ordinal) {
    if (size == ordinals.length) {
      ordinals = Arrays.copyOf(ordinals, size * 2);
    }
    ordinals[size++] = ordinal;
  }

  /** The slot of {@code ordinal}, or the free slot where it goes (Fibonacci hashing, probing). */
  private int slot(int ordinal) {
    int shift = Integer.numberOfLeadingZeros(slots.length - 1);
    int slot = (ordinal * 0x9E3779B9) >>> shift;
    while (slots[slot] != FREE && slots[slot] != ordinal) {
      slot = (slot + 1) & (slots.length - 1);
    }
    return slot;
  }

  private void rehash() {
    int[] oldSlots = slots;
    double[] oldKm = slotKm;
    slots = new int[oldSlots.length * 2];
    slotKm = new double[slots.length];
    Arrays.fill(slots, FREE);
    for (int i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] != FREE) {
        int slot = slot(oldSlots[i]);
        slots[slot] = oldSlots[i];
        slotKm[slot] = oldKm[i];
      }
    }
  }
}
