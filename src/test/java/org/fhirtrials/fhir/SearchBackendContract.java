package org.fhirtrials.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fhirtrials.model.Trial;
import org.fhirtrials.search.SearchBackend;
import org.fhirtrials.search.SearchException;
import org.fhirtrials.search.SearchHits;
import org.fhirtrials.search.SearchResult;
import org.fhirtrials.store.TrialStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every search behaviour the server offers, run against each search backend (in memory, and SQL
 * over PostgreSQL) with the same expectations: parameters of every kind, modifiers, prefixes,
 * chains, {@code _sort}, include lookups and errors, on both bases.
 */
abstract class SearchBackendContract {
  protected TrialStore store;
  private final Map<String, SearchBackend> backends = new LinkedHashMap<>();

  /** An empty store whose search backend is the one under test. */
  protected abstract TrialStore emptyStore() throws Exception;

  @BeforeEach
  void loadFixtures() throws Exception {
    store = emptyStore();
    store.save(TrialFixtures.recruitingHccPhase2());
    store.save(TrialFixtures.completedAsthmaPhase3());
    TrialFixtures.pagingSet().forEach(store::save);
    backends.put("r4", backend(new R4Binding()));
    backends.put("r5", backend(new R5Binding()));
  }

  protected SearchBackend backend(VersionBinding binding) {
    return new ResourceSearchService(
            new TrialResources(store, binding, 1000), FhirServerConfig.SERVED_TYPES)
        .backend();
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void tokensByCodeTextSystemNotAndMissing(String base) {
    assertThat(ids(base, "ResearchStudy", "condition", "Asthma"))
        .containsExactly(TrialFixtures.ASTHMA);
    assertThat(ids(base, "ResearchStudy", "condition:text", "hepato carc"))
        .containsExactly(TrialFixtures.HCC);
    // a word of the trial's title and interventions, not of its conditions
    assertThat(ids(base, "ResearchStudy", "condition:text", "sorafenib")).isEmpty();
    assertThat(ids(base, "ResearchStudy", "condition:text", "carcinoma hepatoz")).isEmpty();
    assertThat(ids(base, "ResearchStudy", "recruitment-status", "RECRUITING,COMPLETED"))
        .containsExactly(TrialFixtures.HCC, TrialFixtures.ASTHMA);
    assertThat(ids(base, "ResearchStudy", "condition:not", "Paging condition"))
        .containsExactly(TrialFixtures.HCC, TrialFixtures.ASTHMA);
    assertThat(ids(base, "ResearchStudy", "phase:missing", "false"))
        .containsExactly(TrialFixtures.HCC, TrialFixtures.ASTHMA);
    assertThat(ids(base, "ResearchStudy", "phase:missing", "true"))
        .hasSize(TrialFixtures.PAGING_COUNT);
    assertThat(ids(base, "ResearchStudy", "identifier", "https://clinicaltrials.gov|NCT09990002"))
        .containsExactly(TrialFixtures.ASTHMA);
    assertThat(ids(base, "ResearchStudy", "identifier", "http://clinicaltrials.gov/|NCT09990002"))
        .containsExactly(TrialFixtures.ASTHMA);
    assertThat(ids(base, "ResearchStudy", "_id", TrialFixtures.HCC + "," + TrialFixtures.ASTHMA))
        .containsExactly(TrialFixtures.HCC, TrialFixtures.ASTHMA);
    assertThat(
            search(
                base,
                "ResearchStudy",
                Map.of(
                    "recruitment-status", new String[] {"RECRUITING"},
                    "condition", new String[] {"Asthma"})))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void stringsStartWithFoldedContainAndExact(String base) {
    String title = TrialFixtures.recruitingHccPhase2().title();
    assertThat(ids(base, "ResearchStudy", "title", title.substring(0, 8).toUpperCase()))
        .containsExactly(TrialFixtures.HCC);
    assertThat(ids(base, "ResearchStudy", "title:contains", "FIXTURE 1"))
        .hasSize(10)
        .allMatch(id -> id.startsWith("NCT099901"));
    assertThat(ids(base, "ResearchStudy", "title:exact", title)).containsExactly(TrialFixtures.HCC);
    assertThat(ids(base, "ResearchStudy", "title:exact", title.toUpperCase())).isEmpty();
    assertThat(ids(base, "Organization", "name", "fixture oncology")).isNotEmpty();
    assertThat(ids(base, "Location", "address-city", "lyon"))
        .containsExactly(TrialFixtures.HCC + "-site-1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void chainsSearchTheTargetType(String base) {
    assertThat(ids(base, "ResearchStudy", "site:Location.address-city", "Lyon"))
        .containsExactly(TrialFixtures.HCC);
    assertThat(ids(base, "ResearchStudy", "sponsor:Organization.name", "Fixture Oncology"))
        .containsExactly(TrialFixtures.HCC);
    assertThat(ids(base, "ResearchStudy", "sponsor.name", "Fixture"))
        .containsExactly(TrialFixtures.HCC, TrialFixtures.ASTHMA);
    assertThatThrownBy(() -> ids(base, "ResearchStudy", "title.name", "x"))
        .isInstanceOf(SearchException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void nearFindsSitesWithinTheDistanceAndReportsIt(String base) {
    SearchHits hits =
        backends
            .get(base)
            .search(
                "ResearchStudy",
                Map.of("near", new String[] {"45.7|4.8|20|km"}, "_sort", new String[] {"near"}),
                false);
    assertThat(hits.ids()).containsExactly(TrialFixtures.HCC);
    assertThat(hits.distancesKm().get(0)).isBetween(5.0, 10.0);
    assertThat(ids(base, "ResearchStudy", "near", "45.7|4.8|4|km")).isEmpty();
    assertThat(ids(base, "ResearchStudy", "near", "48.85|2.35|100|km")).isEmpty();
    assertThat(ids(base, "ResearchStudy", "near", "48.85|2.35|300|mi"))
        .containsExactly(TrialFixtures.HCC);
    assertThat(ids(base, "Location", "near", "45.7|4.8|20")).hasSize(1);
    assertThatThrownBy(() -> ids(base, "ResearchStudy", "near", "north"))
        .isInstanceOf(SearchException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void fullTextAndRelevance(String base) {
    assertThat(ids(base, "ResearchStudy", "_text", "sorafenib placebo"))
        .containsExactly(TrialFixtures.HCC);
    assertThat(ids(base, "ResearchStudy", "_text", "sorafenib asthma")).isEmpty();
    assertThat(ids(base, "ResearchStudy", "_content", "PREGNANCY"))
        .containsExactly(TrialFixtures.HCC);
    // "fixture" is in every title, "inhaled" in one: that one ranks first
    List<String> ranked =
        search(
            base,
            "ResearchStudy",
            Map.of("_text", new String[] {"fixture"}, "_sort", new String[] {"_score"}));
    assertThat(ranked).hasSize(2 + TrialFixtures.PAGING_COUNT);
    assertThat(
            search(
                base,
                "ResearchStudy",
                Map.of(
                    "_text", new String[] {"fixture inhaled"}, "_sort", new String[] {"_score"})))
        .containsExactly(TrialFixtures.ASTHMA);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void referenceWithoutAnIdMatchesNothing(String base) {
    assertThat(ids(base, "ResearchStudy", "site", "/")).isEmpty();
    assertThat(ids(base, "ResearchStudy", "sponsor", "//")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void datePrefixes(String base) {
    assertThat(ids(base, "ResearchStudy", "_lastUpdated", "ge2000"))
        .hasSize(2 + TrialFixtures.PAGING_COUNT);
    assertThat(ids(base, "ResearchStudy", "_lastUpdated", "le2000-01-01")).isEmpty();
    assertThat(ids(base, "ResearchStudy", "_lastUpdated", "eb2000")).isEmpty();
    assertThat(ids(base, "ResearchStudy", "_lastUpdated", "sa1999-12"))
        .hasSize(2 + TrialFixtures.PAGING_COUNT);
    assertThatThrownBy(() -> ids(base, "ResearchStudy", "date", "gtyesterday"))
        .isInstanceOf(SearchException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void sortsByParameterIdAndDescending(String base) {
    List<String> byTitle =
        search(
            base,
            "ResearchStudy",
            Map.of("title", new String[] {"Paging"}, "_sort", new String[] {"-title"}));
    assertThat(byTitle).hasSize(TrialFixtures.PAGING_COUNT);
    assertThat(byTitle.get(0)).isEqualTo(String.format("NCT0999%04d", 100 + 25));
    assertThat(byTitle.get(24)).isEqualTo(String.format("NCT0999%04d", 100 + 1));
    assertThat(
            search(
                base,
                "ResearchStudy",
                Map.of(
                    "_id",
                    new String[] {TrialFixtures.HCC + "," + TrialFixtures.ASTHMA},
                    "_sort",
                    new String[] {"title"})))
        .containsExactly(TrialFixtures.ASTHMA, TrialFixtures.HCC);
    List<String> desc = search(base, "ResearchStudy", Map.of("_sort", new String[] {"-_id"}));
    assertThat(desc)
        .hasSize(2 + TrialFixtures.PAGING_COUNT)
        .isSortedAccordingTo((a, b) -> b.compareTo(a));
    // no value sorts last; descending puts them first
    List<String> byPhase = search(base, "ResearchStudy", Map.of("_sort", new String[] {"phase"}));
    assertThat(byPhase.subList(0, 2))
        .containsExactlyInAnyOrder(TrialFixtures.HCC, TrialFixtures.ASTHMA);
    assertThatThrownBy(
            () -> search(base, "ResearchStudy", Map.of("_sort", new String[] {"colour"})))
        .isInstanceOf(SearchException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void includeLookupsFollowReferencesBothWays(String base) {
    SearchBackend b = backends.get(base);
    String site = "Location/" + TrialFixtures.HCC + "-site-1";
    assertThat(b.references("ResearchStudy", TrialFixtures.HCC, "site")).containsExactly(site);
    assertThat(b.references("ResearchStudy", TrialFixtures.HCC, "protocol"))
        .containsExactly("PlanDefinition/" + TrialFixtures.HCC);
    assertThat(b.referencing("ResearchStudy", "site", List.of(site)))
        .containsExactly(TrialFixtures.HCC);
    assertThat(b.referencing("ResearchStudy", "site", List.of("Location/nowhere"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void referencesOfSeveralResourcesAnswerWhatEachAnswersAlone(String base) {
    SearchBackend b = backends.get(base);
    List<String> ids = List.of(TrialFixtures.ASTHMA, "nowhere", TrialFixtures.HCC);
    for (String param : List.of("site", "protocol", "sponsor")) {
      Map<String, List<String>> together = b.references("ResearchStudy", ids, param);
      for (String id : ids) {
        assertThat(together.getOrDefault(id, List.of()))
            .as(param + " of " + id)
            .isEqualTo(b.references("ResearchStudy", id, param));
      }
    }
    assertThat(b.references("ResearchStudy", List.of(TrialFixtures.HCC), "protocol"))
        .containsExactly(
            Map.entry(TrialFixtures.HCC, List.of("PlanDefinition/" + TrialFixtures.HCC)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void errorsNameTheParameterUnlessLenient(String base) {
    SearchBackend b = backends.get(base);
    Map<String, String[]> colour = Map.of("colour", new String[] {"blue"});
    assertThatThrownBy(() -> b.search("ResearchStudy", colour, false))
        .isInstanceOf(SearchException.class)
        .hasMessageContaining("colour");
    assertThat(b.search("ResearchStudy", colour, true).ids())
        .hasSize(2 + TrialFixtures.PAGING_COUNT);
    assertThatThrownBy(() -> ids(base, "ResearchStudy", "title:below", "x"))
        .isInstanceOf(SearchException.class)
        .hasMessageContaining(":below");
    assertThatThrownBy(() -> b.search("Patient", Map.of(), false))
        .isInstanceOf(SearchException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void aChangedTrialIsFoundByItsNewValuesOnly(String base) {
    store.save(
        org.fhirtrials.model.Trial.builder(TrialFixtures.ASTHMA)
            .briefTitle("Renamed fixture")
            .addCondition("Bronchitis")
            .build());
    assertThat(ids(base, "ResearchStudy", "condition", "Asthma")).isEmpty();
    assertThat(ids(base, "ResearchStudy", "condition", "Bronchitis"))
        .containsExactly(TrialFixtures.ASTHMA);
    assertThat(ids(base, "ResearchStudy", "title", "renamed"))
        .containsExactly(TrialFixtures.ASTHMA);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void nearSortsByTheNearestSiteThenById(String base) {
    // Reykjavik: no other fixture has a site within 300 km
    for (String[] t :
        new String[][] {
          {"NCT90000003", "64.60"}, {"NCT90000001", "64.20"}, {"NCT90000002", "64.20"}
        }) {
      store.save(
          TrialFixtures.recruitingHccPhase2().toBuilder()
              .nctId(t[0])
              .sites(
                  List.of(
                      new org.fhirtrials.model.Site(
                          "Landspitali",
                          null,
                          "Reykjavik",
                          null,
                          null,
                          "Iceland",
                          new org.fhirtrials.model.GeoPoint(Double.parseDouble(t[1]), -21.9),
                          List.of())))
              .build());
    }
    assertThat(
            search(
                base,
                "ResearchStudy",
                Map.of("near", new String[] {"64.1|-21.9|300|km"}, "_sort", new String[] {"near"})))
        .containsExactly("NCT90000001", "NCT90000002", "NCT90000003");
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void aTrialWhoseSitesMovedIsNoLongerNearTheOldOnes(String base) {
    assertThat(ids(base, "ResearchStudy", "near", "45.7|4.8|20|km")).contains(TrialFixtures.HCC);
    store.save(TrialFixtures.recruitingHccPhase2().toBuilder().sites(List.of()).build());
    assertThat(ids(base, "ResearchStudy", "near", "45.7|4.8|20|km"))
        .doesNotContain(TrialFixtures.HCC);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void pagesNeitherRepeatNorSkipWhenAnEarlierMatchArrives(String base) {
    Map<String, String[]> paging = Map.of("condition", new String[] {"Paging condition"});
    List<String> before = search(base, "ResearchStudy", paging);
    SearchResult result = backend(base).find("ResearchStudy", paging, false, 10);
    assertThat(result.total()).isEqualTo(TrialFixtures.PAGING_COUNT);
    List<String> read = new ArrayList<>(result.ids(0, 10));
    // a new match whose id sorts before every one read so far
    Trial first = TrialFixtures.pagingSet().get(0);
    store.save(first.toBuilder().nctId("NCT09990000").build());
    read.addAll(result.ids(10, 20));
    read.addAll(result.ids(20, 30));
    assertThat(read).isEqualTo(before);
    assertThat(result.ids(30, 40)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void pagesFollowTheSortKeysAndEndWithTheLastMatch(String base) {
    Map<String, String[]> byTitle =
        Map.of(
            "condition", new String[] {"Paging condition"}, "_sort", new String[] {"-title,_id"});
    List<String> all = search(base, "ResearchStudy", byTitle);
    assertThat(all).hasSize(TrialFixtures.PAGING_COUNT).startsWith("NCT09990125");
    SearchResult result = backend(base).find("ResearchStudy", byTitle, false, 7);
    assertThat(result.ids(0, 7)).isEqualTo(all.subList(0, 7));
    assertThat(result.ids(7, 14)).isEqualTo(all.subList(7, 14));
    assertThat(result.ids(21, 28)).isEqualTo(all.subList(21, 25));
    assertThat(result.ids(3, 3)).isEmpty();
  }

  protected List<String> ids(String base, String type, String param, String value) {
    return search(base, type, Map.of(param, new String[] {value}));
  }

  protected List<String> search(String base, String type, Map<String, String[]> params) {
    return backend(base).search(type, params, false).ids();
  }

  /** The backend under test for a base ({@code r4}, {@code r5}). */
  protected SearchBackend backend(String base) {
    return backends.get(base);
  }
}
