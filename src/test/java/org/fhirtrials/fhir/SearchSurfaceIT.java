package org.fhirtrials.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeSearchParam;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fhirtrials.store.TrialStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The search surface over raw HTTP on both bases: parameters, modifiers, prefixes, includes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchSurfaceIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired TrialStore store;

  @BeforeEach
  void loadFixtures() {
    store.save(TrialFixtures.recruitingHccPhase2());
    store.save(TrialFixtures.completedAsthmaPhase3());
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void tokenModifiersTextNotAndMissing(String base) throws Exception {
    assertThat(ids(base, "ResearchStudy?condition:text=carcinoma")).contains(TrialFixtures.HCC);
    assertThat(ids(base, "ResearchStudy?condition:text=carcinoma"))
        .doesNotContain(TrialFixtures.ASTHMA);
    assertThat(ids(base, "ResearchStudy?condition:not=Asthma&_count=500"))
        .contains(TrialFixtures.HCC)
        .doesNotContain(TrialFixtures.ASTHMA);
    assertThat(ids(base, "ResearchStudy?phase:missing=false&_count=500"))
        .contains(TrialFixtures.HCC, TrialFixtures.ASTHMA);
    assertThat(ids(base, "ResearchStudy?recruitment-status=RECRUITING,COMPLETED&_count=500"))
        .contains(TrialFixtures.HCC, TrialFixtures.ASTHMA);
    assertThat(ids(base, "ResearchStudy?recruitment-status=RECRUITING&condition=Asthma")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void stringModifiersContainsAndExact(String base) throws Exception {
    assertThat(ids(base, "ResearchStudy?title:contains=placebo")).contains(TrialFixtures.HCC);
    assertThat(
            ids(base, "ResearchStudy?title:exact=" + TrialFixtures.recruitingHccPhase2().title()))
        .containsExactly(TrialFixtures.HCC);
    assertThat(
            ids(
                base,
                "ResearchStudy?title:exact="
                    + TrialFixtures.recruitingHccPhase2().title().toUpperCase()))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void chainedSiteCityAndSponsorName(String base) throws Exception {
    assertThat(ids(base, "ResearchStudy?site:Location.address-city=Lyon"))
        .containsExactly(TrialFixtures.HCC);
    assertThat(ids(base, "ResearchStudy?sponsor:Organization.name=Fixture Oncology"))
        .containsExactly(TrialFixtures.HCC);
    assertThat(ids(base, "ResearchStudy?site:Location.address-city=Shanghai&condition=Asthma"))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void nearFindsTrialsWithASiteWithinTheDistance(String base) throws Exception {
    assertThat(ids(base, "ResearchStudy?near=45.7|4.8|20|km&_sort=near"))
        .contains(TrialFixtures.HCC);
    assertThat(ids(base, "ResearchStudy?near=48.85|2.35|100|km")).doesNotContain(TrialFixtures.HCC);
    assertThat(ids(base, "Location?near=45.7|4.8|20|km")).isNotEmpty();
    assertThat(get(base, "ResearchStudy?near=north").statusCode()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void fullTextCoversTitlesConditionsAndCriteria(String base) throws Exception {
    assertThat(ids(base, "ResearchStudy?_text=sorafenib placebo"))
        .containsExactly(TrialFixtures.HCC);
    assertThat(ids(base, "ResearchStudy?_content=PREGNANCY&_sort=_score"))
        .contains(TrialFixtures.HCC);
    assertThat(ids(base, "ResearchStudy?_text=sorafenib asthma")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void datePrefixesOnTheStudyPeriod(String base) throws Exception {
    int all = ids(base, "ResearchStudy?_count=500").size();
    int after = ids(base, "ResearchStudy?date=ge1990&_count=500").size();
    int before = ids(base, "ResearchStudy?date=eb1990&_count=500").size();
    assertThat(after).isPositive().isLessThanOrEqualTo(all);
    assertThat(before).isZero();
    assertThat(get(base, "ResearchStudy?date=gtyesterday").statusCode()).isEqualTo(400);
    assertThat(get(base, "ResearchStudy?_lastUpdated=le2000-01-01").statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void sortsDescendingAndByTitle(String base) throws Exception {
    List<String> desc = ids(base, "ResearchStudy?_sort=-_id&_count=500");
    List<String> sorted = new ArrayList<>(desc);
    sorted.sort(java.util.Comparator.reverseOrder());
    assertThat(desc).isEqualTo(sorted);
    assertThat(
            ids(
                base,
                "ResearchStudy?_sort=title&_id=" + TrialFixtures.HCC + "," + TrialFixtures.ASTHMA))
        .containsExactly(TrialFixtures.ASTHMA, TrialFixtures.HCC);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void includesRevincludesAndIterate(String base) throws Exception {
    JsonNode b =
        bundle(base, "ResearchStudy?_id=" + TrialFixtures.HCC + "&_include=ResearchStudy:site");
    assertThat(types(b, "include")).contains("Location");
    b = bundle(base, "ResearchStudy?_id=" + TrialFixtures.HCC + "&_include=*");
    assertThat(types(b, "include")).contains("Location", "Organization", "PlanDefinition", "Group");
    b = bundle(base, "Location?address-city=Lyon&_revinclude=ResearchStudy:site");
    assertThat(types(b, "include")).contains("ResearchStudy");
    b =
        bundle(
            base,
            "Location?address-city=Lyon&_revinclude=ResearchStudy:site"
                + "&_include:iterate=ResearchStudy:protocol");
    assertThat(types(b, "include")).contains("ResearchStudy", "PlanDefinition");
    assertThat(get(base, "ResearchStudy?_include=ResearchStudy:title").statusCode()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void otherTypesAreSearchable(String base) throws Exception {
    assertThat(ids(base, "Organization?name=fixture oncology")).isNotEmpty();
    assertThat(ids(base, "Location?address-country=France&name=Fixture")).isNotEmpty();
    assertThat(ids(base, "PlanDefinition?_count=500")).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void lenientHandlingIgnoresUnknownParameters(String base) throws Exception {
    assertThat(get(base, "ResearchStudy?colour=blue").statusCode()).isEqualTo(400);
    HttpResponse<String> lenient =
        HTTP.send(
            HttpRequest.newBuilder(uri(base, "ResearchStudy?colour=blue"))
                .header("Prefer", "handling=lenient")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(lenient.statusCode()).isEqualTo(200);
  }

  /**
   * The CapabilityStatement tells the truth: every declared parameter and include answers 200; spec
   * parameters of a type that are not declared answer 400.
   */
  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void everyDeclaredFeatureWorksAndUndeclaredOnesAreRejected(String base) throws Exception {
    JsonNode cs = JSON.readTree(get(base, "metadata").body());
    FhirContext ctx = base.equals("r4") ? FhirContext.forR4Cached() : FhirContext.forR5Cached();
    int checked = 0;
    for (JsonNode resource : cs.path("rest").get(0).path("resource")) {
      String type = resource.path("type").asText();
      if (!FhirServerConfig.SERVED_TYPES.contains(type)) {
        continue; // HAPI's own OperationDefinition read, for the declared operations
      }
      Set<String> declared = new HashSet<>();
      for (JsonNode sp : resource.path("searchParam")) {
        String name = sp.path("name").asText();
        declared.add(name);
        String query = type + "?" + name + "=" + sample(sp.path("type").asText(), name);
        assertThat(get(base, query).statusCode()).as(query).isEqualTo(200);
        checked++;
      }
      for (String field : List.of("searchInclude", "searchRevInclude")) {
        String param = field.equals("searchInclude") ? "_include" : "_revinclude";
        for (JsonNode inc : resource.path(field)) {
          String query = type + "?" + param + "=" + inc.asText();
          assertThat(get(base, query).statusCode()).as(query).isEqualTo(200);
          checked++;
        }
      }
      for (RuntimeSearchParam sp : ctx.getResourceDefinition(type).getSearchParams()) {
        if (!declared.contains(sp.getName())) {
          String query = type + "?" + sp.getName() + "=x";
          assertThat(get(base, query).statusCode()).as("undeclared " + query).isEqualTo(400);
        }
      }
    }
    assertThat(checked).isGreaterThan(50);
  }

  private static String sample(String type, String name) {
    return switch (type) {
      case "date" -> "ge2000";
      case "number" -> "ge1";
      case "special" -> "45.7|4.8|50|km";
      default -> name.equals("_id") ? TrialFixtures.HCC : "fixture";
    };
  }

  private List<String> ids(String base, String query) throws Exception {
    List<String> ids = new ArrayList<>();
    bundle(base, query)
        .path("entry")
        .forEach(
            e -> {
              if (e.path("search").path("mode").asText("match").equals("match")) {
                ids.add(e.path("resource").path("id").asText());
              }
            });
    return ids;
  }

  private static List<String> types(JsonNode bundle, String mode) {
    List<String> out = new ArrayList<>();
    bundle
        .path("entry")
        .forEach(
            e -> {
              if (e.path("search").path("mode").asText().equals(mode)) {
                out.add(e.path("resource").path("resourceType").asText());
              }
            });
    return out;
  }

  private JsonNode bundle(String base, String query) throws Exception {
    HttpResponse<String> r = get(base, query);
    assertThat(r.statusCode()).as(query + " -> " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private HttpResponse<String> get(String base, String query) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(base, query)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String base, String query) {
    int q = query.indexOf('?');
    String path = q < 0 ? query : query.substring(0, q);
    StringBuilder sb = new StringBuilder("http://localhost:" + port + "/fhir/" + base + "/" + path);
    if (q >= 0) {
      sb.append('?');
      for (String pair : query.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        sb.append(pair, 0, eq + 1)
            .append(URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8))
            .append('&');
      }
    }
    return URI.create(sb.toString());
  }
}
