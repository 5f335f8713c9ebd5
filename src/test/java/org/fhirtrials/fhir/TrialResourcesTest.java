package org.fhirtrials.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fhirtrials.store.InMemoryTrialStore;
import org.fhirtrials.store.StoredTrial;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.Test;

class TrialResourcesTest {
  private final InMemoryTrialStore store = new InMemoryTrialStore();
  private final TrialResources resources = new TrialResources(store, new R4Binding(), 10);

  @Test
  void servedStudyCarriesStoreVersionAndTimestamp() {
    StoredTrial stored = store.save(TrialFixtures.recruitingHccPhase2());

    ResearchStudy study =
        (ResearchStudy) resources.read("ResearchStudy", TrialFixtures.HCC).orElseThrow();

    assertThat(study.getIdElement().getVersionIdPart()).isEqualTo("1");
    assertThat(study.getMeta().getVersionId()).isEqualTo("1");
    assertThat(study.getMeta().getLastUpdated().toInstant()).isEqualTo(stored.lastUpdated());
  }

  @Test
  void changedTrialIsServedAtItsNewVersion() {
    store.save(TrialFixtures.recruitingHccPhase2());
    resources.read("ResearchStudy", TrialFixtures.HCC).orElseThrow();

    store.save(
        TrialFixtures.recruitingHccPhase2().toBuilder().officialTitle("Amended title").build());
    ResearchStudy study =
        (ResearchStudy) resources.read("ResearchStudy", TrialFixtures.HCC).orElseThrow();

    assertThat(study.getMeta().getVersionId()).isEqualTo("2");
    assertThat(study.getTitle()).isEqualTo("Amended title");
    MappedTrial cached = resources.mapped(store.get(TrialFixtures.HCC).orElseThrow());
    assertThat(((ResearchStudy) cached.study()).getTitle()).isEqualTo("Amended title");
  }

  @Test
  void callersGetCopiesThatCannotCorruptTheCache() {
    store.save(TrialFixtures.recruitingHccPhase2());
    ResearchStudy first =
        (ResearchStudy) resources.read("ResearchStudy", TrialFixtures.HCC).orElseThrow();
    first.setTitle("changed by a caller");
    first.getMeta().setLastUpdated(java.util.Date.from(Instant.EPOCH));

    ResearchStudy second =
        (ResearchStudy) resources.read("ResearchStudy", TrialFixtures.HCC).orElseThrow();

    assertThat(second.getTitle()).isNotEqualTo("changed by a caller");
    assertThat(second.getMeta().getLastUpdated()).isNotEqualTo(java.util.Date.from(Instant.EPOCH));
  }

  @Test
  void unknownOrForeignIdsResolveToNothing() {
    store.save(TrialFixtures.recruitingHccPhase2());

    assertThat(resources.read("ResearchStudy", "NCT00000000")).isEmpty();
    assertThat(resources.read("ResearchStudy", "not-an-nct-id")).isEmpty();
    assertThat(resources.read("Group", TrialFixtures.HCC + "-nothing")).isEmpty();
    assertThat(resources.resolve("http://elsewhere.org/fhir/ResearchStudy/" + TrialFixtures.HCC))
        .isEmpty();
    assertThat(resources.resolve("ResearchStudy/" + TrialFixtures.HCC)).isPresent();
  }

  @Test
  void standInsOfAPageKeepItsOrderAndLeaveOutWhatIsNotThere() {
    store.save(TrialFixtures.recruitingHccPhase2());
    store.save(TrialFixtures.completedAsthmaPhase3());
    String site = "Location/" + TrialFixtures.HCC + "-site-1";
    List<String> asked =
        List.of(
            "ResearchStudy/" + TrialFixtures.ASTHMA,
            "ResearchStudy/NCT00000000",
            site,
            "Location/" + TrialFixtures.HCC + "-site-99",
            "not a reference",
            "ResearchStudy/" + TrialFixtures.HCC);

    Map<String, IBaseResource> standIns = resources.standIns(asked);

    assertThat(standIns.keySet())
        .containsExactly(
            "ResearchStudy/" + TrialFixtures.ASTHMA, site, "ResearchStudy/" + TrialFixtures.HCC);
    IBaseResource study = standIns.get("ResearchStudy/" + TrialFixtures.HCC);
    assertThat(study.getIdElement().getIdPart()).isEqualTo(TrialFixtures.HCC);
    assertThat(study.getMeta().getVersionId()).isEqualTo("1");
    // the page is served from cached JSON: the stand-in's body is the mapped study's encoding
    assertThat(new String(resources.json(study, "http://x/fhir"), StandardCharsets.UTF_8))
        .contains("\"title\":\"Sorafénib Versus Placebo");
  }
}
