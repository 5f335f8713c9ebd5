package org.fhirtrials.synth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhrasingTest {
  private static final String TEMPLATE = "ANC {>=} 1.5 {x} 10^9/L and bilirubin {<} 2 mg/dL";

  @Test
  void rendersUnicodeComparators() {
    assertThat(new Phrasing(Phrasing.Style.UNICODE, true, "×").render(TEMPLATE))
        .isEqualTo("ANC ≥ 1.5 × 10^9/L and bilirubin < 2 mg/dL");
  }

  @Test
  void escapesComparatorsAsTheRegistryMarkdownDoes() {
    assertThat(new Phrasing(Phrasing.Style.ESCAPED, true, "x").render(TEMPLATE))
        .isEqualTo("ANC \\>= 1.5 x 10^9/L and bilirubin \\< 2 mg/dL");
  }

  @Test
  void dropsTheSpaceAfterTheSignWhenUnspaced() {
    assertThat(new Phrasing(Phrasing.Style.ASCII, false, "x").render(TEMPLATE))
        .isEqualTo("ANC >=1.5 x 10^9/L and bilirubin <2 mg/dL");
  }

  @Test
  void leavesTextWithoutTokensAlone() {
    assertThat(new Phrasing(Phrasing.Style.ESCAPED, false, "x").render("Child-Pugh class A"))
        .isEqualTo("Child-Pugh class A");
  }
}
