package org.fhirtrials.cds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The configured defaults: only recruiting / not-yet-recruiting trials, at most max-cards. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fhirtrials.cds.verify-jwt=false", "fhirtrials.cds.max-cards=1"})
class CdsDefaultFilterIT {
  @LocalServerPort int port;

  @DynamicPropertySource
  static void feedbackDir(DynamicPropertyRegistry registry) throws Exception {
    String dir = Files.createTempDirectory("cds-feedback").toString();
    registry.add("fhirtrials.cds.feedback-dir", () -> dir);
  }

  private JsonNode call(String scenario) throws Exception {
    String body =
        CdsHooksIT.request("p", CdsHooksIT.prefetch(CdsHooksIT.seedBundle(scenario))).toString();
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/cds-services/trial-matching"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new ObjectMapper().readTree(r.body());
  }

  @Test
  void hidesTrialsThatAreNotRecruiting() throws Exception {
    // NCT06310590 is ACTIVE_NOT_RECRUITING: even its eligible patient gets no card for it
    assertThat(CdsHooksIT.cardFor(call("NCT06310590-eligible"), "NCT06310590")).isNull();
  }

  @Test
  void showsAtMostMaxCards() throws Exception {
    JsonNode cards = call("NCT06178198-eligible").get("cards");
    assertThat(cards).hasSize(1);
    assertThat(cards.get(0).get("summary").asText()).contains("NCT06178198");
  }
}
