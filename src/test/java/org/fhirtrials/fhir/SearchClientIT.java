package org.fhirtrials.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.api.SearchTotalModeEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.gclient.DateClientParam;
import ca.uhn.fhir.rest.gclient.ICriterion;
import ca.uhn.fhir.rest.gclient.IQuery;
import ca.uhn.fhir.rest.gclient.NumberClientParam;
import ca.uhn.fhir.rest.gclient.ReferenceClientParam;
import ca.uhn.fhir.rest.gclient.StringClientParam;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.util.BundleUtil;
import ca.uhn.fhir.util.FhirTerser;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.fhirtrials.mapping.FhirUrls;
import org.fhirtrials.model.Trial;
import org.fhirtrials.store.TrialStore;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The search surface through HAPI's generic client (what an EHR integration uses), on both bases
 * with the same version-neutral calls: the client writes the modifiers, prefixes, chains, includes
 * and result parameters itself, so these prove the server understands a real client's requests.
 * Raw-HTTP counterparts: {@link SearchSurfaceIT}, {@link FhirServerIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchClientIT {
  private static final String HCC = TrialFixtures.HCC;
  private static final String ASTHMA = TrialFixtures.ASTHMA;

  @LocalServerPort int port;
  @Autowired TrialStore store;

  @BeforeEach
  void loadFixtures() {
    store.save(TrialFixtures.recruitingHccPhase2());
    store.save(TrialFixtures.completedAsthmaPhase3());
    TrialFixtures.pagingSet().forEach(store::save);
  }

  // ------------------------------------------------------------------ parameters and modifiers

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void tokenSearchesWithSystemTextNotMissingAndOfType(String base) {
    assertThat(
            studies(
                base,
                new TokenClientParam("identifier")
                    .exactly()
                    .systemAndCode(FhirUrls.NCT_SYSTEM, HCC)))
        .containsExactly(HCC);
    assertThat(studies(base, new TokenClientParam("identifier").exactly().code(ASTHMA)))
        .containsExactly(ASTHMA);
    assertThat(
            studies(
                base,
                new TokenClientParam("phase")
                    .exactly()
                    .systemAndCode(
                        "http://terminology.hl7.org/CodeSystem/research-study-phase", "phase-3"),
                fixtures()))
        .containsExactly(ASTHMA);
    assertThat(byUrl(base, "ResearchStudy?_id=" + HCC + "," + ASTHMA + "&condition:text=hepato"))
        .containsExactly(HCC);
    assertThat(studies(base, new TokenClientParam("condition").isMissing(false), fixtures()))
        .containsExactly(HCC, ASTHMA);
    assertThat(studies(base, new TokenClientParam("keyword").isMissing(true), fixtures()))
        .containsExactly(HCC, ASTHMA);
    assertThat(
            ids(
                client(base)
                    .search()
                    .forResource("ResearchStudy")
                    .where(new TokenClientParam("_id").exactly().codes(HCC, ASTHMA))
                    .and(new TokenClientParam("recruitment-status").exactly().code("RECRUITING"))
                    .returnBundle(bundleClass(base))
                    .execute()))
        .containsExactly(HCC);
    assertThat(byUrl(base, "ResearchStudy?_id=" + HCC + "," + ASTHMA + "&condition:not=Asthma"))
        .containsExactly(HCC);
    assertThat(
            byUrl(
                base,
                "ResearchStudy?identifier:of-type=http://terminology.hl7.org/CodeSystem/v2-0203|RI|"
                    + HCC))
        .isEmpty(); // the NCT identifier carries no type: :of-type matches only typed identifiers
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void stringSearchesMatchExactAndContains(String base) {
    StringClientParam title = new StringClientParam("title");
    assertThat(studies(base, title.matches().value("SORAFENIB versus"))).containsExactly(HCC);
    assertThat(studies(base, title.contains().value("hepatocellular")))
        .contains(HCC)
        .doesNotContain(ASTHMA);
    assertThat(studies(base, title.matches().value("hepatocellular"))).isEmpty();
    String exact = TrialFixtures.recruitingHccPhase2().officialTitle();
    assertThat(studies(base, title.matchesExactly().value(exact))).containsExactly(HCC);
    assertThat(studies(base, title.matchesExactly().value(exact.toLowerCase()))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void orWithCommasAndAndByRepetition(String base) {
    TokenClientParam status = new TokenClientParam("recruitment-status");
    assertThat(studies(base, status.exactly().codes("RECRUITING", "COMPLETED"), fixtures()))
        .containsExactly(HCC, ASTHMA);
    assertThat(
            ids(
                client(base)
                    .search()
                    .forResource("ResearchStudy")
                    .where(fixtures())
                    .and(status.exactly().code("RECRUITING"))
                    .and(new TokenClientParam("condition").exactly().code("Asthma"))
                    .returnBundle(bundleClass(base))
                    .execute()))
        .isEmpty();
  }

  /**
   * Every date prefix with partial dates, on {@code _lastUpdated} (set when the fixture was saved).
   */
  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void datePrefixesWithPartialDates(String base) {
    IBaseResource study = client(base).read().resource("ResearchStudy").withId(HCC).execute();
    Date saved = study.getMeta().getLastUpdated();
    int year = saved.toInstant().atZone(ZoneOffset.UTC).getYear();
    String thisYear = Integer.toString(year);
    String lastYear = Integer.toString(year - 1);
    String nextYear = Year.of(year + 1).toString();
    DateClientParam updated = new DateClientParam("_lastUpdated");
    assertThat(byUrl(base, "ResearchStudy?_id=" + HCC + "&_lastUpdated=eq" + thisYear))
        .containsExactly(HCC);
    assertThat(byUrl(base, "ResearchStudy?_id=" + HCC + "&_lastUpdated=ne" + lastYear))
        .containsExactly(HCC);
    assertThat(byUrl(base, "ResearchStudy?_id=" + HCC + "&_lastUpdated=ne" + thisYear)).isEmpty();
    assertThat(studies(base, updated.after().day(lastYear + "-12-31"), fixtures())).contains(HCC);
    assertThat(studies(base, updated.afterOrEquals().day(thisYear + "-01-01"), fixtures()))
        .contains(HCC);
    assertThat(studies(base, updated.before().day(nextYear + "-01-01"), fixtures())).contains(HCC);
    assertThat(studies(base, updated.beforeOrEquals().day(lastYear + "-06-30"), fixtures()))
        .isEmpty();
    assertThat(byUrl(base, "ResearchStudy?_id=" + HCC + "&_lastUpdated=gt" + thisYear)).isEmpty();
    assertThat(byUrl(base, "ResearchStudy?_id=" + HCC + "&_lastUpdated=lt" + thisYear)).isEmpty();
    assertThat(byUrl(base, "ResearchStudy?_id=" + HCC + "&_lastUpdated=ge" + thisYear))
        .containsExactly(HCC);
    assertThat(byUrl(base, "ResearchStudy?_id=" + HCC + "&_lastUpdated=le" + thisYear))
        .containsExactly(HCC);
    assertThat(byUrl(base, "ResearchStudy?_id=" + HCC + "&_lastUpdated=sa" + lastYear))
        .containsExactly(HCC);
    assertThat(byUrl(base, "ResearchStudy?_id=" + HCC + "&_lastUpdated=eb" + nextYear))
        .containsExactly(HCC);
    assertThat(byUrl(base, "ResearchStudy?_id=" + HCC + "&_lastUpdated=eb" + thisYear)).isEmpty();
    String today = saved.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
    assertThat(
            studies(
                base,
                updated.exactly().day(today),
                new TokenClientParam("_id").exactly().code(HCC)))
        .containsExactly(HCC);
    assertThat(byUrl(base, "ResearchStudy?_id=" + HCC + "&_lastUpdated=ap" + today))
        .containsExactly(HCC);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void referencesByIdByTypeAndChained(String base) {
    ReferenceClientParam site = new ReferenceClientParam("site");
    assertThat(studies(base, site.hasId("Location/" + HCC + "-site-1"))).containsExactly(HCC);
    assertThat(studies(base, site.hasId(HCC + "-site-1"))).containsExactly(HCC);
    assertThat(byUrl(base, "ResearchStudy?site:Location=" + HCC + "-site-1")).containsExactly(HCC);
    assertThat(
            studies(
                base,
                site.hasChainedProperty(
                    "Location", new StringClientParam("address-city").matches().value("Lyon"))))
        .containsExactly(HCC);
    assertThat(
            studies(
                base,
                new ReferenceClientParam("sponsor")
                    .hasChainedProperty(
                        new StringClientParam("name").matches().value("Fixture Pharma"))))
        .containsExactly(ASTHMA);
    assertThat(studies(base, new ReferenceClientParam("protocol").hasId("PlanDefinition/" + HCC)))
        .containsExactly(HCC);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void otherTypesAnswerTheirParameters(String base) {
    assertThat(
            search(base, "Location", new StringClientParam("address-city").matches().value("lyon")))
        .contains(HCC + "-site-1");
    assertThat(
            search(
                base,
                "Location",
                new StringClientParam("address-country").matches().value("France")))
        .contains(HCC + "-site-1");
    assertThat(search(base, "Location", new ReferenceClientParam("organization").isMissing(true)))
        .contains(HCC + "-site-1");
    assertThat(
            search(
                base, "Organization", new StringClientParam("name").matches().value("fixture onc")))
        .contains(HCC + "-sponsor");
    assertThat(
            search(base, "PlanDefinition", new TokenClientParam("identifier").exactly().code(HCC)))
        .containsExactly(HCC);
    assertThat(
            search(base, "PlanDefinition", new TokenClientParam("status").exactly().code("active")))
        .contains(HCC);
    assertThat(search(base, "Group", new TokenClientParam("exclude").exactly().code("true")))
        .contains(HCC + "-eligibility");
    assertThat(
            search(base, "Practitioner", new StringClientParam("name").matches().value("ada fix")))
        .contains(HCC + "-official-1");
    assertThat(
            search(
                base,
                "PractitionerRole",
                new ReferenceClientParam("practitioner")
                    .hasId("Practitioner/" + HCC + "-official-1")))
        .containsExactly(HCC + "-official-1");
  }

  /**
   * R5 {@code recruitment-target} is a number: every prefix, OR and AND. Both fixtures target 40.
   */
  @ParameterizedTest
  @ValueSource(strings = {"r5"})
  void recruitmentTargetNumberPrefixes(String base) {
    NumberClientParam target = new NumberClientParam("recruitment-target");
    assertThat(studies(base, target.exactly().number(40), fixtures())).containsExactly(HCC, ASTHMA);
    assertThat(studies(base, target.greaterThan().number(40), fixtures())).isEmpty();
    assertThat(studies(base, target.greaterThanOrEqual().number(40), fixtures())).hasSize(2);
    assertThat(studies(base, target.lessThan().number(41), fixtures())).hasSize(2);
    assertThat(studies(base, target.lessThanOrEqual().number(39), fixtures())).isEmpty();
    assertThat(byUrl(base, "ResearchStudy?_id=" + HCC + "&recruitment-target=ne40")).isEmpty();
    assertThat(byUrl(base, "ResearchStudy?_id=" + HCC + "&recruitment-target=ap42"))
        .containsExactly(HCC);
    assertThat(byUrl(base, "ResearchStudy?_id=" + HCC + "&recruitment-target=10,40"))
        .containsExactly(HCC);
    assertThat(
            byUrl(
                base,
                "ResearchStudy?_id=" + HCC + "&recruitment-target=ge30&recruitment-target=le35"))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void fullTextAndNearWithRelevanceAndDistanceSorts(String base) {
    assertThat(byUrl(base, "ResearchStudy?_text=sorafenib&_sort=_score")).contains(HCC);
    assertThat(byUrl(base, "ResearchStudy?_content=asthma&_id=" + HCC + "," + ASTHMA))
        .containsExactly(ASTHMA);
    assertThat(byUrl(base, "ResearchStudy?near=45.75|4.85|10|km&_sort=near")).contains(HCC);
    assertThat(byUrl(base, "ResearchStudy?near=48.85|2.35|50|km&_id=" + HCC)).isEmpty();
  }

  // ------------------------------------------------------------------ result parameters

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void sortsDescendingAndOnSeveralKeys(String base) {
    IBaseBundle bundle =
        client(base)
            .search()
            .forResource("ResearchStudy")
            .where(new StringClientParam("title").matches().value(TrialFixtures.PAGING_TITLE))
            .sort(new SortSpec("title", ca.uhn.fhir.rest.api.SortOrderEnum.DESC))
            .count(100)
            .returnBundle(bundleClass(base))
            .execute();
    List<String> desc = ids(bundle);
    assertThat(desc)
        .hasSize(TrialFixtures.PAGING_COUNT)
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    List<String> multi =
        byUrl(base, "ResearchStudy?_id=" + HCC + "," + ASTHMA + "&_sort=-phase,_id");
    assertThat(multi).containsExactly(ASTHMA, HCC); // phase-3 before phase-2
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void includesRevincludesAndIterate(String base) {
    String eligibility = base.equals("r4") ? "enrollment" : "eligibility";
    IBaseBundle bundle =
        client(base)
            .search()
            .forResource("ResearchStudy")
            .where(new TokenClientParam("_id").exactly().code(HCC))
            .include(new Include("ResearchStudy:protocol"))
            .include(new Include("ResearchStudy:" + eligibility))
            .include(new Include("ResearchStudy:site"))
            .include(new Include("ResearchStudy:sponsor"))
            .returnBundle(bundleClass(base))
            .execute();
    assertThat(included(base, bundle))
        .containsExactlyInAnyOrder(
            "PlanDefinition/" + HCC,
            "Group/" + HCC + "-eligibility",
            "Location/" + HCC + "-site-1",
            "Organization/" + HCC + "-sponsor");
    IBaseBundle all =
        client(base)
            .search()
            .forResource("ResearchStudy")
            .where(new TokenClientParam("_id").exactly().code(HCC))
            .include(new Include("*"))
            .returnBundle(bundleClass(base))
            .execute();
    assertThat(included(base, all))
        .contains("PlanDefinition/" + HCC, "Location/" + HCC + "-site-1");
    IBaseBundle reverse =
        client(base)
            .search()
            .forResource("Location")
            .where(new TokenClientParam("_id").exactly().code(HCC + "-site-1"))
            .revInclude(new Include("ResearchStudy:site"))
            .include(new Include("ResearchStudy:protocol").asRecursive())
            .returnBundle(bundleClass(base))
            .execute();
    assertThat(included(base, reverse)).contains("ResearchStudy/" + HCC, "PlanDefinition/" + HCC);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void summaryElementsAndTotal(String base) {
    IBaseBundle count =
        client(base)
            .search()
            .forResource("ResearchStudy")
            .where(new StringClientParam("title").matches().value(TrialFixtures.PAGING_TITLE))
            .summaryMode(SummaryEnum.COUNT)
            .returnBundle(bundleClass(base))
            .execute();
    assertThat(BundleUtil.getTotal(ctx(base), count)).isEqualTo(TrialFixtures.PAGING_COUNT);
    assertThat(BundleUtil.toListOfResources(ctx(base), count)).isEmpty();

    IBaseBundle summary =
        client(base)
            .search()
            .forResource("ResearchStudy")
            .where(new TokenClientParam("_id").exactly().code(HCC))
            .summaryMode(SummaryEnum.TRUE)
            .returnBundle(bundleClass(base))
            .execute();
    IBaseResource study = BundleUtil.toListOfResources(ctx(base), summary).get(0);
    FhirTerser terser = ctx(base).newTerser();
    assertThat(terser.getValues(study, "ResearchStudy.identifier"))
        .isNotEmpty(); // a summary element
    assertThat(terser.getValues(study, "ResearchStudy.text")).isEmpty(); // never in a summary
    assertThat(terser.getValues(study, "ResearchStudy.extension"))
        .isEmpty(); // not a summary element
    assertThat(study.getMeta().getTag()).anyMatch(t -> "SUBSETTED".equals(t.getCode()));

    IBaseBundle elements =
        client(base)
            .search()
            .forResource("ResearchStudy")
            .where(new TokenClientParam("_id").exactly().code(HCC))
            .elementsSubset("title")
            .returnBundle(bundleClass(base))
            .execute();
    IBaseResource titled = BundleUtil.toListOfResources(ctx(base), elements).get(0);
    assertThat(terser.getValues(titled, "ResearchStudy.title")).isNotEmpty();
    assertThat(terser.getValues(titled, "ResearchStudy.identifier")).isEmpty();

    for (SearchTotalModeEnum mode : SearchTotalModeEnum.values()) {
      IBaseBundle totalled =
          client(base)
              .search()
              .forResource("ResearchStudy")
              .where(new StringClientParam("title").matches().value(TrialFixtures.PAGING_TITLE))
              .totalMode(mode)
              .count(5)
              .returnBundle(bundleClass(base))
              .execute();
      // the index counts exactly and cheaply: every mode gets the accurate total
      assertThat(BundleUtil.getTotal(ctx(base), totalled))
          .as(mode.name())
          .isEqualTo(TrialFixtures.PAGING_COUNT);
    }
  }

  /** Pages through next, previous, first and last with the client's own page loading. */
  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void pagesForwardBackwardFirstAndLast(String base) {
    IGenericClient client = client(base);
    IBaseBundle first =
        client
            .search()
            .forResource("ResearchStudy")
            .where(new StringClientParam("title").matches().value(TrialFixtures.PAGING_TITLE))
            .count(10)
            .returnBundle(bundleClass(base))
            .execute();
    IBaseBundle second = client.loadPage().next(first).execute();
    IBaseBundle third = client.loadPage().next(second).execute();
    assertThat(BundleUtil.getLinkUrlOfType(ctx(base), third, "next")).isNull();
    assertThat(ids(client.loadPage().previous(third).execute())).isEqualTo(ids(second));
    String lastUrl = BundleUtil.getLinkUrlOfType(ctx(base), first, "last");
    String firstUrl = BundleUtil.getLinkUrlOfType(ctx(base), third, "first");
    assertThat(lastUrl).isNotNull();
    assertThat(firstUrl).isNotNull();
    assertThat(ids(client.loadPage().byUrl(lastUrl).andReturnBundle(bundleClass(base)).execute()))
        .isEqualTo(ids(third))
        .hasSize(5);
    assertThat(ids(client.loadPage().byUrl(firstUrl).andReturnBundle(bundleClass(base)).execute()))
        .isEqualTo(ids(first));
    List<String> all = new ArrayList<>(ids(first));
    all.addAll(ids(second));
    all.addAll(ids(third));
    assertThat(all).hasSize(TrialFixtures.PAGING_COUNT).doesNotHaveDuplicates().isSorted();
  }

  /** A search's pages are the result as it was when it ran, even when a matching trial arrives. */
  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void pagesStayStableWhileDataChanges(String base) {
    IGenericClient client = client(base);
    ICriterion<?> pagingCondition =
        new TokenClientParam("condition").exactly().code("Paging condition");
    IBaseBundle first =
        client
            .search()
            .forResource("ResearchStudy")
            .where(pagingCondition)
            .count(10)
            .returnBundle(bundleClass(base))
            .execute();
    int total = BundleUtil.getTotal(ctx(base), first);
    // sorts before every paging fixture, so it would shift every later page if pages were re-run
    String arrival = base.equals("r4") ? "NCT09990050" : "NCT09990051";
    store.save(
        Trial.builder(arrival).briefTitle("Late arrival").addCondition("Paging condition").build());
    List<String> seen = new ArrayList<>(ids(first));
    IBaseBundle page = first;
    while (BundleUtil.getLinkUrlOfType(ctx(base), page, "next") != null) {
      page = client.loadPage().next(page).execute();
      assertThat(BundleUtil.getTotal(ctx(base), page)).isEqualTo(total);
      seen.addAll(ids(page));
    }
    assertThat(seen).hasSize(total).doesNotHaveDuplicates().doesNotContain(arrival);
    IBaseBundle fresh =
        client
            .search()
            .forResource("ResearchStudy")
            .where(pagingCondition)
            .returnBundle(bundleClass(base))
            .execute();
    assertThat(BundleUtil.getTotal(ctx(base), fresh)).isEqualTo(total + 1);
  }

  // ------------------------------------------------------------------ reads, errors, $validate

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void readAnswersNotModifiedToAMatchingVersion(String base) {
    IBaseResource study = client(base).read().resource("ResearchStudy").withId(HCC).execute();
    String version = study.getIdElement().getVersionIdPart();
    IBaseResource again =
        client(base)
            .read()
            .resource("ResearchStudy")
            .withId(HCC)
            .ifVersionMatches(version)
            .returnNull()
            .execute();
    IBaseResource other =
        client(base)
            .read()
            .resource("ResearchStudy")
            .withId(HCC)
            .ifVersionMatches("999")
            .returnNull()
            .execute();
    assertThat(again).isNull(); // 304
    assertThat(other).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void errorsAreBadRequestsNamingTheCulprit(String base) {
    assertThatThrownBy(() -> byUrl(base, "ResearchStudy?colour=blue"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("colour");
    assertThatThrownBy(() -> byUrl(base, "ResearchStudy?_lastUpdated=gtyesterday"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("_lastUpdated");
    assertThatThrownBy(() -> byUrl(base, "ResearchStudy?status:above=completed"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(":above");
    assertThatThrownBy(() -> byUrl(base, "ResearchStudy?_summary=everything"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("_summary");
    assertThatThrownBy(() -> byUrl(base, "ResearchStudy?_sort=colour"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("colour");
    assertThatThrownBy(() -> byUrl(base, "ResearchStudy?_include=ResearchStudy:title"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("title");
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void validatesEveryTypeInTheBodyAndByInstance(String base) {
    IGenericClient client = client(base);
    for (String type : FhirServerConfig.SERVED_TYPES) {
      String id =
          type.equals("ResearchStudy") || type.equals("PlanDefinition") ? HCC : instanceOf(type);
      IBaseResource resource = client.read().resource(type).withId(id).execute();
      IBaseOperationOutcome outcome =
          (IBaseOperationOutcome)
              client.validate().resource(resource).execute().getOperationOutcome();
      assertThat(outcome).as(type).isNotNull();
      IBaseResource onInstance =
          client
              .operation()
              .onInstance(type + "/" + id)
              .named("$validate")
              .withNoParameters(parametersClass(base))
              .returnResourceType(operationOutcomeClass(base))
              .execute();
      assertThat(ctx(base).getResourceType(onInstance)).as(type).isEqualTo("OperationOutcome");
    }
  }

  // ------------------------------------------------------------------ helpers

  private static String instanceOf(String type) {
    return switch (type) {
      case "Group" -> HCC + "-eligibility";
      case "Location" -> HCC + "-site-1";
      case "Organization" -> HCC + "-sponsor";
      default -> HCC + "-official-1";
    };
  }

  private static ICriterion<?> fixtures() {
    return new TokenClientParam("_id").exactly().codes(HCC, ASTHMA);
  }

  private static FhirContext ctx(String base) {
    return base.equals("r4") ? FhirContext.forR4Cached() : FhirContext.forR5Cached();
  }

  private IGenericClient client(String base) {
    FhirContext ctx = ctx(base);
    ctx.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    ctx.getRestfulClientFactory()
        .setSocketTimeout(180_000); // the first $validate loads the validator
    return ctx.newRestfulGenericClient("http://localhost:" + port + "/fhir/" + base);
  }

  @SuppressWarnings("unchecked")
  private static Class<IBaseBundle> bundleClass(String base) {
    return (Class<IBaseBundle>) ctx(base).getResourceDefinition("Bundle").getImplementingClass();
  }

  @SuppressWarnings("unchecked")
  private static <T extends org.hl7.fhir.instance.model.api.IBaseParameters>
      Class<T> parametersClass(String base) {
    return (Class<T>) ctx(base).getResourceDefinition("Parameters").getImplementingClass();
  }

  @SuppressWarnings("unchecked")
  private static Class<IBaseResource> operationOutcomeClass(String base) {
    return (Class<IBaseResource>)
        ctx(base).getResourceDefinition("OperationOutcome").getImplementingClass();
  }

  private List<String> studies(String base, ICriterion<?>... criteria) {
    return search(base, "ResearchStudy", criteria);
  }

  private List<String> search(String base, String type, ICriterion<?>... criteria) {
    IQuery<IBaseBundle> query = client(base).search().forResource(type).where(criteria[0]);
    for (int i = 1; i < criteria.length; i++) {
      query = query.and(criteria[i]);
    }
    return ids(query.count(100).returnBundle(bundleClass(base)).execute());
  }

  private List<String> byUrl(String base, String url) {
    return ids(client(base).search().byUrl(url).returnBundle(bundleClass(base)).execute());
  }

  /** Ids of the entries with search mode match, in order. */
  private static List<String> ids(IBaseBundle bundle) {
    return entries(bundle, "match").stream().map(r -> r.getIdElement().getIdPart()).toList();
  }

  private static List<String> included(String base, IBaseBundle bundle) {
    return entries(bundle, "include").stream()
        .map(r -> ctx(base).getResourceType(r) + "/" + r.getIdElement().getIdPart())
        .toList();
  }

  private static List<IBaseResource> entries(IBaseBundle bundle, String mode) {
    FhirContext ctx =
        bundle.getStructureFhirVersionEnum() == ca.uhn.fhir.context.FhirVersionEnum.R4
            ? FhirContext.forR4Cached()
            : FhirContext.forR5Cached();
    FhirTerser terser = ctx.newTerser();
    List<IBaseResource> out = new ArrayList<>();
    for (IBase entry : terser.getValues(bundle, "Bundle.entry")) {
      String entryMode = terser.getSinglePrimitiveValueOrNull(entry, "search.mode");
      if (mode.equals(entryMode == null ? "match" : entryMode)) {
        out.add((IBaseResource) terser.getSingleValueOrNull(entry, "resource"));
      }
    }
    return out;
  }
}
