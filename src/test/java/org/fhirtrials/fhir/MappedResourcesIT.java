package org.fhirtrials.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.fhirtrials.mapping.ResourceIds;
import org.fhirtrials.store.TrialStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Reads of every served type, searches on mapped values (status, phase, condition) and {@code
 * _include}, against the real R4 and R5 mappers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MappedResourcesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String HCC = TrialFixtures.HCC;
  private static final String FIXTURES = "_id=" + TrialFixtures.HCC + "," + TrialFixtures.ASTHMA;

  @LocalServerPort int port;
  @Autowired TrialStore store;

  @BeforeEach
  void loadFixtures() {
    store.save(TrialFixtures.recruitingHccPhase2());
    store.save(TrialFixtures.completedAsthmaPhase3());
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void readsEveryServedType(String base) throws Exception {
    List<String> references =
        List.of(
            "ResearchStudy/" + ResourceIds.study(HCC),
            "PlanDefinition/" + ResourceIds.protocol(HCC),
            "Group/" + ResourceIds.eligibility(HCC),
            "Location/" + ResourceIds.site(HCC, 1),
            "Organization/" + ResourceIds.leadSponsor(HCC),
            "Practitioner/" + ResourceIds.official(HCC, 1),
            "PractitionerRole/" + ResourceIds.official(HCC, 1));
    for (String reference : references) {
      HttpResponse<String> r = get(base, reference);
      assertThat(r.statusCode()).as(reference).isEqualTo(200);
      JsonNode resource = JSON.readTree(r.body());
      assertThat(resource.path("resourceType").asText() + "/" + resource.path("id").asText())
          .isEqualTo(reference);
      assertThat(r.headers().firstValue("ETag")).as(reference).isPresent();
    }
  }

  @Test
  void searchesR4StatusAsTheTrialState() throws Exception {
    assertThat(FhirServerIT.ids(search("r4", FIXTURES + "&status=active"))).containsExactly(HCC);
    assertThat(FhirServerIT.ids(search("r4", FIXTURES + "&status=completed")))
        .containsExactly(TrialFixtures.ASTHMA);
  }

  /** R5 {@code status} is the publication status; the trial state is in progressStatus. */
  @Test
  void searchesR5StatusAsThePublicationStatus() throws Exception {
    assertThat(FhirServerIT.ids(search("r5", FIXTURES + "&status=active")))
        .containsExactly(HCC, TrialFixtures.ASTHMA);
    assertThat(FhirServerIT.ids(search("r5", FIXTURES + "&status=recruiting"))).isEmpty();
    assertThat(FhirServerIT.ids(search("r5", FIXTURES + "&recruitment-status=COMPLETED")))
        .containsExactly(TrialFixtures.ASTHMA);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void searchesByExactRegistryRecruitmentStatus(String base) throws Exception {
    assertThat(FhirServerIT.ids(search(base, FIXTURES + "&recruitment-status=RECRUITING")))
        .containsExactly(HCC);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void searchesByPhaseAndCondition(String base) throws Exception {
    assertThat(FhirServerIT.ids(search(base, FIXTURES + "&phase=phase-3")))
        .containsExactly(TrialFixtures.ASTHMA);
    assertThat(
            FhirServerIT.ids(
                search(
                    base,
                    FIXTURES
                        + "&phase="
                        + enc(
                            "http://terminology.hl7.org/CodeSystem/research-study-phase|phase-2"))))
        .containsExactly(HCC);
    assertThat(
            FhirServerIT.ids(
                search(base, FIXTURES + "&condition=" + enc("hepatocellular carcinoma"))))
        .containsExactly(HCC);
    assertThat(FhirServerIT.ids(search(base, FIXTURES + "&condition:text=asth")))
        .containsExactly(TrialFixtures.ASTHMA);
  }

  @ParameterizedTest
  @CsvSource({"r4, ResearchStudy:enrollment", "r5, ResearchStudy:eligibility"})
  void includesProtocolEligibilitySitesAndSponsor(String base, String eligibility)
      throws Exception {
    JsonNode bundle =
        search(
            base,
            "_id="
                + HCC
                + "&_include=ResearchStudy:protocol&_include="
                + eligibility
                + "&_include=ResearchStudy:site&_include=ResearchStudy:sponsor");

    assertThat(FhirServerIT.ids(bundle)).containsExactly(HCC);
    assertThat(included(bundle))
        .containsExactlyInAnyOrder(
            "PlanDefinition/" + ResourceIds.protocol(HCC),
            "Group/" + ResourceIds.eligibility(HCC),
            "Location/" + ResourceIds.site(HCC, 1),
            "Organization/" + ResourceIds.leadSponsor(HCC));
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void includesOnlyWhatWasAskedFor(String base) throws Exception {
    assertThat(included(search(base, "_id=" + HCC + "&_include=ResearchStudy:site")))
        .containsExactly("Location/" + ResourceIds.site(HCC, 1));
    assertThat(included(search(base, "_id=" + HCC))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"r4, ResearchStudy:eligibility", "r5, ResearchStudy:enrollment"})
  void otherIncludesAreRejected(String base, String include) throws Exception {
    HttpResponse<String> r = get(base, "ResearchStudy?_include=" + enc(include));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).path("resourceType").asText()).isEqualTo("OperationOutcome");
  }

  private static List<String> included(JsonNode bundle) {
    List<String> refs = new ArrayList<>();
    bundle
        .path("entry")
        .forEach(
            e -> {
              if (e.path("search").path("mode").asText().equals("include")) {
                JsonNode r = e.path("resource");
                refs.add(r.path("resourceType").asText() + "/" + r.path("id").asText());
              }
            });
    return refs;
  }

  private HttpResponse<String> get(String base, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/fhir/" + base + "/" + path))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode search(String base, String query) throws Exception {
    HttpResponse<String> r = get(base, "ResearchStudy?" + query);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
