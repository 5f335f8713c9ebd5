package org.fhirtrials.synth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionCatalogTest {
  private static ConditionProfile profile(String key) {
    return ConditionCatalog.all().stream()
        .filter(p -> p.key().equals(key))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void everyProfileCanProduceATrial() {
    assertThat(ConditionCatalog.all()).hasSizeGreaterThan(30);
    for (ConditionProfile p : ConditionCatalog.all()) {
      assertThat(p.labels()).as(p.key()).isNotEmpty();
      assertThat(p.inclusions()).as(p.key()).isNotEmpty();
      assertThat(p.exclusions()).as(p.key()).isNotEmpty();
      assertThat(p.agents()).as(p.key()).isNotEmpty();
      assertThat(p.sex()).as(p.key()).isIn("ALL", "FEMALE", "MALE");
      p.meshes().forEach(m -> assertThat(m.id()).as(p.key()).matches("D\\d{6}|D\\d{9}"));
    }
  }

  @Test
  void hepatocellularCarcinomaCarriesChildPughAndItsVerifiedMeshTerm() {
    ConditionProfile hcc = profile("hcc");

    assertThat(hcc.meshes())
        .extracting(m -> m.id() + " " + m.term())
        .contains("D006528 Carcinoma, Hepatocellular");
    assertThat(hcc.inclusions())
        .anyMatch(slot -> slot.stream().allMatch(t -> t.contains("Child-Pugh")));
  }

  @Test
  void proseKeepsAcronymsAndEponymsButLowersOrdinaryWords() {
    assertThat(profile("hiv").inProse()).isEqualTo("HIV");
    assertThat(profile("nsclc").inProse()).isEqualTo("non-small cell lung cancer");
    assertThat(profile("alzheimer").inProse()).isEqualTo("Alzheimer disease");
    assertThat(profile("hbv").inProse()).isEqualTo("chronic hepatitis B");
  }
}
