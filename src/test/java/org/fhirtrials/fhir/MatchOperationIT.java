package org.fhirtrials.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.fhirtrials.match.MatchOperation;
import org.fhirtrials.match.MatchResult;
import org.fhirtrials.store.TrialStore;
import org.hl7.fhir.convertors.factory.VersionConvertorFactory_40_50;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code ResearchStudy/$match} over real HTTP on both bases: the hand-built seed patients get the
 * verdict and per-criterion outcomes of their {@code *.expected.tsv}, filters narrow the result,
 * and bad input is a 400 OperationOutcome. Judged as of the date the sidecars were written for.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "fhirtrials.match.as-of=2026-11-01")
class MatchOperationIT {
  private static final FhirContext R4 = FhirContext.forR4Cached();
  private static final FhirContext R5 = FhirContext.forR5Cached();
  private static final String TRIAL = "NCT06310590";

  @LocalServerPort int port;
  @Autowired TrialStore store;

  @BeforeEach
  void loadFixture() {
    store.save(TrialFixtures.recruitingHccPhase2());
  }

  // ------------------------------------------------------------------ verdicts

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "NCT06310590-eligible",
        "NCT06310590-ineligible-platelets",
        "NCT06310590-excluded-hiv",
        "NCT06310590-missing-labs",
        "NCT06178198-eligible",
        "NCT06178198-ineligible-ecog",
        "NCT07334483-excluded-qtcf",
        "NCT05233358-missing-labs"
      })
  void r4SeedPatientsGetTheExpectedVerdictWithEveryCriterionExplained(String scenario) {
    Bundle result = matchR4(params(patient(scenario)).addParameter("includeIneligible", true));
    assertExplained(scenario, entry(result, trialOf(scenario)));
  }

  @Test
  void r5PatientGetsTheSameAnswerAsR4() {
    String scenario = "NCT06310590-ineligible-platelets";
    org.hl7.fhir.r5.model.Bundle r5Patient =
        (org.hl7.fhir.r5.model.Bundle)
            VersionConvertorFactory_40_50.convertResource(patient(scenario));
    org.hl7.fhir.r5.model.Parameters in = new org.hl7.fhir.r5.model.Parameters();
    in.addParameter().setName(MatchOperation.CLINICAL_DATA).setResource(r5Patient);
    in.addParameter(MatchOperation.INCLUDE_INELIGIBLE, true);
    org.hl7.fhir.r5.model.Bundle result =
        client(R5, "r5")
            .operation()
            .onType("ResearchStudy")
            .named(MatchOperation.NAME)
            .withParameters(in)
            .returnResourceType(org.hl7.fhir.r5.model.Bundle.class)
            .execute();

    var entry =
        result.getEntry().stream()
            .filter(e -> e.getResource().getIdPart().equals(TRIAL))
            .findFirst()
            .orElseThrow();
    assertThat(entry.getResource()).isInstanceOf(org.hl7.fhir.r5.model.ResearchStudy.class);
    assertThat(entry.getSearch().getMode().toCode()).isEqualTo("match");
    // Same extension on both bases: compare through the R4 form.
    Bundle.BundleEntryComponent asR4 = new Bundle.BundleEntryComponent();
    asR4.setResource(new ResearchStudy());
    asR4.getSearch()
        .setScore(entry.getSearch().getScore())
        .addExtension(
            (Extension)
                VersionConvertorFactory_40_50.convertType(
                    entry.getSearch().getExtensionByUrl(MatchResult.URL)));
    assertExplained(scenario, asR4);
  }

  // ------------------------------------------------------------------ result shape

  @Test
  void ineligibleTrialsAreLeftOutUnlessAsked() {
    Parameters in = params(patient("NCT06310590-ineligible-platelets"));
    assertThat(ids(matchR4(in))).doesNotContain(TRIAL);
    assertThat(ids(matchR4(in.addParameter("includeIneligible", true)))).contains(TRIAL);
  }

  @Test
  void resultIsARankedSearchsetOfServedStudies() {
    Bundle result = matchR4(params(patient("NCT06310590-eligible")));

    assertThat(result.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
    assertThat(result.getTotal()).isEqualTo(result.getEntry().size());
    assertThat(verdict(entry(result, TRIAL))).isEqualTo("eligible");
    List<String> verdicts = result.getEntry().stream().map(e -> verdict(e)).toList();
    assertThat(verdicts).doesNotContain("ineligible");
    assertThat(verdicts.lastIndexOf("eligible"))
        .as("eligible trials before possibly eligible ones: " + verdicts)
        .isLessThan(
            verdicts.contains("possibly-eligible")
                ? verdicts.indexOf("possibly-eligible")
                : Integer.MAX_VALUE);
    for (int i = 1; i < verdicts.size(); i++) {
      if (verdicts.get(i).equals(verdicts.get(i - 1))) {
        assertThat(result.getEntry().get(i).getSearch().getScore())
            .as("score order within a verdict")
            .isLessThanOrEqualTo(result.getEntry().get(i - 1).getSearch().getScore());
      }
    }
    for (Bundle.BundleEntryComponent e : result.getEntry()) {
      assertThat(e.getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.MATCH);
      assertThat(e.getFullUrl()).endsWith("/fhir/r4/ResearchStudy/" + e.getResource().getIdPart());
      ResearchStudy served =
          client(R4, "r4")
              .read()
              .resource(ResearchStudy.class)
              .withId(e.getResource().getIdPart())
              .execute();
      assertThat(((ResearchStudy) e.getResource()).getTitle()).isEqualTo(served.getTitle());
    }
  }

  @Test
  void countLimitsTheEntriesButNotTheTotal() {
    Bundle result =
        matchR4(params(patient("NCT06310590-eligible")).addParameter("_count", new IntegerType(1)));
    assertThat(result.getEntry()).hasSize(1);
    assertThat(result.getTotal()).isGreaterThan(1);
  }

  // ------------------------------------------------------------------ filters

  @Test
  void phaseFilterKeepsOnlyThatServedPhase() {
    Bundle result =
        matchR4(
            params(patient("NCT06310590-eligible"))
                .addParameter(MatchOperation.PHASE, "phase-2")
                .addParameter("includeIneligible", true));
    assertThat(ids(result)).isNotEmpty().doesNotContain(TRIAL);
    assertThat(result.getEntry())
        .allSatisfy(
            e ->
                assertThat(
                        ((ResearchStudy) e.getResource()).getPhase().getCodingFirstRep().getCode())
                    .isEqualTo("phase-2"));
  }

  @Test
  void recruitmentStatusAcceptsBaseAndRegistryCodes() {
    Parameters r4Code =
        params(patient("NCT06310590-eligible"))
            .addParameter(MatchOperation.RECRUITMENT_STATUS, "closed-to-accrual")
            .addParameter("includeIneligible", true);
    assertThat(ids(matchR4(r4Code))).containsExactly(TRIAL);

    Parameters registry =
        params(patient("NCT06310590-eligible"))
            .addParameter(MatchOperation.RECRUITMENT_STATUS, "RECRUITING")
            .addParameter("includeIneligible", true);
    assertThat(ids(matchR4(registry)))
        .contains(TrialFixtures.HCC, "NCT06178198", "NCT07334483")
        .doesNotContain(TRIAL);
  }

  @Test
  void nearWithRadiusKeepsTrialsWithASiteInReachAndReportsTheDistance() {
    // About 12 km from the fixture's site in Lyon (45.75, 4.85).
    Parameters near =
        params(patient("NCT06310590-eligible"))
            .addParameter(MatchOperation.NEAR, "45.85|4.80")
            .addParameter(MatchOperation.TRAVEL_RADIUS, "10|mi")
            .addParameter("includeIneligible", true);
    Bundle result = matchR4(near);
    assertThat(ids(result)).containsExactly(TrialFixtures.HCC);
    Extension ext = result.getEntryFirstRep().getSearch().getExtensionByUrl(MatchResult.URL);
    var distance =
        (org.hl7.fhir.r4.model.Quantity) ext.getExtensionByUrl(MatchResult.DISTANCE).getValue();
    assertThat(distance.getValue().doubleValue()).isBetween(11.0, 13.0);
    assertThat(distance.getCode()).isEqualTo("km");
    assertThat(
            ((org.hl7.fhir.r4.model.Reference)
                    ext.getExtensionByUrl(MatchResult.NEAREST_SITE).getValue())
                .getReference())
        .isEqualTo("Location/" + TrialFixtures.HCC + "-site-1");

    Parameters tooFar =
        params(patient("NCT06310590-eligible"))
            .addParameter(MatchOperation.NEAR, "45.85|4.80")
            .addParameter(MatchOperation.TRAVEL_RADIUS, "5")
            .addParameter("includeIneligible", true);
    assertThat(ids(matchR4(tooFar))).isEmpty();
  }

  // ------------------------------------------------------------------ bad input

  @Test
  void missingBundleIs400() {
    Parameters in = new Parameters().addParameter(MatchOperation.PHASE, "phase-1");
    assertRejected(in, MatchOperation.CLINICAL_DATA);
  }

  @Test
  void bundleWithoutPatientIs400() {
    Bundle noPatient = patient("NCT06310590-eligible");
    noPatient.getEntry().removeIf(e -> e.getResource().fhirType().equals("Patient"));
    assertRejected(params(noPatient), "Patient");
  }

  @Test
  void unknownLabUnitIs400NamingTheObservation() {
    Bundle b = patient("NCT06310590-eligible");
    var obs =
        b.getEntry().stream()
            .map(Bundle.BundleEntryComponent::getResource)
            .filter(org.hl7.fhir.r4.model.Observation.class::isInstance)
            .map(org.hl7.fhir.r4.model.Observation.class::cast)
            .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("777-3"))
            .findFirst()
            .orElseThrow();
    obs.getValueQuantity().setCode("furlong").setUnit("furlong");
    assertRejected(params(b), "Observation/" + obs.getIdPart());
  }

  @Test
  void malformedNearZipCodeAndUnknownCodesAre400() {
    assertRejected(
        params(patient("NCT06310590-eligible")).addParameter(MatchOperation.NEAR, "north"), "near");
    assertRejected(
        params(patient("NCT06310590-eligible")).addParameter(MatchOperation.NEAR, "95|10"),
        "latitude");
    assertRejected(
        params(patient("NCT06310590-eligible")).addParameter(MatchOperation.ZIP_CODE, "02115"),
        "zipCode is not supported");
    assertRejected(
        params(patient("NCT06310590-eligible")).addParameter(MatchOperation.TRAVEL_RADIUS, "10"),
        "travelRadius needs near");
    assertRejected(
        params(patient("NCT06310590-eligible"))
            .addParameter(MatchOperation.NEAR, "45|4")
            .addParameter(MatchOperation.TRAVEL_RADIUS, "10|furlong"),
        "km or mi");
    assertRejected(
        params(patient("NCT06310590-eligible")).addParameter(MatchOperation.PHASE, "phase-9"),
        "phase-9");
    assertRejected(
        params(patient("NCT06310590-eligible"))
            .addParameter(MatchOperation.RECRUITMENT_STATUS, "recruiting"),
        "unknown status 'recruiting'");
  }

  @Test
  void malformedDateInRawJsonIs400NotA500() throws Exception {
    String json =
        parametersJson("NCT06310590-eligible").replace("\"1982-05-10\"", "\"1982-13-45\"");
    HttpResponse<String> r = postRaw("r4", json);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("OperationOutcome").contains("1982-13-45");
  }

  @Test
  void malformedResourceJsonIs400NotA500() throws Exception {
    String broken =
        parametersJson("NCT06310590-eligible")
            .replace("\"gender\": \"female\"", "\"gender\": \"femme\"");
    HttpResponse<String> badCode = postRaw("r4", broken);
    assertThat(badCode.statusCode()).isEqualTo(400);
    assertThat(badCode.body()).contains("OperationOutcome").contains("femme");

    HttpResponse<String> truncated =
        postRaw("r4", parametersJson("NCT06310590-eligible").substring(0, 500));
    assertThat(truncated.statusCode()).isEqualTo(400);
    assertThat(truncated.body()).contains("OperationOutcome");
  }

  @Test
  void rawJsonPostOnR5Works() throws Exception {
    org.hl7.fhir.r5.model.Parameters in = new org.hl7.fhir.r5.model.Parameters();
    in.addParameter()
        .setName(MatchOperation.CLINICAL_DATA)
        .setResource(
            VersionConvertorFactory_40_50.convertResource(patient("NCT06310590-eligible")));
    HttpResponse<String> r = postRaw("r5", R5.newJsonParser().encodeResourceToString(in));
    assertThat(r.statusCode()).isEqualTo(200);
    org.hl7.fhir.r5.model.Bundle b =
        R5.newJsonParser().parseResource(org.hl7.fhir.r5.model.Bundle.class, r.body());
    var entry =
        b.getEntry().stream()
            .filter(e -> e.getResource().getIdPart().equals(TRIAL))
            .findFirst()
            .orElseThrow();
    assertThat(entry.getResource()).isInstanceOf(org.hl7.fhir.r5.model.ResearchStudy.class);
    assertThat(entry.getSearch().hasScore()).isTrue();
    assertThat(entry.getSearch().getExtensionByUrl(MatchResult.URL)).isNotNull();
  }

  // ------------------------------------------------------------------ capability statement

  @Test
  void bothCapabilityStatementsListTheOperationWithItsCanonical() throws Exception {
    CapabilityStatement cs =
        client(R4, "r4").capabilities().ofType(CapabilityStatement.class).execute();
    assertThat(
            cs.getRestFirstRep().getResource().stream()
                .filter(r -> r.getType().equals("ResearchStudy"))
                .flatMap(r -> r.getOperation().stream())
                .filter(o -> o.getName().equals(MatchOperation.CODE))
                .map(o -> o.getDefinition()))
        .containsExactly(MatchOperation.CANONICAL);
    HttpResponse<String> r5 =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base("r5") + "/metadata")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r5.body()).contains(MatchOperation.CANONICAL);
  }

  // ------------------------------------------------------------------ helpers

  private void assertExplained(String scenario, Bundle.BundleEntryComponent entry) {
    Map<String, String> expected = expected(scenario);
    Extension result = entry.getSearch().getExtensionByUrl(MatchResult.URL);
    assertThat(result).as("match-result on " + scenario).isNotNull();
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(verdict(entry))
        .as(scenario + " verdict")
        .isEqualTo(expected.remove("verdict").toLowerCase().replace('_', '-'));
    Map<String, Extension> criteria = new LinkedHashMap<>();
    for (Extension c : result.getExtensionsByUrl(MatchResult.CRITERION)) {
      criteria.put(string(c, MatchResult.ID), c);
      soft.assertThat(string(c, MatchResult.TEXT))
          .as("text of " + string(c, MatchResult.ID))
          .isNotBlank();
      String outcome = string(c, MatchResult.OUTCOME);
      if (outcome.equals("unknown")) {
        soft.assertThat(c.getExtensionByUrl(MatchResult.MISSING))
            .as("unknown " + string(c, MatchResult.ID) + " names what is missing")
            .isNotNull();
      }
    }
    for (var x : expected.entrySet()) {
      Extension c = criteria.get(x.getKey());
      soft.assertThat(c).as(scenario + " has criterion " + x.getKey()).isNotNull();
      if (c != null) {
        soft.assertThat(string(c, MatchResult.OUTCOME))
            .as(scenario + " " + x.getKey())
            .isEqualTo(x.getValue().toLowerCase().replace('_', '-'));
      }
    }
    soft.assertThat(
            criteria.values().stream()
                .filter(c -> !string(c, MatchResult.OUTCOME).equals("unknown"))
                .filter(c -> !c.getExtensionsByUrl(MatchResult.EVIDENCE).isEmpty())
                .count())
        .as(scenario + ": decided criteria cite evidence")
        .isPositive();
    soft.assertAll();
    assertThat(entry.getSearch().getScore()).isNotNull();
  }

  private static String verdict(Bundle.BundleEntryComponent e) {
    return string(e.getSearch().getExtensionByUrl(MatchResult.URL), MatchResult.VERDICT);
  }

  private static String string(Extension ext, String part) {
    Extension p = ext.getExtensionByUrl(part);
    return p == null ? null : p.getValue().primitiveValue();
  }

  private void assertRejected(Parameters in, String messagePart) {
    assertThatThrownBy(() -> matchR4(in))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(messagePart);
  }

  private Bundle matchR4(Parameters in) {
    return client(R4, "r4")
        .operation()
        .onType(ResearchStudy.class)
        .named(MatchOperation.NAME)
        .withParameters(in)
        .returnResourceType(Bundle.class)
        .execute();
  }

  private static Parameters params(Bundle patient) {
    Parameters p = new Parameters();
    p.addParameter().setName(MatchOperation.CLINICAL_DATA).setResource(patient);
    return p;
  }

  private static List<String> ids(Bundle b) {
    return b.getEntry().stream().map(e -> e.getResource().getIdPart()).toList();
  }

  private static Bundle.BundleEntryComponent entry(Bundle b, String trial) {
    Optional<Bundle.BundleEntryComponent> e =
        b.getEntry().stream().filter(x -> x.getResource().getIdPart().equals(trial)).findFirst();
    assertThat(e).as(trial + " in the result").isPresent();
    return e.get();
  }

  private static String trialOf(String scenario) {
    return scenario.substring(0, scenario.indexOf('-'));
  }

  static Bundle patient(String scenario) {
    return R4.newJsonParser()
        .parseResource(Bundle.class, text("/patients/seeds/" + scenario + ".json"));
  }

  private static String parametersJson(String scenario) {
    return R4.newJsonParser()
        .setPrettyPrint(true)
        .encodeResourceToString(params(patient(scenario)));
  }

  static Map<String, String> expected(String scenario) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text("/patients/seeds/" + scenario + ".expected.tsv").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      out.put(f[0].trim(), f[1].trim());
    }
    return out;
  }

  private static String text(String resource) {
    try (InputStream in = MatchOperationIT.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String base(String version) {
    return "http://localhost:" + port + "/fhir/" + version;
  }

  private IGenericClient client(FhirContext ctx, String version) {
    ctx.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    return ctx.newRestfulGenericClient(base(version));
  }

  private HttpResponse<String> postRaw(String version, String json) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(base(version) + "/ResearchStudy/$match"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
