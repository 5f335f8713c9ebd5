package org.fhirtrials.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Date ranges, prefixes, value splitting and folding that every search relies on. */
class SearchPrimitivesTest {
  @Test
  void partialDatesCoverTheirWholePeriod() {
    DateRange year = DateRange.parse("2024");
    DateRange march = DateRange.parse("2024-03");
    assertThat(year.low()).isEqualTo(DateRange.parse("2024-01-01").low());
    assertThat(year.high()).isEqualTo(DateRange.parse("2024-12-31").high());
    assertThat(march.low()).isGreaterThan(year.low());
    assertThat(march.high()).isLessThan(year.high());
    assertThat(DateRange.parse("yesterday")).isNull();
  }

  @Test
  void calendarDatesReadFastAsThePatternsReadThem() {
    List<String> samples =
        new java.util.ArrayList<>(
            List.of(
                "2024",
                "2024-02",
                "2024-02-29",
                "2023-02-29",
                "2024-13",
                "2024-00",
                "2024-04-31",
                "2024-4",
                "0000",
                "9999-12-31",
                "202４",
                "2024-03-15T10:00",
                "2024-03-15T10:00:00Z",
                "2024/03",
                "+2024",
                "2024-03-1x"));
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 5_000; i++) {
      samples.add(
          String.format(
              java.util.Locale.ROOT,
              random.nextBoolean() ? "%04d-%02d-%02d" : "%04d-%02d",
              random.nextInt(3000),
              random.nextInt(15),
              random.nextInt(33)));
    }
    for (String s : samples) {
      assertThat(DateRange.parse(s)).as(s).isEqualTo(DateRange.parseSlowly(s));
    }
  }

  @Test
  void prefixesFollowTheRangeSemantics() {
    DateRange y2024 = DateRange.parse("2024");
    DateRange march = DateRange.parse("2024-03");
    assertThat(Prefix.EQ.matches(march.low(), march.high(), y2024.low(), y2024.high(), 0)).isTrue();
    assertThat(Prefix.SA.matches(march.low(), march.high(), y2024.low(), y2024.high(), 0))
        .isFalse();
    assertThat(Prefix.EB.matches(y2024.low(), y2024.high(), march.low(), march.high(), 0))
        .isFalse();
    assertThat(Prefix.of("ge2024")).isEqualTo(Prefix.GE);
    assertThat(Prefix.of("2024")).isEqualTo(Prefix.EQ);
    assertThat(Prefix.of("xx2024")).isNull();
    assertThat(Prefix.AP.matches(95, 95, 100, 100, 10)).isTrue();
    assertThat(Prefix.AP.matches(80, 80, 100, 100, 10)).isFalse();
  }

  @Test
  void commasAndBarsSplitUnlessEscaped() {
    assertThat(Values.splitOr("a,b\\,c")).containsExactly("a", "b,c");
    assertThat(Values.splitBar("http://x|1|2", 2)).containsExactly("http://x", "1|2");
  }

  @Test
  void foldingIgnoresCaseAccentsAndPunctuation() {
    assertThat(Text.fold("  Sorafénib  Trial ")).isEqualTo("sorafenib trial");
    assertThat(Text.words("Non-small-cell (NSCLC)"))
        .containsExactly("non", "small", "cell", "nsclc");
  }

  @Test
  void foldingTakesTheAsciiShortcutOnlyWhereItGivesTheSameResult() {
    java.util.List<String> samples =
        new java.util.ArrayList<>(
            java.util.List.of(
                "",
                " ",
                "  Lung  Cancer ",
                "Hépatite B",
                "Non-Small Cell Lung Cancer",
                "tab\there",
                "line\nbreak",
                "ÅNGSTRÖM",
                "İstanbul",
                "ﬁnal ligature",
                "x\u00a0y",
                "Q-T interval > 450 ms",
                "Ⅻ roman"));
    java.util.Random random = new java.util.Random(42);
    String alphabet = "aZ 09-é\t\n.Ü_'²";
    for (int i = 0; i < 2_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int j = random.nextInt(12); j > 0; j--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      samples.add(b.toString());
    }
    for (String s : samples) {
      assertThat(Text.fold(s)).as("fold(%s)", s).isEqualTo(Text.foldSlowly(s));
      assertThat(Text.words(s)).as("words(%s)", s).isEqualTo(Text.wordsSlowly(Text.foldSlowly(s)));
    }
  }

  @Test
  void postingsStaySortedThroughAddsAndRemoves() {
    Postings p = new Postings();
    p.add(5);
    p.add(1);
    p.add(3);
    p.add(3);
    p.remove(1);
    assertThat(p.toArray()).containsExactly(3, 5);
    p.add(7);
    p.add(7);
    p.add(4);
    assertThat(p.toArray()).containsExactly(3, 4, 5, 7);
    assertThat(Postings.and(new int[] {1, 3, 5}, new int[] {3, 4, 5})).containsExactly(3, 5);
    assertThat(Postings.andNot(new int[] {1, 3, 5}, new int[] {3})).containsExactly(1, 5);
    assertThat(Postings.or(List.of(new int[] {1, 4, 9}, new int[0], new int[] {2, 4, 10})))
        .containsExactly(1, 2, 4, 9, 10);
    assertThat(Postings.or(List.of(new int[0], new int[] {7}))).containsExactly(7);
    assertThat(Postings.or(List.of())).isEmpty();
    assertThat(
            Postings.andAll(
                List.of(new int[] {1, 2, 3, 4, 9}, new int[] {2, 4, 9}, new int[] {0, 4, 9, 12})))
        .containsExactly(4, 9);
    assertThat(Postings.andAll(List.of(new int[] {1, 2}, new int[0]))).isEmpty();
    java.util.Random random = new java.util.Random(5);
    for (int round = 0; round < 100; round++) {
      // small unions are sorted, large ones go through a bitset: both give the sorted union
      int bound = round % 2 == 0 ? 1_000_000 : 2_000;
      List<int[]> sets = new java.util.ArrayList<>();
      java.util.TreeSet<Integer> expected = new java.util.TreeSet<>();
      for (int k = 0; k < 1 + random.nextInt(6); k++) {
        int[] set = random.ints(random.nextInt(500), 0, bound).sorted().distinct().toArray();
        sets.add(set);
        java.util.Arrays.stream(set).forEach(expected::add);
      }
      assertThat(Postings.or(sets))
          .containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
    }
  }

  @Test
  void aSmallSetIntersectsALargeOneAsAMergeWould() {
    java.util.Random random = new java.util.Random(3);
    for (int round = 0; round < 200; round++) {
      int[] large = random.ints(5_000, 0, 20_000).sorted().distinct().toArray();
      int[] small = random.ints(1 + random.nextInt(40), 0, 20_000).sorted().distinct().toArray();
      int[] expected =
          java.util.Arrays.stream(small)
              .filter(x -> java.util.Arrays.binarySearch(large, x) >= 0)
              .toArray();
      assertThat(Postings.and(small, large)).containsExactly(expected);
      assertThat(Postings.and(large, small)).containsExactly(expected);
    }
  }

  @Test
  void setsOfEverySizeAndDensityIntersectAsAMergeWould() {
    java.util.Random random = new java.util.Random(5);
    for (int round = 0; round < 300; round++) {
      // dense large sets (a frequent status) are intersected through a bitset
      int bound = 1 + random.nextInt(round % 3 == 0 ? 200_000 : 30_000);
      int[] a = random.ints(random.nextInt(20_000), 0, bound).sorted().distinct().toArray();
      int[] b = random.ints(random.nextInt(20_000), 0, bound).sorted().distinct().toArray();
      java.util.Set<Integer> inB = new java.util.HashSet<>();
      java.util.Arrays.stream(b).forEach(inB::add);
      int[] expected = java.util.Arrays.stream(a).filter(inB::contains).toArray();
      assertThat(Postings.and(a, b)).containsExactly(expected);
      assertThat(Postings.and(b, a)).containsExactly(expected);
    }
  }

  @Test
  void aDocumentIsAsNearAsItsNearestPoint() {
    // by ordinal, and in a table (a type far larger than what a search can find)
    for (OrdinalDistances d :
        List.of(new OrdinalDistances(400, 100), new OrdinalDistances(1_000_000, 3))) {
      d.mergeMin(2, 3.0);
      d.mergeMin(9, 12.5);
      d.mergeMin(9, 7.25);
      d.mergeMin(9, 8.0);
      assertThat(d.ordinals()).containsExactly(2, 9);
      assertThat(d.get(9, -1)).isEqualTo(7.25);
      assertThat(d.get(4, -1)).isEqualTo(-1);
      OrdinalDistances other = new OrdinalDistances(100, 100);
      other.mergeMin(2, 1.5);
      other.mergeMin(30, 40.0);
      d.mergeMin(other);
      for (int o = 100; o < 400; o += 3) {
        d.mergeMin(o, o);
      }
      assertThat(d.ordinals()).hasSize(103).startsWith(2, 9, 30, 100, 103);
      assertThat(d.get(2, -1)).isEqualTo(1.5);
      assertThat(d.get(30, -1)).isEqualTo(40.0);
      assertThat(d.get(397, -1)).isEqualTo(397.0);
      assertThat(d.get(398, -1)).isEqualTo(-1);
    }
  }

  @Test
  void theNearCircleKeepsExactlyThePointsTheDistanceKeeps() {
    java.util.Random random = new java.util.Random(7);
    int inside = 0;
    for (int i = 0; i < 200_000; i++) {
      double lat = random.nextDouble() * 170 - 85;
      double lon = random.nextDouble() * 360 - 180;
      double km = i % 3 == 0 ? random.nextDouble() * 30_000 : random.nextDouble() * 300;
      double pointLat = Math.max(-90, Math.min(90, lat + random.nextGaussian() * km / 111));
      double pointLon = lon + random.nextGaussian() * km / 111;
      double exact = QueryEngine.haversine(lat, lon, pointLat, pointLon);
      // every tenth point on the edge itself: the radius is its distance
      double radius = i % 10 == 0 ? exact : km;
      double d = new QueryEngine.Circle(lat, lon, radius).distanceWithin(pointLat, pointLon);
      if (exact <= radius) {
        inside++;
        assertThat(d).as("point %d", i).isEqualTo(exact);
      } else {
        assertThat(d).as("point %d", i).isEqualTo(-1);
      }
    }
    assertThat(inside).isGreaterThan(40_000);
  }

  @Test
  void pagesReadFromSelectedHitsEqualThePagesOfAFullSort() {
    java.util.Random random = new java.util.Random(11);
    for (int n : new int[] {0, 1, 7, 100, 5_000}) {
      String[] ids = new String[n];
      long[] keys = new long[n];
      for (int i = 0; i < n; i++) {
        ids[i] = "id-" + i;
        keys[i] = ((long) random.nextInt(50) << 32) | i; // many equal distances, unique keys
      }
      long[] sorted = keys.clone();
      java.util.Arrays.sort(sorted);
      java.util.List<String> expected =
          java.util.Arrays.stream(sorted).mapToObj(k -> ids[(int) k]).toList();
      OrderedHits hits = OrderedHits.byKey(keys.clone(), k -> (int) k, ids, new OrdinalDistances());
      assertThat(hits.total()).isEqualTo(n);
      assertThat(hits.ids(0, 20)).isEqualTo(expected.subList(0, Math.min(n, 20)));
      assertThat(hits.ids(20, 40)).isEqualTo(expected.subList(Math.min(n, 20), Math.min(n, 40)));
      assertThat(hits.ids(n - 3, n + 5)).isEqualTo(expected.subList(Math.max(0, n - 3), n));
      assertThat(hits.all().ids()).isEqualTo(expected);
    }
  }
}
