package org.fhirtrials.eligibility.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fhirtrials.ingest.TrialReader;
import org.fhirtrials.model.Criterion;
import org.fhirtrials.model.Trial;
import org.fhirtrials.synth.SyntheticRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared extraction memo answers exactly what a fresh extraction gives, id included. */
class CriterionMemoTest {
  private final CriterionExtractor extractor = new CriterionExtractor();

  @Test
  void memoisedExtractionEqualsAFreshOneForSeedAndSyntheticCriteria(@TempDir Path dir)
      throws Exception {
    List<Trial> trials = new ArrayList<>();
    new TrialReader().readSeeds(trials::add);
    new SyntheticRegistry(11).generate(200, dir, 200, written -> {});
    new TrialReader().read(List.of(dir), trials::add);
    int criteria = 0;
    for (int pass = 0; pass < 2; pass++) { // the second pass answers from the memo
      for (Trial t : trials) {
        for (Criterion c : t.eligibility().criteria()) {
          assertThat(extractor.extract(c)).as(c.id()).isEqualTo(extractor.extractFresh(c));
          criteria++;
        }
      }
    }
    assertThat(criteria).isGreaterThan(2_000);
  }

  @Test
  void sameWordingUnderAnotherIdOrRoleIsNotConfused() {
    Criterion inclusion = new Criterion("inc-1", false, "Pregnant or breastfeeding", null, false);
    Criterion exclusion = new Criterion("exc-4", true, "Pregnant or breastfeeding", null, false);
    Criterion other = new Criterion("inc-9", false, "Pregnant or breastfeeding", null, false);
    assertThat(extractor.extract(inclusion).criterion()).isEqualTo(inclusion);
    assertThat(extractor.extract(other).criterion()).isEqualTo(other);
    assertThat(extractor.extract(exclusion)).isEqualTo(extractor.extractFresh(exclusion));
    assertThat(extractor.extract(inclusion)).isEqualTo(extractor.extractFresh(inclusion));
  }
}
