package org.fhirtrials.match;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.fhirtrials.eligibility.evaluate.EligibilityEvaluator;
import org.fhirtrials.ingest.TrialReader;
import org.fhirtrials.model.Phase;
import org.fhirtrials.patient.PatientFacts;
import org.fhirtrials.patient.PatientFactsReader;
import org.fhirtrials.store.InMemoryTrialStore;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ranking over the five seed trials, the extra predicate, and compiling once per version. */
class TrialMatchServiceTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
  private final InMemoryTrialStore store = new InMemoryTrialStore();
  private final TrialMatchService service =
      new TrialMatchService(store, new EligibilityEvaluator());

  @BeforeEach
  void loadSeeds() {
    new TrialReader().readSeeds(store::save);
  }

  private static PatientFacts patient() {
    try (InputStream in =
        TrialMatchServiceTest.class.getResourceAsStream(
            "/patients/seeds/NCT06310590-ineligible-platelets.json")) {
      return new PatientFactsReader()
          .read(FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void ranksEveryTrialWithIneligibleLast() {
    List<TrialMatch> all = service.match(patient(), MatchFilter.ANY, AS_OF);
    assertThat(all).hasSize(store.size());
    assertThat(all.get(all.size() - 1).evaluation().verdict().name()).isEqualTo("INELIGIBLE");
    assertThat(all)
        .filteredOn(m -> m.trial().nctId().equals("NCT06310590"))
        .singleElement()
        .satisfies(m -> assertThat(m.evaluation().failures()).isNotEmpty());
  }

  @Test
  void predicateNarrowsTheCandidates() {
    List<TrialMatch> phase2 =
        service.match(
            patient(),
            MatchFilter.ANY,
            t -> t.design().phases().equals(List.of(Phase.PHASE2)),
            AS_OF);
    assertThat(phase2).isNotEmpty().hasSizeLessThan(store.size());
    assertThat(phase2)
        .allSatisfy(
            m -> assertThat(m.trial().trial().design().phases()).containsExactly(Phase.PHASE2));
  }

  @Test
  void compilesEachTrialOnce() {
    assertThat(service.compileAll()).isEqualTo(store.size());
    assertThat(service.compileAll()).isZero();
  }
}
