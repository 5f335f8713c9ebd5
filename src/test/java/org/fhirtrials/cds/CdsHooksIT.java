package org.fhirtrials.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.fhirtrials.patient.LabCatalog;
import org.fhirtrials.testing.SharedData;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The CDS Hooks service over real HTTP (JWT verification off): discovery, the official spec
 * examples, the seed scenario patients sent as prefetch, fetching from an EHR stand-in, feedback.
 * All seed trials are considered ({@code statuses} empty): one seed is ACTIVE_NOT_RECRUITING and
 * the default filter would hide it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "fhirtrials.cds.verify-jwt=false",
      "fhirtrials.cds.statuses=",
      "fhirtrials.cds.fetch.connect-timeout=1s",
      "fhirtrials.cds.fetch.read-timeout=1s",
      "fhirtrials.cds.fetch.max-pages=3",
      "fhirtrials.cds.smart-app-url=https://apps.example.org/trial-screening/launch"
    })
class CdsHooksIT {
  static final Instant AS_OF = Instant.parse("2026-11-01T12:00:00Z");
  static final String SEEDS = "/patients/seeds/";
  static final ObjectMapper JSON = new ObjectMapper();
  static final FhirContext R4 = FhirContext.forR4Cached();
  static final Pattern CRITERION_ID = Pattern.compile("`([^`]+)`");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @TestConfiguration
  static class FixedClock {
    @Bean
    Clock clock() {
      return Clock.fixed(AS_OF, ZoneOffset.UTC);
    }
  }

  /** The allow-listed EHR stand-in, bound once; each test gives it its data. */
  static final EhrStandIn ALLOWED_EHR = startShared();

  static final int EHR_PORT = ALLOWED_EHR.port();

  @AfterAll
  static void stopEhr() throws Exception {
    ALLOWED_EHR.stop();
  }

  static EhrStandIn startShared() {
    try {
      return EhrStandIn.shared();
    } catch (Exception e) {
      throw new IllegalStateException("EHR stand-in did not start", e);
    }
  }

  @DynamicPropertySource
  static void feedbackDir(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("cds-feedback");
    registry.add("fhirtrials.cds.feedback-dir", dir::toString);
    registry.add(
        "fhirtrials.cds.fetch.allowed-servers", () -> "http://127.0.0.1:" + EHR_PORT + "/fhir");
  }

  /** The EHR stand-in on the allow-listed port, serving {@code data} until closed. */
  static EhrStandIn ehr(Bundle data) {
    return ALLOWED_EHR.serve(data);
  }

  // ------------------------------------------------------------------ discovery

  @Test
  void discoveryListsTheTrialMatchingServiceWithPrefetchTemplates() throws Exception {
    Answer a = get("/cds-services");
    assertThat(a.status).isEqualTo(200);
    JsonNode services = a.json.get("services");
    assertThat(services).hasSize(1);
    JsonNode s = services.get(0);
    assertThat(s.get("id").asText()).isEqualTo("trial-matching");
    assertThat(s.get("hook").asText()).isEqualTo("patient-view");
    assertThat(s.get("title").asText()).isNotBlank();
    assertThat(s.get("description").asText()).isNotBlank();
    JsonNode prefetch = s.get("prefetch");
    assertThat(prefetch.get("patient").asText()).isEqualTo("Patient/{{context.patientId}}");
    String labs = prefetch.get("labs").asText();
    LabCatalog.all().forEach(an -> assertThat(labs).contains("http://loinc.org|" + an.loinc()));
    assertThat(prefetch.get("performanceStatus").asText()).contains("89247-1");
    assertThat(prefetch.get("pregnancy").asText()).contains("82810-3");
    prefetch
        .fields()
        .forEachRemaining(
            e ->
                assertThat(e.getValue().asText().replace("{{context.patientId}}", ""))
                    .as("only the context.patientId token: " + e.getKey())
                    .doesNotContain("{{"));
  }

  // ------------------------------------------------------------------ official examples

  static Stream<Path> officialRequests() throws IOException {
    Path dir = SharedData.require("cds-hooks").resolve("extracted_json");
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith("_request.json"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("officialRequests")
  void officialExampleRequestsGetTheStatusTheSpecCallsFor(Path file) throws Exception {
    JsonNode request = JSON.readTree(file.toFile());
    Answer a = post("/cds-services/trial-matching", request.toString());
    boolean patientView =
        "patient-view".equals(request.path("hook").asText())
            && request.path("context").has("patientId")
            && request.path("context").has("userId");
    if (patientView) {
      // the examples' fhirServer hosts are not reachable and their prefetch lacks our keys
      assertThat(a.status).as(a.body).isIn(200, 412);
      if (a.status == 200) {
        CdsResponseShape.assertValid(a.json);
      }
    } else {
      assertThat(a.status).as(a.body).isEqualTo(400);
    }
    assertThat(a.json.path("message").asText()).doesNotContain("Exception");
  }

  static Stream<Path> officialResponses() throws IOException {
    Path dir = SharedData.require("cds-hooks").resolve("extracted_json");
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith("_response.json"))
          .sorted()
          .toList()
          .stream();
    }
  }

  /**
   * The shape checker accepts the spec's own responses, except two it must catch: the quickstart's
   * {@code "indicator": "success"} (a CDS Hooks 1.0 value) and an excerpt without an indicator.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("officialResponses")
  void shapeCheckerAcceptsTheOfficialResponsesAndCatchesTheNonConformingOnes(Path file)
      throws Exception {
    JsonNode response = JSON.readTree(file.toFile());
    String name = file.getFileName().toString();
    if (name.equals("quickstart_02_response.json")
        || name.equals("specification_current_20_response.json")) {
      assertThatThrownBy(() -> CdsResponseShape.assertValid(response))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("indicator");
    } else {
      CdsResponseShape.assertValid(response);
    }
  }

  // ------------------------------------------------------------------ seed scenarios

  static Stream<String> scenarios() throws IOException {
    try (InputStream in = CdsHooksIT.class.getResourceAsStream(SEEDS)) {
      Path dir = Path.of(CdsHooksIT.class.getResource(SEEDS).getPath());
      try (Stream<Path> files = Files.list(dir)) {
        return files
            .map(f -> f.getFileName().toString())
            .filter(n -> n.endsWith(".json"))
            .map(n -> n.substring(0, n.length() - ".json".length()))
            .sorted()
            .toList()
            .stream();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void seedPatientGetsTheCardItsExpectationsCallFor(String scenario) throws Exception {
    String trialId = scenario.substring(0, scenario.indexOf('-'));
    Map<String, String> expected = expected(scenario);
    Bundle bundle = seedBundle(scenario);
    Answer a = post("/cds-services/trial-matching", request("p", prefetch(bundle)).toString());
    assertThat(a.status).as(a.body).isEqualTo(200);
    CdsResponseShape.assertValid(a.json);
    JsonNode card = cardFor(a.json, trialId);
    String verdict = expected.remove("verdict");
    if (verdict.equals("INELIGIBLE")) {
      assertThat(card).as("no card for a trial the patient is ineligible for").isNull();
      return;
    }
    assertThat(card).as("card for " + trialId).isNotNull();
    assertThat(card.get("summary").asText()).contains(trialId);
    assertThat(card.get("indicator").asText()).isEqualTo("info");
    Map<String, List<String>> sections = sections(card.get("detail").asText());
    SoftAssertions soft = new SoftAssertions();
    expected.forEach(
        (id, outcome) -> {
          boolean exclusion = id.startsWith("exc-");
          String section =
              outcome.equals("UNKNOWN")
                  ? CriteriaMarkdown.UNKNOWN_HEADING
                  : outcome.equals(exclusion ? "NOT_MET" : "MET")
                      ? CriteriaMarkdown.MET_HEADING
                      : CriteriaMarkdown.NOT_MET_HEADING;
          soft.assertThat(sections.getOrDefault(section, List.of()))
              .as(scenario + " " + id + " " + outcome + " under " + section)
              .contains(id);
        });
    soft.assertAll();
  }

  @Test
  void eligibleCardLinksToTheRegistryTheServerAndTheSmartAppAndSuggestsAResearchSubject()
      throws Exception {
    Answer a =
        post(
            "/cds-services/trial-matching",
            request("p", prefetch(seedBundle("NCT06178198-eligible"))).toString());
    JsonNode card = cardFor(a.json, "NCT06178198");
    assertThat(card.get("uuid").asText()).isNotBlank();
    List<String> urls = new ArrayList<>();
    card.get("links").forEach(l -> urls.add(l.get("type").asText() + " " + l.get("url").asText()));
    assertThat(urls)
        .contains(
            "absolute https://clinicaltrials.gov/study/NCT06178198",
            "absolute http://localhost:" + port + "/fhir/r4/ResearchStudy/NCT06178198",
            "smart https://apps.example.org/trial-screening/launch");
    JsonNode smart = card.get("links").get(2);
    assertThat(JSON.readTree(smart.get("appContext").asText()).get("nctId").asText())
        .isEqualTo("NCT06178198");
    JsonNode action = card.get("suggestions").get(0).get("actions").get(0);
    assertThat(action.get("type").asText()).isEqualTo("create");
    JsonNode rs = action.get("resource");
    assertThat(rs.get("resourceType").asText()).isEqualTo("ResearchSubject");
    assertThat(rs.get("status").asText()).isEqualTo("candidate");
    assertThat(rs.at("/individual/reference").asText()).isEqualTo("Patient/p");
    assertThat(rs.at("/study/reference").asText())
        .isEqualTo("http://localhost:" + port + "/fhir/r4/ResearchStudy/NCT06178198");
    // the served study exists at that URL
    Answer study = get("/fhir/r4/ResearchStudy/NCT06178198");
    assertThat(study.status).isEqualTo(200);
  }

  @Test
  void unknownCriteriaSayWhatDataWouldSettleThem() throws Exception {
    Answer a =
        post(
            "/cds-services/trial-matching",
            request("p", prefetch(seedBundle("NCT06178198-missing-ecog"))).toString());
    JsonNode card = cardFor(a.json, "NCT06178198");
    assertThat(card).isNotNull();
    String detail = card.get("detail").asText();
    assertThat(detail).contains("Possibly eligible");
    String unknown = detail.substring(detail.indexOf(CriteriaMarkdown.UNKNOWN_HEADING));
    assertThat(unknown)
        .containsPattern("`inc-8`: ECOG[^\n]*\\*needs:\\* no ECOG performance status[^\n]*89247-1");
  }

  // ------------------------------------------------------------------ request errors

  @Test
  void rejectsMalformedJsonWithAClearMessage() throws Exception {
    Answer a = post("/cds-services/trial-matching", "{\"hook\": \"patient-view\", ");
    assertThat(a.status).isEqualTo(400);
    assertThat(a.json.get("message").asText()).contains("not valid JSON");
  }

  @Test
  void rejectsRequestsMissingRequiredFields() throws Exception {
    ObjectNode noPatient = request("p", JSON.createObjectNode());
    ((ObjectNode) noPatient.get("context")).remove("patientId");
    assertBadRequest(noPatient, "patientId is required");
    ObjectNode noUser = request("p", JSON.createObjectNode());
    ((ObjectNode) noUser.get("context")).remove("userId");
    assertBadRequest(noUser, "userId is required");
    assertBadRequest(request("p", JSON.createObjectNode()).put("hookInstance", "abc"), "UUID");
    assertBadRequest(request("p", JSON.createObjectNode()).put("hook", "order-sign"), "hook");
  }

  @Test
  void answers412WhenDataIsNeitherPrefetchedNorFetchable() throws Exception {
    Answer a = post("/cds-services/trial-matching", request("p", null).toString());
    assertThat(a.status).isEqualTo(412);
    assertThat(a.json.get("message").asText()).contains("no fhirServer");
  }

  @Test
  void unknownServiceIs404() throws Exception {
    Answer a = post("/cds-services/nope", request("p", null).toString());
    assertThat(a.status).isEqualTo(404);
  }

  // ------------------------------------------------------------------ fetching from the EHR

  @Test
  void fetchesMissingDataFromFhirServerWithTheBearerToken() throws Exception {
    try (EhrStandIn ehr = ehr(seedBundle("NCT06178198-eligible"))) {
      ObjectNode req = request("p", null);
      req.put("fhirServer", ehr.base());
      req.putObject("fhirAuthorization")
          .put("access_token", "secret-token-123")
          .put("token_type", "Bearer")
          .put("expires_in", 300)
          .put("scope", "user/*.read")
          .put("subject", "trial-matching");
      Answer a = post("/cds-services/trial-matching", req.toString());
      assertThat(a.status).as(a.body).isEqualTo(200);
      CdsResponseShape.assertValid(a.json);
      assertThat(cardFor(a.json, "NCT06178198")).isNotNull();
      assertThat(ehr.authorizations).isNotEmpty().allMatch("Bearer secret-token-123"::equals);
      assertThat(ehr.requests).anyMatch(r -> r.startsWith("/fhir/Patient/p"));
      assertThat(ehr.requests).anyMatch(r -> r.contains("_getpages")); // followed a next link
    }
  }

  @Test
  void usesPrefetchWhereGivenAndFetchesTheRest() throws Exception {
    Bundle bundle = seedBundle("NCT06178198-eligible");
    try (EhrStandIn ehr = ehr(bundle)) {
      ObjectNode prefetch = prefetch(bundle);
      prefetch.remove("labs");
      prefetch.putNull("procedures");
      ObjectNode req = request("p", prefetch);
      req.put("fhirServer", ehr.base());
      Answer a = post("/cds-services/trial-matching", req.toString());
      assertThat(a.status).as(a.body).isEqualTo(200);
      assertThat(ehr.requests).anyMatch(r -> r.startsWith("/fhir/Observation"));
      assertThat(ehr.requests).noneMatch(r -> r.startsWith("/fhir/Patient"));
      assertThat(ehr.authorizations).allMatch(String::isEmpty); // no fhirAuthorization sent
    }
  }

  /** A condition on a page never read could be an exclusion: a cut-off list is not used. */
  @Test
  void answers412WhenAnUnsortedSearchExceedsThePageLimit() throws Exception {
    Bundle bundle = seedBundle("NCT06178198-eligible");
    for (int i = 0; i < 3 * EhrStandIn.PAGE_SIZE + 1; i++) {
      Condition c = new Condition();
      c.setSubject(new Reference("Patient/p"));
      c.getCode().setText("Seasonal allergy " + i);
      bundle.addEntry().setResource(c);
    }
    try (EhrStandIn ehr = ehr(bundle)) {
      ObjectNode req = request("p", null);
      req.put("fhirServer", ehr.base());
      Answer a = post("/cds-services/trial-matching", req.toString());
      assertThat(a.status).as(a.body).isEqualTo(412);
      assertThat(a.json.get("message").asText())
          .contains("prefetch 'conditions'")
          .contains("more than 3 pages");
    }
  }

  @Test
  void answers412WhenTheEhrDoesNotKnowThePatient() throws Exception {
    try (EhrStandIn ehr = ehr(seedBundle("NCT06178198-eligible"))) {
      ObjectNode req = request("nobody", null);
      req.put("fhirServer", ehr.base());
      Answer a = post("/cds-services/trial-matching", req.toString());
      assertThat(a.status).isEqualTo(412);
      assertThat(a.json.get("message").asText()).contains("Patient/nobody was not found");
    }
  }

  @Test
  void answers412WhenTheEhrIsTooSlow() throws Exception {
    try (EhrStandIn ehr = ehr(seedBundle("NCT06178198-eligible"))) {
      ObjectNode req = request(EhrStandIn.SLOW_PATIENT, null);
      req.put("fhirServer", ehr.base());
      long start = System.nanoTime();
      Answer a = post("/cds-services/trial-matching", req.toString());
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(a.status).isEqualTo(412);
      assertThat(a.json.get("message").asText()).contains("did not answer in time");
      assertThat(millis).isLessThan(EhrStandIn.SLOW_MILLIS);
    }
  }

  @Test
  void neverSendsTheTokenToAServerNotOnTheAllowList() throws Exception {
    try (EhrStandIn other = new EhrStandIn(seedBundle("NCT06178198-eligible"))) {
      ObjectNode req = request("p", null);
      req.put("fhirServer", other.base());
      req.putObject("fhirAuthorization").put("access_token", "secret-token-123");
      Answer a = post("/cds-services/trial-matching", req.toString());
      assertThat(a.status).as(a.body).isEqualTo(412);
      assertThat(a.json.get("message").asText())
          .contains("not on this service's allow-list")
          .contains("fhirtrials.cds.fetch.allowed-servers");
      assertThat(other.requests).isEmpty();
    }
  }

  @Test
  void doesNotFollowARedirectWithTheToken() throws Exception {
    try (EhrStandIn ehr = ehr(seedBundle("NCT06178198-eligible"));
        EhrStandIn elsewhere = new EhrStandIn(seedBundle("NCT06178198-eligible"))) {
      ehr.redirectTo = elsewhere.base();
      ObjectNode req = request(EhrStandIn.MOVED_PATIENT, null);
      req.put("fhirServer", ehr.base());
      req.putObject("fhirAuthorization").put("access_token", "secret-token-123");
      Answer a = post("/cds-services/trial-matching", req.toString());
      assertThat(a.status).as(a.body).isEqualTo(412);
      assertThat(ehr.requests).anyMatch(r -> r.endsWith("/Patient/" + EhrStandIn.MOVED_PATIENT));
      assertThat(elsewhere.requests).as("the redirect target was never called").isEmpty();
    }
  }

  @Test
  void rejectsAFhirServerWithUserInfo() throws Exception {
    ObjectNode req = request("p", null);
    req.put("fhirServer", "http://attacker@127.0.0.1:" + EHR_PORT + "/fhir");
    assertBadRequest(req, "user info");
  }

  // ------------------------------------------------------------------ feedback

  @Test
  void storesFeedbackForIssuedCardsAndRejectsUnknownCards() throws Exception {
    Answer a =
        post(
            "/cds-services/trial-matching",
            request("p", prefetch(seedBundle("NCT06779461-eligible"))).toString());
    JsonNode card = cardFor(a.json, "NCT06779461");
    String uuid = card.get("uuid").asText();
    String suggestion = card.get("suggestions").get(0).get("uuid").asText();
    String accepted =
        "{\"feedback\":[{\"card\":\""
            + uuid
            + "\",\"outcome\":\"accepted\",\"acceptedSuggestions\":[{\"id\":\""
            + suggestion
            + "\"}],\"outcomeTimestamp\":\"2026-11-01T12:05:00Z\"}]}";
    assertThat(post("/cds-services/trial-matching/feedback", accepted).status).isEqualTo(200);
    String overridden =
        "{\"feedback\":[{\"card\":\""
            + uuid
            + "\",\"outcome\":\"overridden\",\"overrideReason\":{\"reason\":{\"code\":\"not-now\","
            + "\"system\":\"http://example.org/reasons\",\"display\":\"Not now\"},"
            + "\"userComment\":\"later\"},\"outcomeTimestamp\":\"2026-11-01T12:06:00Z\"}]}";
    assertThat(post("/cds-services/trial-matching/feedback", overridden).status).isEqualTo(200);

    String unknown =
        "{\"feedback\":[{\"card\":\""
            + UUID.randomUUID()
            + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-11-01T12:06:00Z\"}]}";
    Answer bad = post("/cds-services/trial-matching/feedback", unknown);
    assertThat(bad.status).isEqualTo(400);
    assertThat(bad.json.get("message").asText()).contains("not a card this service issued");

    Answer export = get("/cds-services/trial-matching/feedback");
    assertThat(export.status).isEqualTo(200);
    List<JsonNode> mine = new ArrayList<>();
    export
        .json
        .get("feedback")
        .forEach(
            f -> {
              if (f.get("card").asText().equals(uuid)) {
                mine.add(f);
              }
            });
    assertThat(mine)
        .extracting(f -> f.get("outcome").asText())
        .containsExactly("accepted", "overridden");
    assertThat(mine.get(0).get("trialId").asText()).isEqualTo("NCT06779461");
    assertThat(mine.get(1).at("/overrideReason/userComment").asText()).isEqualTo("later");
    assertThat(mine.get(1).get("outcomeTimestamp").asText()).isEqualTo("2026-11-01T12:06:00Z");
  }

  // ------------------------------------------------------------------ helpers

  static Bundle seedBundle(String scenario) {
    try (InputStream in = CdsHooksIT.class.getResourceAsStream(SEEDS + scenario + ".json")) {
      return R4.newJsonParser().parseResource(Bundle.class, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bundle's resources under the service's prefetch keys, as an EHR would send them. */
  static ObjectNode prefetch(Bundle bundle) throws IOException {
    Map<String, Bundle> byKey = new LinkedHashMap<>();
    ObjectNode prefetch = JSON.createObjectNode();
    for (String key : PrefetchTemplates.all().keySet()) {
      if (!key.equals(PrefetchTemplates.PATIENT)) {
        byKey.put(key, new Bundle().setType(Bundle.BundleType.SEARCHSET));
      }
    }
    for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
      String type = e.getResource().fhirType();
      String key =
          switch (type) {
            case "Patient" -> PrefetchTemplates.PATIENT;
            case "Condition" -> PrefetchTemplates.CONDITIONS;
            case "Procedure" -> PrefetchTemplates.PROCEDURES;
            case "MedicationStatement" -> PrefetchTemplates.MEDICATION_STATEMENTS;
            case "MedicationRequest", "Medication" -> PrefetchTemplates.MEDICATION_REQUESTS;
            default -> PrefetchTemplates.LABS; // Observations: one search is enough here
          };
      if (key.equals(PrefetchTemplates.PATIENT)) {
        prefetch.set(
            key, JSON.readTree(R4.newJsonParser().encodeResourceToString(e.getResource())));
      } else {
        byKey.get(key).addEntry().setResource(e.getResource());
      }
    }
    for (Map.Entry<String, Bundle> e : byKey.entrySet()) {
      Bundle b = e.getValue().setTotal(e.getValue().getEntry().size());
      prefetch.set(e.getKey(), JSON.readTree(R4.newJsonParser().encodeResourceToString(b)));
    }
    return prefetch;
  }

  static ObjectNode request(String patientId, ObjectNode prefetch) {
    ObjectNode r = JSON.createObjectNode();
    r.put("hook", "patient-view");
    r.put("hookInstance", UUID.randomUUID().toString());
    r.putObject("context").put("userId", "Practitioner/example").put("patientId", patientId);
    if (prefetch != null) {
      r.set("prefetch", prefetch);
    }
    return r;
  }

  static JsonNode cardFor(JsonNode response, String trialId) {
    for (JsonNode c : response.get("cards")) {
      if (c.get("summary").asText().contains(trialId)) {
        return c;
      }
    }
    return null;
  }

  /** Section heading → criterion ids listed under it. */
  static Map<String, List<String>> sections(String markdown) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    String current = null;
    for (String line : markdown.split("\n")) {
      if (line.startsWith("**")) {
        current = null;
        for (String h :
            List.of(
                CriteriaMarkdown.MET_HEADING,
                CriteriaMarkdown.NOT_MET_HEADING,
                CriteriaMarkdown.UNKNOWN_HEADING)) {
          if (line.startsWith("**" + h + " (")) {
            current = h;
          }
        }
      } else if (line.startsWith("- ") && current != null) {
        Matcher m = CRITERION_ID.matcher(line);
        if (m.find()) {
          out.computeIfAbsent(current, k -> new ArrayList<>()).add(m.group(1));
        }
      }
    }
    return out;
  }

  static Map<String, String> expected(String scenario) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in =
        CdsHooksIT.class.getResourceAsStream(SEEDS + scenario + ".expected.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        out.put(cols[0].trim(), cols[1].trim());
      }
    }
    return out;
  }

  private void assertBadRequest(ObjectNode request, String messagePart) throws Exception {
    Answer a = post("/cds-services/trial-matching", request.toString());
    assertThat(a.status).as(a.body).isEqualTo(400);
    assertThat(a.json.get("message").asText()).contains(messagePart);
  }

  record Answer(int status, String body, JsonNode json) {}

  Answer post(String path, String body) throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return answer(HTTP.send(r, HttpResponse.BodyHandlers.ofString()));
  }

  Answer get(String path) throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "application/json")
            .GET()
            .build();
    return answer(HTTP.send(r, HttpResponse.BodyHandlers.ofString()));
  }

  private static Answer answer(HttpResponse<String> r) throws IOException {
    String body = r.body();
    JsonNode json = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    return new Answer(r.statusCode(), body, json);
  }
}
