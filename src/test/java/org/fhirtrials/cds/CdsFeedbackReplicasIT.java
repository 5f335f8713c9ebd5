package org.fhirtrials.cds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.fhirtrials.FhirTrialsApplication;
import org.fhirtrials.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two servers over one PostgreSQL database ({@code fhirtrials.store=postgres}), as two replicas
 * behind a load balancer: a card issued by one takes its feedback at the other, and both export it.
 * The database comes from {@code TEST_JDBC_URL} (see {@link TestDatabase}).
 */
class CdsFeedbackReplicasIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @RegisterExtension static final TestDatabase.PerClass database = new TestDatabase.PerClass();
  private static ConfigurableApplicationContext a;
  private static ConfigurableApplicationContext b;

  @BeforeAll
  static void start() throws Exception {
    a = replica();
    b = replica();
  }

  @AfterAll
  static void stop() throws Exception {
    for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {a, b}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private static ConfigurableApplicationContext replica() {
    List<String> args = new ArrayList<>(database.storeArgs());
    args.addAll(
        List.of(
            "--server.port=0",
            "--spring.datasource.hikari.maximum-pool-size=3",
            "--fhirtrials.cds.verify-jwt=false",
            "--fhirtrials.cds.statuses=",
            "--fhirtrials.cds.feedback-dir=/nonexistent/must-not-be-used"));
    return new SpringApplicationBuilder(FhirTrialsApplication.class)
        .run(args.toArray(String[]::new));
  }

  private static String base(ConfigurableApplicationContext c) {
    return "http://localhost:" + ((WebServerApplicationContext) c).getWebServer().getPort();
  }

  @Test
  void aCardIssuedByOneReplicaTakesFeedbackAtTheOtherAndBothExportIt() throws Exception {
    var request =
        CdsHooksIT.request("p", CdsHooksIT.prefetch(CdsHooksIT.seedBundle("NCT06779461-eligible")));
    HttpResponse<String> cards = post(base(a) + "/cds-services/trial-matching", request.toString());
    assertThat(cards.statusCode()).as(cards.body()).isEqualTo(200);
    JsonNode card = CdsHooksIT.cardFor(JSON.readTree(cards.body()), "NCT06779461");
    assertThat(card).isNotNull();
    String uuid = card.get("uuid").asText();

    String feedback =
        "{\"feedback\":[{\"card\":\""
            + uuid
            + "\",\"outcome\":\"overridden\",\"overrideReason\":{\"userComment\":\"later\"},"
            + "\"outcomeTimestamp\":\"2026-11-01T12:06:00Z\"}]}";
    HttpResponse<String> stored = post(base(b) + "/cds-services/trial-matching/feedback", feedback);
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);

    String unknown = feedback.replace(uuid, UUID.randomUUID().toString());
    HttpResponse<String> refused = post(base(b) + "/cds-services/trial-matching/feedback", unknown);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("not a card this service issued");

    for (ConfigurableApplicationContext replica : new ConfigurableApplicationContext[] {a, b}) {
      JsonNode export =
          JSON.readTree(get(base(replica) + "/cds-services/trial-matching/feedback").body());
      assertThat(export.get("feedback")).hasSize(1);
      JsonNode f = export.get("feedback").get(0);
      assertThat(f.get("card").asText()).isEqualTo(uuid);
      assertThat(f.get("trialId").asText()).isEqualTo("NCT06779461");
      assertThat(f.at("/overrideReason/userComment").asText()).isEqualTo("later");
    }
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT trial_id FROM cds_feedback")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("NCT06779461");
    }
  }

  private static HttpResponse<String> post(String url, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
