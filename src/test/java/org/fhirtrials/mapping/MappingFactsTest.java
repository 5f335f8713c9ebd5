package org.fhirtrials.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.fhirtrials.mapping.r4.R4TrialMapper;
import org.fhirtrials.mapping.r5.R5TrialMapper;
import org.fhirtrials.model.Phase;
import org.fhirtrials.model.RecruitmentStatus;
import org.fhirtrials.model.StudyStatus;
import org.fhirtrials.model.Trial;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MappingFactsTest {
  private final R4TrialMapper r4 = new R4TrialMapper();
  private final R5TrialMapper r5 = new R5TrialMapper();

  private static Trial withStatus(RecruitmentStatus s) {
    return TrialFixtures.minimal().toBuilder()
        .status(new StudyStatus(s, null, null, null, null, null, null, null, null, null))
        .build();
  }

  @ParameterizedTest
  @CsvSource({
    "RECRUITING, active, recruiting",
    "NOT_YET_RECRUITING, approved, not-yet-recruiting",
    "ACTIVE_NOT_RECRUITING, closed-to-accrual, active-but-not-recruiting",
    "ENROLLING_BY_INVITATION, active, enrolling-by-invitation",
    "SUSPENDED, temporarily-closed-to-accrual, temporarily-closed-to-accrual",
    "TERMINATED, administratively-completed, terminated",
    "COMPLETED, completed, completed",
    "WITHDRAWN, withdrawn, withdrawn"
  })
  void mapsRegistryStatusPerDesignTable(RecruitmentStatus status, String r4Code, String r5Code) {
    ResearchStudy s4 = (ResearchStudy) r4.map(withStatus(status)).get(0);
    assertThat(s4.getStatus().toCode()).isEqualTo(r4Code);
    var s5 = (org.hl7.fhir.r5.model.ResearchStudy) r5.map(withStatus(status)).get(0);
    assertThat(s5.getProgressStatusFirstRep().getState().getCoding())
        .anyMatch(c -> c.getCode().equals(r5Code));
  }

  @ParameterizedTest
  @EnumSource(RecruitmentStatus.class)
  void keepsExactRegistryStatusInExtension(RecruitmentStatus status) {
    ResearchStudy s4 = (ResearchStudy) r4.map(withStatus(status)).get(0);
    var ext = s4.getExtensionByUrl(FhirUrls.EXT_RECRUITMENT_STATUS);
    assertThat(((org.hl7.fhir.r4.model.Coding) ext.getValue()).getCode()).isEqualTo(status.name());
  }

  @ParameterizedTest
  @CsvSource({
    "PHASE1, PHASE2, phase-1-phase-2",
    "PHASE2, PHASE3, phase-2-phase-3",
    "EARLY_PHASE1, , early-phase-1",
    "NA, , n-a",
    "PHASE4, , phase-4"
  })
  void mapsPhasesIncludingCombinations(Phase a, Phase b, String code) {
    List<Phase> phases = b == null ? List.of(a) : List.of(a, b);
    assertThat(RegistryCodes.phase(phases).orElseThrow().code()).isEqualTo(code);
  }

  @ParameterizedTest
  @CsvSource({
    "NA, N/A",
    "EARLY_PHASE1, Early Phase 1",
    "PHASE3, Phase 3",
  })
  void phaseCodingsCarryTheCodeSystemDisplay(Phase phase, String display) {
    // the official HL7 validator rejects a wrong display ("Not Applicable" for n-a)
    assertThat(RegistryCodes.phase(List.of(phase)).orElseThrow().display()).isEqualTo(display);
  }

  @Test
  void unknownPhaseCombinationStaysText() {
    assertThat(RegistryCodes.phase(List.of(Phase.PHASE1, Phase.PHASE3))).isEmpty();
  }

  @Test
  void kitchenSinkStudyCarriesArmsOutcomesAndTimeFrames() {
    ResearchStudy s = (ResearchStudy) r4.map(TrialFixtures.kitchenSink()).get(0);
    assertThat(s.getArm()).extracting(a -> a.getName()).containsExactly("Drug A", "Placebo");
    assertThat(s.getObjective()).hasSize(3);
    assertThat(s.getObjectiveFirstRep().getExtensionString(FhirUrls.EXT_TIME_FRAME))
        .isEqualTo("Up to 36 months");
    assertThat(s.getPhase().getCodingFirstRep().getCode()).isEqualTo("phase-2-phase-3");
    assertThat(s.getLocation())
        .extracting(l -> l.getCodingFirstRep().getCode())
        .containsExactly("US", "KR");
    assertThat(s.getCondition().get(0).getCodingFirstRep().getCode()).isEqualTo("D006528");
    var s5 = (org.hl7.fhir.r5.model.ResearchStudy) r5.map(TrialFixtures.kitchenSink()).get(0);
    assertThat(s5.getComparisonGroup())
        .extracting(g -> g.getLinkId())
        .containsExactly("arm-1", "arm-2");
    assertThat(s5.getOutcomeMeasure().get(1).getExtensionString(FhirUrls.EXT_TIME_FRAME))
        .isEqualTo("Week 12");
    assertThat(s5.getRecruitment().getTargetNumber()).isEqualTo(240);
    assertThat(s5.getLabel()).hasSize(3);
  }

  @Test
  void randomisedProtocolSelectsExactlyOneArm() {
    PlanDefinition p = (PlanDefinition) r4.map(TrialFixtures.kitchenSink()).get(1);
    var top = p.getActionFirstRep();
    assertThat(top.getSelectionBehavior())
        .isEqualTo(PlanDefinition.ActionSelectionBehavior.EXACTLYONE);
    assertThat(top.getAction()).hasSize(2);
    assertThat(top.getAction().get(0).getActionFirstRep().getTitle()).isEqualTo("Drug A");
  }

  @Test
  void eligibilityGroupKeepsCriteriaVerbatimWithExcludeFlagsAndComputableAgeSex() {
    Group g = (Group) r4.map(TrialFixtures.kitchenSink()).get(2);
    assertThat(g.getActual()).isFalse();
    assertThat(g.getQuantity()).isEqualTo(240);
    var prior =
        g.getCharacteristic().stream()
            .filter(c -> "Prior sorafenib".equals(c.getCode().getText()))
            .findFirst()
            .orElseThrow();
    assertThat(prior.getExclude()).isTrue();
    var sub =
        g.getCharacteristic().stream()
            .filter(c -> "score 5".equals(c.getCode().getText()))
            .findFirst()
            .orElseThrow();
    assertThat(sub.getExtensionString(FhirUrls.EXT_CRITERION_LEAD_IN)).isEqualTo("Child-Pugh A:");
    var age = g.getCharacteristicFirstRep();
    assertThat(age.getCode().getCodingFirstRep().getCode()).isEqualTo("397669002");
    var expr =
        (org.hl7.fhir.r4.model.Expression)
            age.getExtensionByUrl(FhirUrls.EXT_CHARACTERISTIC_EXPRESSION).getValue();
    assertThat(expr.getExpression())
        .isEqualTo(
            "entry.resource.ofType(Patient).select(birthDate <= today() - 18 years and birthDate >"
                + " today() - 76 years)");
    var r5Group = (org.hl7.fhir.r5.model.Group) r5.map(TrialFixtures.kitchenSink()).get(2);
    assertThat(r5Group.getMembership())
        .isEqualTo(org.hl7.fhir.r5.model.Group.GroupMembershipBasis.DEFINITIONAL);
  }

  @Test
  void siteLocationHasPositionStatusAndTelecom() {
    Location l =
        r4.map(TrialFixtures.kitchenSink()).stream()
            .filter(r -> r instanceof Location)
            .map(Location.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(l.getPosition().getLatitude().doubleValue()).isEqualTo(42.3601);
    assertThat(l.getTelecom()).extracting(t -> t.getValue()).contains("site@example.org");
  }

  @Test
  void everyReferenceResolvesWithinTheProducedResources() {
    for (Trial t : List.of(TrialFixtures.kitchenSink(), TrialFixtures.minimal())) {
      List<Resource> out = r4.map(t);
      Set<String> ids =
          out.stream()
              .map(r -> r.fhirType() + "/" + r.getIdElement().getIdPart())
              .collect(Collectors.toSet());
      assertThat(ids).hasSize(out.size());
      var ctx = ca.uhn.fhir.context.FhirContext.forR4Cached();
      for (Resource r : out) {
        for (Reference ref :
            ctx.newTerser().getAllPopulatedChildElementsOfType(r, Reference.class)) {
          if (ref.hasReference()) {
            assertThat(ids).as(r.getId() + " → " + ref.getReference()).contains(ref.getReference());
          }
        }
      }
      var r5Out = r5.map(t);
      assertThat(r5Out)
          .extracting(r -> r.fhirType() + "/" + r.getIdElement().getIdPart())
          .containsExactlyElementsOf(
              out.stream().map(r -> r.fhirType() + "/" + r.getIdElement().getIdPart()).toList());
    }
  }

  @Test
  void mappingIsDeterministic() {
    var p = ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser();
    String a = p.encodeResourceToString(r4.map(TrialFixtures.kitchenSink()).get(0));
    String b = p.encodeResourceToString(r4.map(TrialFixtures.kitchenSink()).get(0));
    assertThat(a).isEqualTo(b);
  }
}
