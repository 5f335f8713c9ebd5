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
import java.util.Map;
import java.util.Set;
import org.fhirtrials.mapping.FhirUrls;
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
    TrialFixtures.pagingSet().forEach(store::save);
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

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void summaryModesShapeTheEntries(String base) throws Exception {
    String one = "ResearchStudy?_id=" + TrialFixtures.HCC;
    JsonNode count = bundle(base, one + "&_summary=count");
    assertThat(count.path("total").asInt()).isEqualTo(1);
    assertThat(count.path("entry")).isEmpty();
    FhirContext ctx = base.equals("r4") ? FhirContext.forR4Cached() : FhirContext.forR5Cached();
    var definition = ctx.getResourceDefinition("ResearchStudy");
    JsonNode full = study(bundle(base, one + "&_summary=false"));
    List<String> notSummary = new ArrayList<>();
    full.fieldNames()
        .forEachRemaining(
            f -> {
              var child = definition.getChildByName(f);
              if (child != null && !child.isSummary() && !f.equals("text")) {
                notSummary.add(f);
              }
            });
    assertThat(notSummary).as("the fixture has non-summary elements").isNotEmpty();
    JsonNode summary = study(bundle(base, one + "&_summary=true"));
    assertThat(summary.has("identifier")).isTrue();
    assertThat(summary.has("text")).isFalse();
    notSummary.forEach(f -> assertThat(summary.has(f)).as(f).isFalse());
    assertThat(summary.path("meta").path("tag").toString()).contains("SUBSETTED");
    // the mapped resources carry no narrative: _summary=text keeps only id, meta and mandatory ones
    JsonNode text = study(bundle(base, one + "&_summary=text"));
    assertThat(text.path("id").asText()).isEqualTo(TrialFixtures.HCC);
    assertThat(text.has("identifier")).isFalse();
    notSummary.forEach(f -> assertThat(text.has(f)).as(f).isFalse());
    JsonNode data = study(bundle(base, one + "&_summary=data"));
    assertThat(data.has("text")).isFalse();
    notSummary.forEach(f -> assertThat(data.has(f)).as(f).isTrue());
    assertThat(get(base, one + "&_summary=everything").statusCode()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void elementsKeepOnlyTheNamedElements(String base) throws Exception {
    JsonNode study =
        study(bundle(base, "ResearchStudy?_id=" + TrialFixtures.HCC + "&_elements=title,status"));
    assertThat(study.has("title")).isTrue();
    assertThat(study.has("status")).isTrue();
    assertThat(study.has("identifier")).isFalse();
    assertThat(study.has("site")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void totalIsAccurateInEveryModeAndCountIsCapped(String base) throws Exception {
    for (String mode : List.of("none", "estimate", "accurate")) {
      JsonNode b =
          bundle(
              base,
              "ResearchStudy?title=" + TrialFixtures.PAGING_TITLE + "&_count=3&_total=" + mode);
      assertThat(b.path("total").asInt()).as(mode).isEqualTo(TrialFixtures.PAGING_COUNT);
      assertThat(b.path("entry")).hasSize(3);
    }
    assertThat(get(base, "ResearchStudy?_total=some").statusCode()).isEqualTo(400);
    // the documented maximum page size (fhirtrials.fhir.max-page-size) caps a larger _count
    JsonNode capped = bundle(base, "ResearchStudy?_count=100000");
    assertThat(capped.path("entry").size()).isLessThanOrEqualTo(100);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void pagingLinksFirstPreviousNextLast(String base) throws Exception {
    JsonNode first =
        bundle(base, "ResearchStudy?title=" + TrialFixtures.PAGING_TITLE + "&_count=10");
    int total = first.path("total").asInt();
    String last = link(first, "last");
    assertThat(link(first, "next")).isNotNull();
    assertThat(link(first, "first")).isNotNull();
    assertThat(last).isNotNull();
    JsonNode lastPage = JSON.readTree(absolute(last).body());
    assertThat(lastPage.path("entry").size()).isEqualTo(total - (total - 1) / 10 * 10);
    assertThat(link(lastPage, "next")).isNull();
    String previousLink = link(lastPage, "previous");
    assertThat(previousLink).as("previous, as the search page names it").isNotNull();
    JsonNode previous = JSON.readTree(absolute(previousLink).body());
    assertThat(previous.path("entry")).hasSize(10);
    JsonNode again = JSON.readTree(absolute(link(lastPage, "first")).body());
    assertThat(ids(again)).isEqualTo(ids(first));
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void formatAndPrettyChooseTheEncoding(String base) throws Exception {
    HttpResponse<String> xml = get(base, "ResearchStudy?_id=" + TrialFixtures.HCC + "&_format=xml");
    assertThat(xml.statusCode()).isEqualTo(200);
    assertThat(xml.headers().firstValue("Content-Type").orElse("")).contains("xml");
    assertThat(xml.body()).contains("<Bundle").contains(TrialFixtures.HCC);
    HttpResponse<String> json =
        get(base, "ResearchStudy?_id=" + TrialFixtures.HCC + "&_format=json&_pretty=true");
    assertThat(json.headers().firstValue("Content-Type").orElse("")).contains("json");
    assertThat(json.body()).contains("\n  \"");
    HttpResponse<String> compact =
        get(base, "ResearchStudy?_id=" + TrialFixtures.HCC + "&_format=json&_pretty=false");
    assertThat(compact.body()).doesNotContain("\n  \"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void malformedValuesAndModifiersAreBadRequestsUnlessLenient(String base) throws Exception {
    for (String query :
        List.of(
            "ResearchStudy?_lastUpdated=ge2024-13",
            "ResearchStudy?near=91|0|10|km",
            "ResearchStudy?title:missing=maybe",
            "ResearchStudy?title:below=x",
            "ResearchStudy?identifier:of-type=RI",
            "ResearchStudy?site:Location.colour=red",
            "ResearchStudy?_include:colour=*")) {
      HttpResponse<String> r = get(base, query);
      assertThat(r.statusCode()).as(query).isEqualTo(400);
      JsonNode oo = JSON.readTree(r.body());
      assertThat(oo.path("resourceType").asText()).as(query).isEqualTo("OperationOutcome");
      String name = query.substring(query.indexOf('?') + 1, query.indexOf('=')).split("[:.]")[0];
      assertThat(oo.path("issue").get(0).path("diagnostics").asText()).as(query).contains(name);
    }
    HttpResponse<String> lenient =
        HTTP.send(
            HttpRequest.newBuilder(
                    uri(base, "ResearchStudy?_id=" + TrialFixtures.HCC + "&_lastUpdated=ge2024-13"))
                .header("Prefer", "handling=lenient")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(lenient.statusCode()).isEqualTo(200);
    assertThat(ids(JSON.readTree(lenient.body()))).containsExactly(TrialFixtures.HCC);
  }

  /**
   * The CapabilityStatement tells the truth. Every declared search parameter either finds the
   * fixture trial's resource of that type with a value the fixture has ({@link #samples}), or the
   * fixture has no such value and {@code :missing=true} finds it; every declared include and
   * reverse include answers, and brings the resource the fixture references; every declared
   * operation answers; a working sample that is not declared, or a specification parameter of the
   * type that is not declared but answers, fails.
   */
  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void everyDeclaredFeatureWorksAndUndeclaredOnesAreRejected(String base) throws Exception {
    JsonNode cs = JSON.readTree(get(base, "metadata").body());
    FhirContext ctx = base.equals("r4") ? FhirContext.forR4Cached() : FhirContext.forR5Cached();
    Map<String, Map<String, String>> samples = samples(base);
    int positive = 0;
    for (JsonNode resource : cs.path("rest").get(0).path("resource")) {
      String type = resource.path("type").asText();
      if (!FhirServerConfig.SERVED_TYPES.contains(type)) {
        assertThat(resource.path("searchInclude")).as(type + " declares no include").isEmpty();
        for (JsonNode sp : resource.path("searchParam")) {
          String name = sp.path("name").asText();
          String value = CONFORMANCE_SAMPLES.get(type + "?" + name);
          assertThat(value).as("declared " + type + "?" + name + " has no sample").isNotNull();
          assertThat(ids(base, type + "?" + name + "=" + value))
              .as(type + "?" + name)
              .contains("ResearchStudy-recruitment-status");
        }
        continue; // HAPI's OperationDefinition read; the published SearchParameters
      }
      String own = FIXTURE_IDS.get(type);
      Map<String, String> typeSamples = samples.getOrDefault(type, Map.of());
      Set<String> declared = new HashSet<>();
      for (JsonNode sp : resource.path("searchParam")) {
        String name = sp.path("name").asText();
        declared.add(name);
        String value = typeSamples.get(name);
        if (value != null) {
          String query = type + "?" + name + "=" + value + "&_count=100";
          assertThat(ids(base, query)).as(query).contains(own);
          positive++;
        } else {
          String query = type + "?_id=" + own + "&" + name + ":missing=true";
          assertThat(ids(base, query))
              .as(query + ": the fixture has a value for a declared parameter without a sample")
              .containsExactly(own);
        }
      }
      assertThat(typeSamples.keySet()).as(type + ": working but undeclared").isSubsetOf(declared);
      for (RuntimeSearchParam sp : ctx.getResourceDefinition(type).getSearchParams()) {
        if (!declared.contains(sp.getName())) {
          String query = type + "?" + sp.getName() + "=x";
          assertThat(get(base, query).statusCode()).as("undeclared " + query).isEqualTo(400);
        }
      }
      for (JsonNode inc : resource.path("searchInclude")) {
        String query = type + "?_id=" + own + "&_include=" + inc.asText();
        JsonNode bundle = bundle(base, query);
        String[] parts = inc.asText().split(":");
        String target = parts.length > 1 ? typeSamples.get(parts[1]) : null;
        if (target != null) {
          assertThat(included(bundle)).as(query).contains(target);
        }
      }
      for (JsonNode rev : resource.path("searchRevInclude")) {
        String query = type + "?_id=" + own + "&_revinclude=" + rev.asText();
        JsonNode bundle = bundle(base, query);
        String[] parts = rev.asText().split(":");
        String pointer = samples.getOrDefault(parts[0], Map.of()).get(parts[1]);
        if ((type + "/" + own).equals(pointer)) {
          assertThat(included(bundle))
              .as(query)
              .contains(parts[0] + "/" + FIXTURE_IDS.get(parts[0]));
        }
      }
      for (JsonNode op : resource.path("operation")) {
        assertOperationWorks(base, type, own, op.path("name").asText());
      }
    }
    assertThat(positive).isGreaterThan(40);
  }

  /** Values finding the published recruitment-status SearchParameter, by {@code Type?param}. */
  private static final Map<String, String> CONFORMANCE_SAMPLES =
      Map.of(
          "SearchParameter?_id", "ResearchStudy-recruitment-status",
          "SearchParameter?url", FhirUrls.SEARCH_PARAMETER + "ResearchStudy-recruitment-status",
          "SearchParameter?code", "recruitment-status",
          "SearchParameter?base", "ResearchStudy",
          "SearchParameter?name", "ResearchStudyRecruitment");

  /** The definition of every declared parameter is the spec's or one served here. */
  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void everyCustomDefinitionIsServedAsASearchParameter(String base) throws Exception {
    JsonNode cs = JSON.readTree(get(base, "metadata").body());
    int custom = 0;
    for (JsonNode resource : cs.path("rest").get(0).path("resource")) {
      for (JsonNode sp : resource.path("searchParam")) {
        String definition = sp.path("definition").asText();
        if (definition.startsWith(FhirUrls.SEARCH_PARAMETER)) {
          JsonNode found = bundle(base, "SearchParameter?url=" + definition);
          assertThat(found.path("entry")).as(definition).hasSize(1);
          JsonNode param = found.path("entry").get(0).path("resource");
          assertThat(param.path("code").asText()).isEqualTo(sp.path("name").asText());
          assertThat(param.path("type").asText()).isEqualTo(sp.path("type").asText());
          custom++;
        }
      }
    }
    assertThat(custom).isGreaterThanOrEqualTo(3);
  }

  /** Ids of the fixture trial's resources, by type. */
  private static final Map<String, String> FIXTURE_IDS =
      Map.of(
          "ResearchStudy", TrialFixtures.HCC,
          "PlanDefinition", TrialFixtures.HCC,
          "Group", TrialFixtures.HCC + "-eligibility",
          "Location", TrialFixtures.HCC + "-site-1",
          "Organization", TrialFixtures.HCC + "-sponsor",
          "Practitioner", TrialFixtures.HCC + "-official-1",
          "PractitionerRole", TrialFixtures.HCC + "-official-1");

  /**
   * A value of each parameter that the fixture trial's resource of the type holds (references as
   * the {@code Type/id} they point to). Parameters left out must be absent from the fixture.
   */
  private static Map<String, Map<String, String>> samples(String base) {
    boolean r4 = base.equals("r4");
    String hcc = TrialFixtures.HCC;
    Map<String, Map<String, String>> s = new java.util.HashMap<>();
    for (String type : FhirServerConfig.SERVED_TYPES) {
      Map<String, String> common = new java.util.HashMap<>();
      common.put("_id", FIXTURE_IDS.get(type));
      common.put("_lastUpdated", "gt2000-01-01");
      s.put(type, common);
    }
    Map<String, String> study = s.get("ResearchStudy");
    study.put("_text", "sorafenib");
    study.put("_content", "sorafenib");
    study.put("_profile", FhirUrls.STRUCTURE_DEFINITION + "trial-research-study");
    study.put("identifier", "https://clinicaltrials.gov|" + hcc);
    study.put("title", "sorafenib");
    study.put("status", "active");
    study.put("condition", "Hepatocellular Carcinoma");
    study.put("phase", "phase-2");
    study.put("recruitment-status", "RECRUITING");
    study.put("near", "45.75|4.85|10|km");
    study.put("site", "Location/" + hcc + "-site-1");
    study.put("protocol", "PlanDefinition/" + hcc);
    study.put("sponsor", "Organization/" + hcc + "-sponsor");
    if (r4) {
      study.put("category", "INTERVENTIONAL");
      study.put("location", "urn:iso:std:iso:3166|FR");
      study.put("enrollment", "Group/" + hcc + "-eligibility");
      study.put("principalinvestigator", "PractitionerRole/" + hcc + "-official-1");
    } else {
      study.put("classifier", "INTERVENTIONAL");
      study.put("region", "urn:iso:std:iso:3166|FR");
      study.put("eligibility", "Group/" + hcc + "-eligibility");
      study.put("recruitment-target", "40");
    }
    Map<String, String> plan = s.get("PlanDefinition");
    plan.put("identifier", hcc);
    plan.put("title", "protocol of");
    plan.put("status", "active");
    plan.put("type", "clinical-protocol");
    Map<String, String> group = s.get("Group");
    group.put("_profile", FhirUrls.STRUCTURE_DEFINITION + "trial-eligibility-group");
    group.put("characteristic", "Healthy volunteer (not accepted)");
    group.put("exclude", "true");
    group.put("value", "true");
    group.put("type", "person");
    if (r4) {
      group.put("actual", "false");
    } else {
      group.put("membership", "definitional");
      group.put("name", "eligibility");
    }
    Map<String, String> location = s.get("Location");
    location.put("name", "fixture hospital");
    location.put("address", "lyon");
    location.put("address-city", "Lyon");
    location.put("address-country", "france");
    location.put("address-postalcode", "69003");
    location.put("near", "45.75|4.85|5|km");
    Map<String, String> org = s.get("Organization");
    org.put("name", "fixture oncology");
    org.put("phonetic", "fixture oncology");
    org.put("type", "OTHER");
    s.get("Practitioner").put("name", "ada");
    s.get("Practitioner").put("phonetic", "ada");
    if (!r4) {
      // R5 deceased is "deceased.exists() and deceased != false": false for a living practitioner
      s.get("Practitioner").put("deceased", "false");
    }
    Map<String, String> role = s.get("PractitionerRole");
    role.put("practitioner", "Practitioner/" + hcc + "-official-1");
    role.put("role", "researcher");
    return s;
  }

  /** A declared operation answers: $validate on the type and the instance, $match on studies. */
  private void assertOperationWorks(String base, String type, String id, String operation)
      throws Exception {
    switch (operation) {
      case "validate" -> {
        String body = get(base, type + "/" + id).body();
        HttpResponse<String> onType = post(base, type + "/$validate", body);
        assertThat(onType.statusCode()).as(type + "/$validate " + onType.body()).isEqualTo(200);
        assertThat(JSON.readTree(onType.body()).path("resourceType").asText())
            .isEqualTo("OperationOutcome");
        HttpResponse<String> onInstance =
            post(base, type + "/" + id + "/$validate", "{\"resourceType\":\"Parameters\"}");
        assertThat(onInstance.statusCode())
            .as(type + "/" + id + "/$validate " + onInstance.body())
            .isEqualTo(200);
      }
      case "match" -> {
        HttpResponse<String> r = post(base, type + "/$match", "{\"resourceType\":\"Parameters\"}");
        // declared and routed: an empty request is refused with an OperationOutcome, not a 404
        assertThat(r.statusCode()).as("$match " + r.body()).isEqualTo(400);
        assertThat(r.body()).contains("OperationOutcome");
      }
      default -> throw new AssertionError("declared operation not exercised: " + operation);
    }
  }

  private static List<String> included(JsonNode bundle) {
    List<String> out = new ArrayList<>();
    bundle
        .path("entry")
        .forEach(
            e -> {
              if (e.path("search").path("mode").asText().equals("include")) {
                JsonNode r = e.path("resource");
                out.add(r.path("resourceType").asText() + "/" + r.path("id").asText());
              }
            });
    return out;
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

  private static JsonNode study(JsonNode bundle) {
    return bundle.path("entry").get(0).path("resource");
  }

  private static List<String> ids(JsonNode bundle) {
    return FhirServerIT.ids(bundle);
  }

  private static String link(JsonNode bundle, String relation) {
    for (JsonNode l : bundle.path("link")) {
      if (l.path("relation").asText().equals(relation)) {
        return l.path("url").asText();
      }
    }
    return null;
  }

  private static HttpResponse<String> absolute(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String base, String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(base, path))
            .header("Content-Type", "application/fhir+json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
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
