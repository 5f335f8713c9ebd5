package org.fhirtrials.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.StringAndListParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.TokenParamModifier;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fhirtrials.model.Trial;
import org.fhirtrials.store.InMemoryTrialStore;
import org.fhirtrials.store.StoredTrial;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The search rules, independent of the real mappers: a small test binding maps each fixture to an
 * R4 ResearchStudy with its conditions, phase and a status, and the real {@link R4Binding} reads
 * the facts back.
 */
class StudySearchServiceTest {
  private static final String PHASE_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/research-study-phase";
  private static final String MESH = "urn:oid:2.16.840.1.113883.6.177";

  private static final String RECRUITMENT_SYSTEM =
      "https://fhirtrials.org/fhir/CodeSystem/ctgov-recruitment-status";

  private final InMemoryTrialStore store = new InMemoryTrialStore();
  private StudySearchService search;

  @BeforeEach
  void setUp() {
    store.save(TrialFixtures.recruitingHccPhase2());
    store.save(TrialFixtures.completedAsthmaPhase3());
    TrialFixtures.pagingSet().forEach(store::save);
    search = new StudySearchService(new TrialResources(store, new TestBinding(), 100));
  }

  @Test
  void emptyQueryFindsEveryTrialInIdOrder() {
    List<String> ids = ids(StudyQuery.all());

    assertThat(ids).hasSize(2 + TrialFixtures.PAGING_COUNT).isSorted();
  }

  @Test
  void statusMatchesCodeWithOrWithoutSystem() {
    assertThat(ids(query().statuses(token("completed")).build()))
        .containsExactly(TrialFixtures.ASTHMA);
    assertThat(
            ids(
                query()
                    .statuses(token("http://hl7.org/fhir/research-study-status|active"))
                    .build()))
        .containsExactly(TrialFixtures.HCC);
    assertThat(ids(query().statuses(token("http://example.org|active")).build())).isEmpty();
  }

  @Test
  void orWithinAParameterAndAcrossRepeats() {
    TokenAndListParam either =
        new TokenAndListParam().addAnd(new TokenParam("completed"), new TokenParam("active"));
    TokenAndListParam both =
        new TokenAndListParam()
            .addAnd(new TokenParam("completed"))
            .addAnd(new TokenParam("active"));

    assertThat(ids(query().statuses(either).build()))
        .containsExactly(TrialFixtures.HCC, TrialFixtures.ASTHMA);
    assertThat(ids(query().statuses(both).build())).isEmpty();
  }

  @Test
  void conditionMatchesCodeTextAndTextModifier() {
    assertThat(ids(query().conditions(token(MESH + "|D006528")).build()))
        .containsExactly(TrialFixtures.HCC);
    assertThat(ids(query().conditions(token("hepatocellular CARCINOMA")).build()))
        .containsExactly(TrialFixtures.HCC);
    assertThat(ids(query().conditions(token("hepatocellular")).build())).isEmpty();
    TokenParam text = new TokenParam("hepatocel").setModifier(TokenParamModifier.TEXT);
    assertThat(ids(query().conditions(new TokenAndListParam().addAnd(text)).build()))
        .containsExactly(TrialFixtures.HCC);
    TokenParam word = new TokenParam("CARCIN").setModifier(TokenParamModifier.TEXT);
    assertThat(ids(query().conditions(new TokenAndListParam().addAnd(word)).build()))
        .containsExactly(TrialFixtures.HCC);
    TokenParam midWord = new TokenParam("arcinoma").setModifier(TokenParamModifier.TEXT);
    assertThat(ids(query().conditions(new TokenAndListParam().addAnd(midWord)).build())).isEmpty();
  }

  @Test
  void phaseMatchesResearchStudyPhaseCode() {
    assertThat(ids(query().phases(token(PHASE_SYSTEM + "|phase-3")).build()))
        .containsExactly(TrialFixtures.ASTHMA);
    assertThat(ids(query().phases(token("phase-2")).build())).containsExactly(TrialFixtures.HCC);
  }

  @Test
  void recruitmentStatusMatchesTheExactRegistryCode() {
    assertThat(ids(query().recruitmentStatuses(token("RECRUITING")).build()))
        .containsExactly(TrialFixtures.HCC);
    assertThat(ids(query().recruitmentStatuses(token(RECRUITMENT_SYSTEM + "|COMPLETED")).build()))
        .containsExactly(TrialFixtures.ASTHMA);
    assertThat(ids(query().recruitmentStatuses(token("recruiting")).build())).isEmpty();
  }

  @Test
  void titleStartsWithFoldedContainsAndExact() {
    assertThat(ids(query().titles(string(new StringParam("sorafenib VERSUS"))).build()))
        .containsExactly(TrialFixtures.HCC);
    assertThat(ids(query().titles(string(new StringParam("carcinoma"))).build())).isEmpty();
    assertThat(ids(query().titles(string(new StringParam("carcinoma").setContains(true))).build()))
        .containsExactly(TrialFixtures.HCC);
    assertThat(
            ids(query().titles(string(new StringParam("Inhaled Fixture in Asthma", true))).build()))
        .containsExactly(TrialFixtures.ASTHMA);
    assertThat(
            ids(query().titles(string(new StringParam("inhaled fixture in asthma", true))).build()))
        .isEmpty();
  }

  @Test
  void identifierAcceptsLegacySystemAndNoSystemOnly() {
    assertThat(
            ids(
                query()
                    .identifiers(token("http://clinicaltrials.gov/|" + TrialFixtures.HCC))
                    .build()))
        .containsExactly(TrialFixtures.HCC);
    assertThat(ids(query().identifiers(token(TrialFixtures.ASTHMA)).build()))
        .containsExactly(TrialFixtures.ASTHMA);
    assertThat(ids(query().identifiers(token("|" + TrialFixtures.ASTHMA)).build())).isEmpty();
  }

  @Test
  void unknownParameterIsRejectedByName() {
    assertThatThrownBy(
            () ->
                search.search(StudyQuery.all(), Set.of(), Map.of("colour", new String[] {"blue"})))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("'colour'")
        .hasMessageContaining("identifier");
  }

  @Test
  void malformedCountIsRejected() {
    assertThatThrownBy(
            () -> search.search(StudyQuery.all(), Set.of(), Map.of("_count", new String[] {"-1"})))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("_count");
  }

  @Test
  void unsupportedModifierIsRejected() {
    TokenParam not = new TokenParam("completed").setModifier(TokenParamModifier.NOT);
    assertThatThrownBy(
            () -> search.find(query().statuses(new TokenAndListParam().addAnd(not)).build()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(":not")
        .hasMessageContaining("status");
  }

  @Test
  void resultPagesAreStableWhenTheStoreChanges() {
    IBundleProvider result =
        search.search(
            query().titles(string(new StringParam(TrialFixtures.PAGING_TITLE))).build(),
            Set.of(),
            Map.of());
    store.save(Trial.builder("NCT09990100").briefTitle(TrialFixtures.PAGING_TITLE + " 00").build());

    assertThat(result.size()).isEqualTo(TrialFixtures.PAGING_COUNT);
    assertThat(result.getResources(0, 3))
        .extracting(r -> r.getIdElement().getIdPart())
        .containsExactly("NCT09990101", "NCT09990102", "NCT09990103");
  }

  // ----------------------------------------------------------------- helpers

  private List<String> ids(StudyQuery q) {
    return search.find(q).stream().map(StoredTrial::nctId).toList();
  }

  private static TokenAndListParam token(String queryValue) {
    TokenParam t = new TokenParam();
    t.setValueAsQueryToken(FhirContext.forR4Cached(), "x", null, queryValue);
    return new TokenAndListParam().addAnd(t);
  }

  private static StringAndListParam string(StringParam s) {
    return new StringAndListParam().addAnd(s);
  }

  private static QueryBuilder query() {
    return new QueryBuilder();
  }

  private static final class QueryBuilder {
    private TokenAndListParam identifiers;
    private StringAndListParam titles;
    private TokenAndListParam statuses;
    private TokenAndListParam conditions;
    private TokenAndListParam phases;
    private TokenAndListParam recruitmentStatuses;

    QueryBuilder identifiers(TokenAndListParam v) {
      identifiers = v;
      return this;
    }

    QueryBuilder titles(StringAndListParam v) {
      titles = v;
      return this;
    }

    QueryBuilder statuses(TokenAndListParam v) {
      statuses = v;
      return this;
    }

    QueryBuilder conditions(TokenAndListParam v) {
      conditions = v;
      return this;
    }

    QueryBuilder phases(TokenAndListParam v) {
      phases = v;
      return this;
    }

    QueryBuilder recruitmentStatuses(TokenAndListParam v) {
      recruitmentStatuses = v;
      return this;
    }

    StudyQuery build() {
      return new StudyQuery(
          null, identifiers, titles, statuses, conditions, phases, recruitmentStatuses);
    }
  }

  /** R4 facts and includes from {@link R4Binding}; a minimal mapping owned by this test. */
  private static final class TestBinding implements VersionBinding {
    private final R4Binding r4 = new R4Binding();

    @Override
    public String name() {
      return "R4";
    }

    @Override
    public FhirContext context() {
      return r4.context();
    }

    @Override
    public List<Resource> map(Trial trial) {
      ResearchStudy study = new ResearchStudy();
      study.setId(trial.nctId());
      study.addIdentifier().setSystem("https://clinicaltrials.gov").setValue(trial.nctId());
      study.setTitle(trial.title());
      study.setStatus(
          switch (trial.status().overallStatus()) {
            case COMPLETED -> ResearchStudyStatus.COMPLETED;
            case RECRUITING -> ResearchStudyStatus.ACTIVE;
            default -> ResearchStudyStatus.APPROVED;
          });
      study
          .addExtension()
          .setUrl(StudyParams.EXT_RECRUITMENT_STATUS)
          .setValue(
              new org.hl7.fhir.r4.model.Coding(
                  RECRUITMENT_SYSTEM, trial.status().overallStatus().name(), null));
      for (String condition : trial.conditions()) {
        CodeableConcept cc = study.addCondition().setText(condition);
        if (condition.equals("Hepatocellular Carcinoma")) {
          cc.addCoding().setSystem(MESH).setCode("D006528");
        }
      }
      trial
          .design()
          .phases()
          .forEach(
              p ->
                  study.setPhase(
                      new CodeableConcept()
                          .addCoding(
                              new org.hl7.fhir.r4.model.Coding(
                                  PHASE_SYSTEM,
                                  p.name().toLowerCase().replace("phase", "phase-"),
                                  null))));
      return List.of(study);
    }

    @Override
    public StudyFacts facts(IBaseResource study) {
      return r4.facts(study);
    }

    @Override
    public Set<String> includes() {
      return r4.includes();
    }

    @Override
    public List<IBaseReference> includeReferences(IBaseResource study, String include) {
      return r4.includeReferences(study, include);
    }

    @Override
    public void describe(IBaseConformance capabilityStatement) {}
  }
}
