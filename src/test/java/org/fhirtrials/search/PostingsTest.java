package org.fhirtrials.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A posting list answers as a sorted set would, sparse or dense and through every change. */
class PostingsTest {
  @Test
  void answersAsASortedSetThroughAppendsInsertsRemovesAndTrims() {
    Random random = new Random(11);
    for (int run = 0; run < 200; run++) {
      Postings postings = new Postings();
      TreeSet<Integer> expected = new TreeSet<>();
      int range = 1 + random.nextInt(run % 2 == 0 ? 300 : 5_000);
      // a run adds mostly in ascending order (as a load does), then churns (as updates do)
      int next = 0;
      for (int op = 0; op < 3_000; op++) {
        int ordinal;
        int kind = random.nextInt(10);
        if (kind < 5) {
          next += random.nextInt(4);
          ordinal = next % range;
          postings.add(ordinal);
          expected.add(ordinal);
        } else if (kind < 7) {
          ordinal = random.nextInt(range);
          postings.add(ordinal);
          expected.add(ordinal);
        } else if (kind < 9) {
          ordinal = random.nextInt(range);
          postings.remove(ordinal);
          expected.remove(ordinal);
        } else {
          postings.trim();
        }
        if (op % 97 == 0) {
          assertSame(postings, expected, random.nextInt(range));
        }
      }
      // and empties it completely, then fills it again
      for (int ordinal : expected.toArray(new Integer[0])) {
        postings.remove(ordinal);
      }
      expected.clear();
      assertSame(postings, expected, 0);
      for (int ordinal = 0; ordinal < range; ordinal += 1 + random.nextInt(3)) {
        postings.add(ordinal);
        expected.add(ordinal);
      }
      assertSame(postings, expected, random.nextInt(range));
    }
  }

  @Test
  void aUnionOfBitsetsListsAndOrdinalsIsTheSortedUnion() {
    Random random = new Random(5);
    for (int run = 0; run < 100; run++) {
      Postings.Union union = new Postings.Union();
      TreeSet<Integer> expected = new TreeSet<>();
      int parts = random.nextInt(6);
      for (int part = 0; part < parts; part++) {
        int kind = random.nextInt(4);
        if (kind == 0) {
          int ordinal = random.nextInt(20_000);
          union.add(ordinal);
          expected.add(ordinal);
        } else if (kind == 1) {
          union.add(null);
        } else {
          // kind 2: sparse (an array); kind 3: dense over a range of its own (a bitset)
          Postings p = new Postings();
          int range = 64 + random.nextInt(20_000);
          int step = kind == 2 ? 100 + random.nextInt(300) : 1 + random.nextInt(3);
          for (int ordinal = random.nextInt(step); ordinal < range; ordinal += step) {
            p.add(ordinal);
            expected.add(ordinal);
          }
          union.add(p.size() == 0 ? null : p);
        }
      }
      int[] actual = union.toArray();
      assertThat(actual).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
    }
  }

  @Test
  void aValueMostDocumentsHaveStaysExactWhenLargeAndDense() {
    Postings everyOther = new Postings();
    for (int ordinal = 0; ordinal < 100_000; ordinal += 2) {
      everyOther.add(ordinal);
    }
    everyOther.add(250_001); // far beyond: the bitset grows
    everyOther.trim();
    assertThat(everyOther.size()).isEqualTo(50_001);
    assertThat(everyOther.contains(99_998)).isTrue();
    assertThat(everyOther.contains(99_999)).isFalse();
    assertThat(everyOther.contains(250_001)).isTrue();
    assertThat(everyOther.contains(1_000_000)).isFalse();
    assertThat(everyOther.first()).isZero();
    int[] all = everyOther.toArray();
    assertThat(all).hasSize(50_001).startsWith(0, 2, 4).endsWith(99_998, 250_001);
    everyOther.remove(250_001);
    everyOther.remove(0);
    assertThat(everyOther.first()).isEqualTo(2);
    assertThat(everyOther.toArray()).hasSize(49_999).endsWith(99_998);
  }

  private static void assertSame(Postings postings, TreeSet<Integer> expected, int probe) {
    assertThat(postings.toArray())
        .containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
    assertThat(postings.size()).isEqualTo(expected.size());
    assertThat(postings.contains(probe)).isEqualTo(expected.contains(probe));
    if (!expected.isEmpty()) {
      assertThat(postings.first()).isEqualTo(expected.first());
    }
  }
}
