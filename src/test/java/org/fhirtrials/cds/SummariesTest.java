package org.fhirtrials.cds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummariesTest {
  @Test
  void keepsShortSummariesAsTheyAre() {
    assertThat(Summaries.summary("Trial match", "NCT06178198", "Radiotherapy for HCC"))
        .isEqualTo("Trial match: NCT06178198 Radiotherapy for HCC");
  }

  @Test
  void cutsLongTitlesAtAWordWithAnEllipsisUnder140() {
    String title = "A Randomised Phase III Study of Something Very Long ".repeat(6);
    String s = Summaries.summary("Possible trial match", "NCT00000001", title);
    assertThat(s.length()).isLessThan(140);
    assertThat(s).startsWith("Possible trial match: NCT00000001 A Randomised").endsWith("…");
    assertThat(s).doesNotContain(" …");
  }

  @Test
  void neverSplitsASurrogatePair() {
    String text = "x".repeat(136) + "😀😀😀";
    String cut = Summaries.truncate(text, 139);
    assertThat(cut.length()).isLessThanOrEqualTo(139);
    assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
  }

  @Test
  void escapesMarkdownInRegistryText() {
    assertThat(CriteriaMarkdown.escape("ANC ≥ 1.5 *10^9/L [see <b>] & _x_"))
        .isEqualTo("ANC ≥ 1.5 \\*10^9/L \\[see &lt;b>\\] &amp; \\_x\\_");
  }
}
