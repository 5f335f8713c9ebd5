package org.fhirtrials.search;

import static org.assertj.core.api.Assertions.assertThat;

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
    String alphabet = "aZ 09-é\t\n.Ü ";
    for (int i = 0; i < 2_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int j = random.nextInt(12); j > 0; j--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      samples.add(b.toString());
    }
    for (String s : samples) {
      assertThat(Text.fold(s)).as("fold(%s)", s).isEqualTo(Text.foldSlowly(s));
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
    assertThat(Postings.and(new int[] {1, 3, 5}, new int[] {3, 4, 5})).containsExactly(3, 5);
    assertThat(Postings.andNot(new int[] {1, 3, 5}, new int[] {3})).containsExactly(1, 5);
  }
}
