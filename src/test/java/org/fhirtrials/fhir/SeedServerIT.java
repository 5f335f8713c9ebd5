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
import org.fhirtrials.ingest.TrialReader;
import org.fhirtrials.model.Trial;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The server as a newcomer starts it: the five seed trials, loaded at startup, on both bases. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SeedServerIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void everySeedTrialIsServedWithItsTitle(String base) throws Exception {
    List<Trial> seeds = new ArrayList<>();
    new TrialReader().readSeeds(seeds::add);
    assertThat(seeds)
        .extracting(Trial::nctId)
        .containsExactlyInAnyOrderElementsOf(TrialReader.SEED_IDS);

    for (Trial seed : seeds) {
      JsonNode study = get(base, "ResearchStudy/" + seed.nctId());
      assertThat(study.path("id").asText()).isEqualTo(seed.nctId());
      assertThat(study.path("title").asText()).isEqualTo(seed.title());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void findsEachSeedByIdentifier(String base) throws Exception {
    for (String id : TrialReader.SEED_IDS) {
      JsonNode bundle =
          get(
              base,
              "ResearchStudy?identifier="
                  + URLEncoder.encode("https://clinicaltrials.gov|" + id, StandardCharsets.UTF_8));
      assertThat(FhirServerIT.ids(bundle)).containsExactly(id);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void findsTheHccSeedByAWordOfItsCondition(String base) throws Exception {
    JsonNode bundle = get(base, "ResearchStudy?condition:text=carcinoma");

    assertThat(FhirServerIT.ids(bundle)).contains("NCT06310590");
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void includesTheSitesOfASeed(String base) throws Exception {
    JsonNode bundle = get(base, "ResearchStudy?_id=NCT06310590&_include=ResearchStudy:site");
    List<String> sites = new ArrayList<>();
    bundle
        .path("entry")
        .forEach(
            e -> {
              if (e.path("search").path("mode").asText().equals("include")) {
                sites.add(e.path("resource").path("resourceType").asText());
              }
            });

    assertThat(FhirServerIT.ids(bundle)).containsExactly("NCT06310590");
    assertThat(sites).isNotEmpty().containsOnly("Location");
  }

  private JsonNode get(String base, String path) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/fhir/" + base + "/" + path))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }
}
