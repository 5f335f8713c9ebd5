package org.fhirtrials.match;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fhirtrials.eligibility.evaluate.EligibilityEvaluator;
import org.fhirtrials.eligibility.evaluate.Verdict;
import org.fhirtrials.ingest.TrialReader;
import org.fhirtrials.model.Eligibility;
import org.fhirtrials.model.GeoPoint;
import org.fhirtrials.model.Phase;
import org.fhirtrials.model.Site;
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
            patient(), MatchFilter.ANY, t -> t.phases().equals(List.of(Phase.PHASE2)), AS_OF);
    assertThat(phase2).isNotEmpty().hasSizeLessThan(store.size());
    assertThat(phase2)
        .allSatisfy(
            m -> assertThat(m.trial().trial().design().phases()).containsExactly(Phase.PHASE2));
  }

  @Test
  void nearGivesEachTrialItsNearestSiteAndTheRadiusDropsTrialsWithoutOneWithin() {
    GeoPoint boston = new GeoPoint(42.3601, -71.0589);
    // the seed pages give no coordinates: place each seed's sites, one without, at growing
    // distances
    double[][] places = {{40.7128, -74.0060}, {41.8240, -71.4128}, {39.9526, -75.1652}};
    int n = 0;
    for (StoredTrial stored : store.all()) {
      List<Site> sites = new ArrayList<>();
      sites.add(site(null));
      for (int i = 0; i < n % 4; i++) {
        double[] p = places[(n + i) % places.length];
        sites.add(site(new GeoPoint(p[0], p[1])));
      }
      store.save(stored.trial().toBuilder().sites(sites).build());
      n++;
    }
    List<TrialMatch> all =
        service.match(patient(), new MatchFilter(Set.of(), Set.of(), boston, null), AS_OF);

    assertThat(all).hasSize(store.size());
    for (TrialMatch m : all) {
      List<Site> located =
          m.trial().trial().sites().stream().filter(s -> s.geoPoint() != null).toList();
      if (located.isEmpty()) {
        assertThat(m.nearestSite()).isNull();
        assertThat(m.distanceKm()).isNull();
        continue;
      }
      double least =
          located.stream()
              .mapToDouble(s -> Geo.distanceKm(boston, s.geoPoint()))
              .min()
              .orElseThrow();
      assertThat(m.distanceKm()).isEqualTo(least);
      assertThat(Geo.distanceKm(boston, m.nearestSite().geoPoint())).isEqualTo(least);
    }
    double radius =
        all.stream()
                .map(TrialMatch::distanceKm)
                .filter(d -> d != null)
                .sorted()
                .findFirst()
                .orElseThrow()
            + 1;
    List<TrialMatch> within =
        service.match(patient(), new MatchFilter(Set.of(), Set.of(), boston, radius), AS_OF);
    assertThat(within)
        .isNotEmpty()
        .hasSizeLessThan(all.size())
        .allSatisfy(m -> assertThat(m.distanceKm()).isLessThanOrEqualTo(radius));
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

  private static Site site(GeoPoint at) {
    return new Site("Site " + at, null, "City", null, null, "United States", at, List.of());
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
