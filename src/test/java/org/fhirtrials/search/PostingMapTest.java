package org.fhirtrials.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PostingMapTest {
  @Test
  void holdsWhatAReferenceMapHoldsThroughAddsAndRemoves() {
    Random random = new Random(42);
    for (int round = 0; round < 20; round++) {
      PostingMap map = new PostingMap();
      Map<String, TreeSet<Integer>> reference = new TreeMap<>();
      // few distinct keys in some rounds (long posting lists), many in others (lone ordinals);
      // keys that collide in their hash make long probe runs, which removal must keep findable
      int keySpace = round % 2 == 0 ? 40 : 5_000;
      for (int op = 0; op < 20_000; op++) {
        String key =
            random.nextInt(4) == 0 ? collide(random.nextInt(30)) : "k" + random.nextInt(keySpace);
        int ordinal = random.nextInt(500);
        if (random.nextInt(3) == 0) {
          map.remove(key, ordinal);
          TreeSet<Integer> docs = reference.get(key);
          if (docs != null && docs.remove(ordinal) && docs.isEmpty()) {
            reference.remove(key);
          }
        } else {
          map.add(key, ordinal);
          reference.computeIfAbsent(key, k -> new TreeSet<>()).add(ordinal);
        }
        if (op % 997 == 0) {
          map.trim();
        }
      }
      assertThat(map.size()).isEqualTo(reference.size());
      Map<String, TreeSet<Integer>> held = new TreeMap<>();
      map.forEach((k, docs) -> held.put(k, toSet(docs)));
      assertThat(held).isEqualTo(reference);
      for (var e : reference.entrySet()) {
        assertThat(map.get(e.getKey())).isSorted();
        assertThat(toSet(map.get(e.getKey()))).isEqualTo(e.getValue());
        assertThat(map.count(e.getKey())).isEqualTo(e.getValue().size());
        assertThat(map.contains(e.getKey(), e.getValue().first())).isTrue();
      }
      assertThat(map.get("absent")).isEmpty();
      assertThat(map.contains("absent", 1)).isFalse();
    }
  }

  @Test
  void removingADocumentEverywhereLeavesTheOthers() {
    PostingMap map = new PostingMap();
    map.add("a", 1);
    map.add("a", 2);
    map.add("b", 2);
    map.add("c", 3);
    map.removeEverywhere(2);
    assertThat(map.get("a")).containsExactly(1);
    assertThat(map.get("b")).isEmpty();
    assertThat(map.get("c")).containsExactly(3);
    assertThat(map.size()).isEqualTo(2);
  }

  /** Strings of one hash code ("Aa" and "BB" hash alike), so they share a home slot. */
  private static String collide(int n) {
    StringBuilder s = new StringBuilder();
    for (int bit = 0; bit < 5; bit++) {
      s.append((n >> bit & 1) == 0 ? "Aa" : "BB");
    }
    return s.toString();
  }

  private static TreeSet<Integer> toSet(int[] docs) {
    TreeSet<Integer> out = new TreeSet<>();
    for (int d : docs) {
      out.add(d);
    }
    return out;
  }
}
