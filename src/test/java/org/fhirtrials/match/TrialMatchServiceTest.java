package org.fhirtrials.match;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.List;
import org.fhirtrials.eligibility.evaluate.EligibilityEvaluator;
import org.fhirtrials.eligibility.evaluate.Verdict;
import org.fhirtrials.ingest.TrialReader;
import org.fhirtrials.model.Eligibility;
import org.fhirtrials.model.Phase;
import org.fhirtrials.model.Trial;
import org.fhirtrials.patient.PatientFacts;
import org.fhirtrials.patient.PatientFactsReader;
import org.fhirtrials.store.ForwardingTrialStore;
import org.fhirtrials.store.InMemoryTrialStore;
import org.fhirtrials.store.StoredTrial;
import org.fhirtrials.store.TrialStore;
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

  @Test
  void aPageIsTheHeadOfTheFullRankingWithoutIneligibleTrials() {
    List<TrialMatch> all = service.match(patient(), MatchFilter.ANY, AS_OF);
    List<TrialMatch> possible =
        all.stream().filter(m -> m.evaluation().verdict() != Verdict.INELIGIBLE).toList();
    TrialMatchService.Page page =
        service.match(patient(), MatchFilter.ANY, t -> true, AS_OF, 1, false);
    assertThat(page.total()).isEqualTo(possible.size()).isGreaterThan(1);
    assertThat(page.matches()).isEqualTo(possible.subList(0, 1));
    TrialMatchService.Page withIneligible =
        service.match(patient(), MatchFilter.ANY, t -> true, AS_OF, 100, true);
    assertThat(withIneligible.total()).isEqualTo(store.size());
    assertThat(withIneligible.matches()).isEqualTo(all);
  }

  @Test
  void aNewVersionIsMatchedAsSoonAsItIsSaved() {
    TrialMatch before = only(service.match(patient(), MatchFilter.ANY, AS_OF), "NCT06310590");
    assertThat(before.evaluation().verdict()).isEqualTo(Verdict.INELIGIBLE);
    store.save(withoutCriteria(before.trial().trial()));
    TrialMatch after = only(service.match(patient(), MatchFilter.ANY, AS_OF), "NCT06310590");
    assertThat(after.trial().versionId()).isEqualTo(2);
    assertThat(after.evaluation().verdict()).isNotEqualTo(Verdict.INELIGIBLE);
  }

  @Test
  void aStoreThatCannotNotifyIsReReadOnlyWhenItsRevisionChanges() {
    CountingStore counting = new CountingStore(store);
    TrialMatchService polling = new TrialMatchService(counting, new EligibilityEvaluator());
    polling.match(patient(), MatchFilter.ANY, AS_OF);
    polling.match(patient(), MatchFilter.ANY, AS_OF);
    assertThat(counting.reads).isEqualTo(1);
    Trial changed = withoutCriteria(store.get("NCT06310590").orElseThrow().trial());
    counting.save(changed);
    TrialMatch after = only(polling.match(patient(), MatchFilter.ANY, AS_OF), "NCT06310590");
    assertThat(counting.reads).isEqualTo(2);
    assertThat(after.evaluation().verdict()).isNotEqualTo(Verdict.INELIGIBLE);
  }

  private static TrialMatch only(List<TrialMatch> matches, String nctId) {
    return matches.stream().filter(m -> m.trial().nctId().equals(nctId)).findFirst().orElseThrow();
  }

  /** The trial with its criteria text dropped (structured limits kept): a new version. */
  private static Trial withoutCriteria(Trial t) {
    Eligibility e = t.eligibility();
    Eligibility none =
        new Eligibility(
            null,
            List.of(),
            e.sex(),
            e.genderBased(),
            e.genderDescription(),
            e.minimumAge(),
            e.maximumAge(),
            e.healthyVolunteers(),
            e.stdAges(),
            e.studyPopulation(),
            e.samplingMethod());
    try {
      RecordComponent[] cs = Trial.class.getRecordComponents();
      Object[] args = new Object[cs.length];
      Class<?>[] types = new Class<?>[cs.length];
      for (int i = 0; i < cs.length; i++) {
        types[i] = cs[i].getType();
        args[i] = cs[i].getName().equals("eligibility") ? none : cs[i].getAccessor().invoke(t);
      }
      return Trial.class.getDeclaredConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /**
   * A store that cannot notify but tells its revision (as the PostgreSQL store), counting reads.
   */
  private static final class CountingStore extends ForwardingTrialStore {
    private long revision;
    int reads;

    CountingStore(TrialStore delegate) {
      super(delegate);
    }

    @Override
    public StoredTrial save(Trial trial) {
      revision++;
      return delegate.save(trial);
    }

    @Override
    public List<StoredTrial> all() {
      reads++;
      return delegate.all();
    }

    @Override
    public long revision() {
      return revision;
    }
  }
}
