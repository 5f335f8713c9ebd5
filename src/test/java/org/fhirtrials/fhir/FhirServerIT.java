package org.fhirtrials.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.fhirtrials.mapping.FhirUrls;
import org.fhirtrials.store.TrialStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The two FHIR bases over real HTTP (raw requests; see {@link FhirClientIT} for HAPI's client). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FhirServerIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired TrialStore store;
  @Autowired io.micrometer.core.instrument.MeterRegistry meters;

  @BeforeEach
  void loadFixtures() {
    store.save(TrialFixtures.recruitingHccPhase2());
    store.save(TrialFixtures.completedAsthmaPhase3());
    TrialFixtures.pagingSet().forEach(store::save);
  }

  // ------------------------------------------------------------------ read

  @Test
  void recordsNoPerRequestObservationThatNothingReads() throws Exception {
    // no metrics endpoint is exposed; recording http.server.requests cost CPU on every read
    assertThat(get("r4", "ResearchStudy/" + TrialFixtures.HCC).statusCode()).isEqualTo(200);
    assertThat(meters.find("http.server.requests").meters()).isEmpty();
  }

  @Test
  void acceptsAnUnencodedBarInTheQueryAsTheSpecificationWritesIt() throws Exception {
    // java.net.http refuses to send a raw "|", so the request is written by hand, as curl sends it
    try (Socket socket = new Socket("localhost", port)) {
      socket
          .getOutputStream()
          .write(
              ("GET /fhir/r4/ResearchStudy?identifier=https://clinicaltrials.gov|"
                      + TrialFixtures.HCC
                      + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/fhir+json\r\n"
                      + "Connection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 200");
      assertThat(response).contains("\"total\":1").contains("\"id\":\"" + TrialFixtures.HCC + "\"");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void readsResearchStudyWithVersionHeaders(String base) throws Exception {
    HttpResponse<String> r = get(base, "ResearchStudy/" + TrialFixtures.HCC);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/fhir+json"));
    JsonNode study = JSON.readTree(r.body());
    assertThat(study.path("resourceType").asText()).isEqualTo("ResearchStudy");
    assertThat(study.path("id").asText()).isEqualTo(TrialFixtures.HCC);
    String version = study.path("meta").path("versionId").asText();
    assertThat(version).isNotEmpty();
    assertThat(r.headers().firstValue("ETag")).hasValue("W/\"" + version + "\"");
    assertThat(r.headers().firstValue("Last-Modified")).isPresent();
    assertThat(study.path("meta").path("lastUpdated").asText()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void answersNotModifiedWhenEtagMatches(String base) throws Exception {
    String etag =
        get(base, "ResearchStudy/" + TrialFixtures.HCC).headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> again =
        send(request(base, "ResearchStudy/" + TrialFixtures.HCC).header("If-None-Match", etag));
    HttpResponse<String> stale =
        send(
            request(base, "ResearchStudy/" + TrialFixtures.HCC)
                .header("If-None-Match", "W/\"999\""));

    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(stale.statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void answersNotModifiedSinceLastModified(String base) throws Exception {
    String path = "ResearchStudy/" + TrialFixtures.HCC;
    String lastModified = get(base, path).headers().firstValue("Last-Modified").orElseThrow();

    HttpResponse<String> same = send(request(base, path).header("If-Modified-Since", lastModified));
    HttpResponse<String> later =
        send(request(base, path).header("If-Modified-Since", "Fri, 31 Dec 2100 23:59:59 GMT"));
    HttpResponse<String> earlier =
        send(request(base, path).header("If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT"));

    assertThat(same.statusCode()).isEqualTo(304);
    assertThat(same.body()).isEmpty();
    assertThat(later.statusCode()).isEqualTo(304);
    assertThat(earlier.statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void unknownIdIsNotFoundOperationOutcome(String base) throws Exception {
    HttpResponse<String> r = get(base, "ResearchStudy/NCT00000000");

    assertThat(r.statusCode()).isEqualTo(404);
    assertOperationOutcome(r, "NCT00000000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void unknownIdOfOtherTypeIsNotFound(String base) throws Exception {
    HttpResponse<String> r = get(base, "Location/" + TrialFixtures.HCC + "-site-99");

    assertThat(r.statusCode()).isEqualTo(404);
    assertOperationOutcome(r, "Location/" + TrialFixtures.HCC + "-site-99");
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void unservedResourceTypeIsNotFoundOperationOutcome(String base) throws Exception {
    HttpResponse<String> r = get(base, "Patient/example");

    assertThat(r.statusCode()).isEqualTo(404);
    assertOperationOutcome(r, "Patient");
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void malformedIdIsBadRequest(String base) throws Exception {
    HttpResponse<String> r = get(base, "ResearchStudy/not_a%24valid_id");

    assertThat(r.statusCode()).isEqualTo(400);
    assertOperationOutcome(r, "not a valid FHIR id");
  }

  // ------------------------------------------------------------------ search

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void searchesByIdentifierWithAnyAcceptedSystem(String base) throws Exception {
    for (String value :
        List.of(
            "https://clinicaltrials.gov|" + TrialFixtures.HCC,
            "http://clinicaltrials.gov/|" + TrialFixtures.HCC,
            TrialFixtures.HCC)) {
      assertThat(ids(search(base, "identifier=" + enc(value))))
          .as(value)
          .containsExactly(TrialFixtures.HCC);
    }
    assertThat(ids(search(base, "identifier=" + enc("http://example.org|" + TrialFixtures.HCC))))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void searchesByTitleIgnoringCaseAndAccents(String base) throws Exception {
    assertThat(ids(search(base, "title=" + enc("SORAFENIB versus"))))
        .containsExactly(TrialFixtures.HCC);
    assertThat(ids(search(base, "title:contains=" + enc("A PHASE 2 fixture"))))
        .containsExactly(TrialFixtures.HCC);
    assertThat(ids(search(base, "title=" + enc("hepatocellular")))).isEmpty();
    assertThat(ids(search(base, "title:exact=" + enc("sorafénib versus placebo")))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void searchesById(String base) throws Exception {
    assertThat(ids(search(base, "_id=" + TrialFixtures.ASTHMA + "," + TrialFixtures.HCC)))
        .containsExactly(TrialFixtures.HCC, TrialFixtures.ASTHMA);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void pagesThroughResultsStably(String base) throws Exception {
    JsonNode page = search(base, "title=" + enc(TrialFixtures.PAGING_TITLE) + "&_count=10");
    assertThat(page.path("total").asInt()).isEqualTo(TrialFixtures.PAGING_COUNT);
    List<String> seen = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    while (page != null) {
      List<String> pageIds = ids(page);
      sizes.add(pageIds.size());
      seen.addAll(pageIds);
      String next = link(page, "next");
      page =
          next == null
              ? null
              : JSON.readTree(send(HttpRequest.newBuilder(URI.create(next))).body());
    }
    assertThat(sizes).containsExactly(10, 10, 5);
    assertThat(seen).hasSize(TrialFixtures.PAGING_COUNT).doesNotHaveDuplicates().isSorted();
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void unknownSearchParameterIsBadRequestNamingIt(String base) throws Exception {
    HttpResponse<String> r = get(base, "ResearchStudy?colour=blue");

    assertThat(r.statusCode()).isEqualTo(400);
    assertOperationOutcome(r, "colour");
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void unsupportedModifierIsBadRequest(String base) throws Exception {
    HttpResponse<String> r = get(base, "ResearchStudy?status:above=completed");

    assertThat(r.statusCode()).isEqualTo(400);
    assertOperationOutcome(r, ":above");
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void malformedCountIsBadRequest(String base) throws Exception {
    HttpResponse<String> r = get(base, "ResearchStudy?_count=ten");

    assertThat(r.statusCode()).isEqualTo(400);
    assertOperationOutcome(r, "_count");
  }

  // ------------------------------------------------------------------ server features

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void capabilityStatementListsSearchParameters(String base) throws Exception {
    HttpResponse<String> r = get(base, "metadata");
    JsonNode cs = JSON.readTree(r.body());

    assertThat(cs.path("resourceType").asText()).isEqualTo("CapabilityStatement");
    assertThat(cs.path("publisher").asText()).isEqualTo(StudyParams.PUBLISHER);
    assertThat(cs.path("software").path("name").asText()).isEqualTo(StudyParams.SOFTWARE);
    JsonNode study =
        StreamSupport.stream(cs.path("rest").get(0).path("resource").spliterator(), false)
            .filter(n -> n.path("type").asText().equals("ResearchStudy"))
            .findFirst()
            .orElseThrow();
    List<String> params = new ArrayList<>();
    study.path("searchParam").forEach(p -> params.add(p.path("name").asText()));
    assertThat(params)
        .contains(
            "_id", "identifier", "title", "status", "condition", "phase", "recruitment-status");
    study
        .path("searchParam")
        .forEach(
            p -> {
              if (p.path("name").asText().equals("recruitment-status")) {
                assertThat(p.path("definition").asText())
                    .isEqualTo(FhirUrls.SEARCH_PARAMETER + "ResearchStudy-recruitment-status");
              }
            });
    List<String> includes = new ArrayList<>();
    study.path("searchInclude").forEach(p -> includes.add(p.asText()));
    assertThat(includes)
        .contains("ResearchStudy:protocol", "ResearchStudy:site", "ResearchStudy:sponsor");
  }

  @Test
  void browsersGetHtml() throws Exception {
    HttpResponse<String> r =
        send(request("r4", "ResearchStudy/" + TrialFixtures.HCC).header("Accept", "text/html"));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(r.body()).contains("<html").contains(TrialFixtures.HCC);
  }

  @Test
  void answersCorsPreflightFromAnyOrigin() throws Exception {
    HttpResponse<String> r =
        send(
            request("r5", "ResearchStudy")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://ehr.example.org")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "accept,authorization"));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://ehr.example.org");
    assertThat(r.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("GET");
  }

  @Test
  void compressesWhenAsked() throws Exception {
    HttpResponse<byte[]> r =
        HTTP.send(
            request("r4", "metadata").header("Accept-Encoding", "gzip").build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
  }

  // ------------------------------------------------------------------ helpers

  private HttpRequest.Builder request(String base, String path) {
    return HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/fhir/" + base + "/" + path));
  }

  private HttpResponse<String> get(String base, String path)
      throws IOException, InterruptedException {
    return send(request(base, path));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode search(String base, String query) throws Exception {
    HttpResponse<String> r = get(base, "ResearchStudy?" + query);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** Ids of the entries with search mode match, in order. */
  static List<String> ids(JsonNode bundle) {
    List<String> ids = new ArrayList<>();
    bundle
        .path("entry")
        .forEach(
            e -> {
              if (e.path("search").path("mode").asText().equals("match")) {
                ids.add(e.path("resource").path("id").asText());
              }
            });
    return ids;
  }

  private static String link(JsonNode bundle, String relation) {
    for (JsonNode l : bundle.path("link")) {
      if (l.path("relation").asText().equals(relation)) {
        return l.path("url").asText();
      }
    }
    return null;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void assertOperationOutcome(HttpResponse<String> r, String mentioned)
      throws IOException {
    JsonNode oo = JSON.readTree(r.body());
    assertThat(oo.path("resourceType").asText()).isEqualTo("OperationOutcome");
    assertThat(oo.path("issue").get(0).path("severity").asText()).isEqualTo("error");
    assertThat(oo.path("issue").get(0).path("diagnostics").asText()).contains(mentioned);
    assertThat(r.body())
        .doesNotContain("at org.")
        .doesNotContain("at ca.uhn")
        .doesNotContain("Exception");
  }
}
