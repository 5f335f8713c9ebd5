package org.fhirtrials.eligibility.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.fhirtrials.model.Criterion;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Extraction from the real criteria texts of the five seed trials (strings copied verbatim). */
class CriterionExtractorTest {
  private final CriterionExtractor extractor = new CriterionExtractor();

  private ExtractedCriterion inc(String text) {
    return extractor.extract(new Criterion("inc-1", false, text, null, false));
  }

  private ExtractedCriterion exc(String text) {
    return extractor.extract(new Criterion("exc-1", true, text, null, false));
  }

  private static Constraint only(ExtractedCriterion e, String name) {
    List<Constraint> found = e.constraints().stream().filter(c -> c.name().equals(name)).toList();
    assertThat(found).as("constraints named %s in %s", name, e.constraints()).hasSize(1);
    return found.get(0);
  }

  private static void assertThreshold(
      Constraint c, Comparator op, String value, String unit, Reference reference) {
    assertThat(c.thresholds()).containsExactly(new Threshold(op, new BigDecimal(value)));
    assertThat(c.unit()).isEqualTo(unit);
    assertThat(c.reference()).isEqualTo(reference);
  }

  @Nested
  class Nct06310590 {
    static final String LABS =
        "Adequate organ function: (1) Blood routine [no blood transfusion or granulocyte"
            + " colony-stimulating factor (G-CSF) treatment within 14 days]: absolute neutrophil count"
            + " (ANC) ≥ 1.5 × 10^9/L; platelet (PLT) ≥ 80 × 10^9/L; hemoglobin (HGB) ≥ 90 g/L; (2)"
            + " Liver function: total bilirubin (TBIL) ≤ 2 times upper limit of normal (ULN); alanine"
            + " transaminase (ALT) and aspartate aminotransferase (AST) ≤ 5. 0×ULN; Albumin > 30 g/L;"
            + " (3) Renal function: Creatinine (Cr) ≤ 1.5×ULN; creatinine clearance rate (CCr)≥ 50"
            + " mL/min (calculated according to Cockcroft-Gault formula); (4) Coagulation function:"
            + " international normalized ratio (INR), prothrombin time (PT) and activated partial"
            + " thromboplastin time (APTT) ≤1.5×ULN [If any participant takes warfarin or heparin for"
            + " anticoagulation therapy, the investigator should evaluate whether the participant meet"
            + " the requirements of the protocol]; (5) Cardiovascular function: left ventricular"
            + " ejection fraction (LVEF) ≥ 50 percent assessed by ultrasonic cardiogram;";

    @Test
    void readsAgeRangeWithoutUnit() {
      Constraint age = only(inc("Aged 18 to 80 and signed informed consent;"), "Age");
      assertThat(age.thresholds())
          .containsExactly(
              new Threshold(Comparator.GE, new BigDecimal("18")),
              new Threshold(Comparator.LE, new BigDecimal("80")));
      assertThat(age.unit()).isEqualTo("a");
      assertThat(age.computable()).isTrue();
    }

    @Test
    void keepsChildPughScoreButNotComputableWithoutVerifiedCode() {
      ExtractedCriterion e = inc("Child-Pugh score ≤ 7;");
      Constraint cp = only(e, "Child-Pugh");
      assertThreshold(cp, Comparator.LE, "7", "{score}", Reference.ABSOLUTE);
      assertThat(cp.concept()).isNull();
      assertThat(e.computable()).isFalse();
      assertThat(e.reason()).contains("no verified code");
    }

    @Test
    void readsEcogSpelledOut() {
      ExtractedCriterion e = inc("Eastern Cooperative Oncology Group performance status ≤ 1;");
      Constraint ecog = only(e, "ECOG performance status");
      assertThat(ecog.concept().code()).isEqualTo("89247-1");
      assertThreshold(ecog, Comparator.LE, "1", null, Reference.ABSOLUTE);
      assertThat(e.computable()).isTrue();
    }

    @Test
    void splitsOrganFunctionIntoOneConstraintPerLab() {
      ExtractedCriterion e = inc(LABS);
      assertThreshold(
          only(e, "Absolute neutrophil count"), Comparator.GE, "1.5", "10*9/L", Reference.ABSOLUTE);
      assertThreshold(only(e, "Platelets"), Comparator.GE, "80", "10*9/L", Reference.ABSOLUTE);
      assertThreshold(only(e, "Hemoglobin"), Comparator.GE, "90", "g/L", Reference.ABSOLUTE);
      assertThreshold(only(e, "Total bilirubin"), Comparator.LE, "2", null, Reference.ULN_MULTIPLE);
      // "≤ 5. 0×ULN": the broken decimal is repaired, and ALT shares AST's threshold
      assertThreshold(
          only(e, "Alanine aminotransferase"), Comparator.LE, "5.0", null, Reference.ULN_MULTIPLE);
      assertThreshold(
          only(e, "Aspartate aminotransferase"),
          Comparator.LE,
          "5.0",
          null,
          Reference.ULN_MULTIPLE);
      assertThreshold(only(e, "Albumin"), Comparator.GT, "30", "g/L", Reference.ABSOLUTE);
      assertThreshold(only(e, "Creatinine"), Comparator.LE, "1.5", null, Reference.ULN_MULTIPLE);
      assertThreshold(
          only(e, "Creatinine clearance (Cockcroft-Gault)"),
          Comparator.GE,
          "50",
          "mL/min",
          Reference.ABSOLUTE);
      assertThreshold(
          only(e, "International normalized ratio"),
          Comparator.LE,
          "1.5",
          null,
          Reference.ULN_MULTIPLE);
      assertThreshold(
          only(e, "Prothrombin time"), Comparator.LE, "1.5", null, Reference.ULN_MULTIPLE);
      assertThreshold(
          only(e, "Activated partial thromboplastin time"),
          Comparator.LE,
          "1.5",
          null,
          Reference.ULN_MULTIPLE);
      assertThreshold(
          only(e, "Left ventricular ejection fraction"),
          Comparator.GE,
          "50",
          "%",
          Reference.ABSOLUTE);
      // the transfusion window is not the lab's window
      assertThat(only(e, "Platelets").window()).isNull();
    }

    @Test
    void uncodedLabsLeaveTheCriterionPartiallyComputable() {
      ExtractedCriterion e = inc(LABS);
      assertThat(e.logic()).isEqualTo(ExtractedCriterion.Logic.ALL_OF);
      assertThat(e.computable()).isFalse();
      assertThat(e.reason()).contains("Prothrombin time").doesNotContain("Creatinine clearance");
      assertThat(only(e, "Platelets").computable()).isTrue();
      // creatinine clearance is coded: the Cockcroft-Gault estimate, or a measured clearance
      Constraint crcl = only(e, "Creatinine clearance (Cockcroft-Gault)");
      assertThat(crcl.computable()).isTrue();
      assertThat(crcl.fhirPath()).contains("35591-7").contains("2164-2").contains("'mL/min'");
      // computable parts joined with "and", unknown parts as {} (three-valued logic)
      assertThat(e.fhirPath()).contains(" and ").contains("({})");
    }

    @Test
    void spansPointIntoTheVerbatimText() {
      ExtractedCriterion e = inc(LABS);
      Constraint alt = only(e, "Alanine aminotransferase");
      assertThat(LABS.substring(alt.start(), alt.end())).startsWith("alanine transaminase (ALT)");
      Constraint plt = only(e, "Platelets");
      assertThat(LABS.substring(plt.start(), plt.end())).isEqualTo("platelet (PLT) ≥ 80 × 10^9/L");
    }

    @Test
    void exclusionHivPositiveIsAComputableCondition() {
      ExtractedCriterion e = exc("With positive results of HIV antibody test;");
      Constraint hiv = only(e, "HIV infection");
      assertThat(hiv.category()).isEqualTo(Category.CONDITION);
      assertThat(hiv.absent()).isFalse();
      assertThat(e.computable()).isTrue();
      assertThat(e.fhirPath()).contains("B20|B21|B22|B23|B24");
    }

    @Test
    void exclusionPregnancyOrLactation() {
      ExtractedCriterion e = exc("Pregnant or lactating women;");
      assertThat(e.logic()).isEqualTo(ExtractedCriterion.Logic.ANY_OF);
      assertThat(only(e, "Pregnancy").computable()).isTrue();
      assertThat(only(e, "Lactation").computable()).isFalse();
      // pregnant → excluded even though lactation is unknown: "(pregnant) or {}"
      assertThat(e.fhirPath()).endsWith(" or ({})");
    }

    @Test
    void exclusionExtrahepaticMetastasisAndOtherMalignancyButNotLiverCancer() {
      ExtractedCriterion e =
          exc(
              "With the extrahepatic metastasis or concurrent malignant tumors other than liver"
                  + " cancer;");
      assertThat(e.constraints())
          .extracting(Constraint::name)
          .containsExactly("Extrahepatic metastasis", "Other malignancy");
    }

    @Test
    void exclusionPriorRadiotherapyOrTace() {
      ExtractedCriterion e =
          exc(
              "Have received radiotherapy or transcatheter arterial chemoembolization (participants"
                  + " who have received transcatheter arterial non-iodized oil chemoembolization are"
                  + " judged by investigators);");
      assertThat(e.constraints(Category.PRIOR_THERAPY))
          .extracting(Constraint::name)
          .containsExactly("Radiotherapy", "Transarterial chemoembolization (TACE)");
      assertThat(e.constraints()).allSatisfy(c -> assertThat(c.window().anyTime()).isTrue());
      assertThat(e.computable()).isFalse();
    }
  }

  @Nested
  class Nct06178198 {
    private ExtractedCriterion subItem(String text) {
      return extractor.extract(
          new Criterion(
              "inc-9.1",
              false,
              text,
              "Patients with no major organ dysfunction according to blood tests performed within"
                  + " one month of study enrollment.",
              true));
    }

    @Test
    void lostComparatorIsNeverGuessed() {
      ExtractedCriterion e = subItem("Leukocytes = 2,500/µL and = 12,000/µL");
      Constraint wbc = only(e, "Leukocytes");
      assertThat(wbc.thresholds()).extracting(Threshold::comparator).containsOnly(Comparator.EQ);
      assertThat(wbc.unit()).isEqualTo("/uL");
      assertThat(wbc.computable()).isFalse();
      assertThat(wbc.reason()).contains("comparator lost");
      assertThat(e.computable()).isFalse();
      assertThat(e.fhirPath()).isNull();
    }

    @Test
    void everyLabSubItemIsNotComputable() {
      for (String text :
          List.of(
              "Absolute neutrophil count = 1,500 /mm^3",
              "Hemoglobin = 8.0 g/dL (transfusion allowed to meet this criterion)",
              "Total bilirubin = 3.0 mg/dL",
              "Platelet = 50,000/µL",
              "INR = 2.0 for patients not taking anticoagulants",
              "AST = 200 IU/L (i.e., = 5X upper normal limit)",
              "Creatinine = 2.0 mg/dL")) {
        ExtractedCriterion e = subItem(text);
        assertThat(e.constraints()).as(text).isNotEmpty();
        assertThat(e.computable()).as(text).isFalse();
        assertThat(e.fhirPath()).as(text).isNull();
      }
    }

    @Test
    void lostComparatorWindowComesFromTheLeadIn() {
      Constraint plt = only(subItem("Platelet = 50,000/µL"), "Platelets");
      assertThat(plt.window().amount()).isEqualTo(1);
      assertThat(plt.window().unit()).isEqualTo("months");
    }

    @Test
    void childPughClassAndEcogInWords() {
      assertThat(only(inc("Child-Pugh class A."), "Child-Pugh").allowedValues())
          .containsExactly("A");
      Constraint ecog =
          only(inc("ECOG performance status of 1 or less."), "ECOG performance status");
      assertThreshold(ecog, Comparator.LE, "1", null, Reference.ABSOLUTE);
    }

    @Test
    void noPriorTreatmentForLiverCancerDoesNotRequireAbsentHcc() {
      assertThat(inc("Patients with no prior treatment for liver cancer.").constraints()).isEmpty();
    }

    @Test
    void nonPregnantMeansPregnancyAbsent() {
      Constraint p = only(inc("Non-pregnant women of childbearing potential."), "Pregnancy");
      assertThat(p.absent()).isTrue();
      // non-pregnant: a "pregnant" answer makes it false, a "not pregnant" answer true
      assertThat(p.fhirPath()).contains("'77386006')").contains(").exists(), false, iif(");
    }
  }

  @Nested
  class Nct05233358 {
    static final String LAB_EXCLUSION =
        "Laboratory test values 1 week before randomization: blood routine: ① leukocyte"
            + " <3.0×109/L; ② absolute neutrophil count <1.5×109/L; ③ platelets <75×109/L; ④"
            + " hemoglobin < 90g/L; liver function: ①serum albumin<30g/L; ②ALT and AST>5×ULN; renal"
            + " function: ①serum creatinine>1.5×ULN; ②Cr clearance rate<50ml/min; ③estimated renal"
            + " small Globular filtration rate (eGFR) <30 mL/min/1.73 m2; coagulation function: ①"
            + " international normalized ratio (INR)> 2; ② prothrombin time (PT) exceeding the range"
            + " of normal control> 6 seconds;";

    @Test
    void circledListInAnExclusionYieldsExcludingThresholds() {
      ExtractedCriterion e = exc(LAB_EXCLUSION);
      assertThat(e.logic()).isEqualTo(ExtractedCriterion.Logic.ANY_OF);
      // the lost superscript: "3.0×109/L" is 3.0 × 10^9/L
      assertThreshold(only(e, "Leukocytes"), Comparator.LT, "3.0", "10*9/L", Reference.ABSOLUTE);
      assertThreshold(
          only(e, "Absolute neutrophil count"), Comparator.LT, "1.5", "10*9/L", Reference.ABSOLUTE);
      assertThreshold(only(e, "Platelets"), Comparator.LT, "75", "10*9/L", Reference.ABSOLUTE);
      assertThreshold(only(e, "Hemoglobin"), Comparator.LT, "90", "g/L", Reference.ABSOLUTE);
      assertThreshold(only(e, "Albumin"), Comparator.LT, "30", "g/L", Reference.ABSOLUTE);
      assertThreshold(
          only(e, "Alanine aminotransferase"), Comparator.GT, "5", null, Reference.ULN_MULTIPLE);
      assertThreshold(
          only(e, "Estimated glomerular filtration rate"),
          Comparator.LT,
          "30",
          "mL/min/{1.73_m2}",
          Reference.ABSOLUTE);
      assertThreshold(
          only(e, "International normalized ratio"), Comparator.GT, "2", null, Reference.ABSOLUTE);
      assertThat(only(e, "Platelets").window().amount()).isEqualTo(1);
      assertThat(only(e, "Platelets").window().unit()).isEqualTo("weeks");
    }

    @Test
    void ageWithYearsOldOnBothBounds() {
      Constraint age = only(inc("Age ≥18 years old to 70 years old;"), "Age");
      assertThat(age.thresholds())
          .containsExactly(
              new Threshold(Comparator.GE, new BigDecimal("18")),
              new Threshold(Comparator.LE, new BigDecimal("70")));
    }

    @Test
    void cnlcStageRangeIsKeptButNotComputable() {
      Constraint stage = only(inc("The China liver cancer staging is IIb-IIIa;"), "CNLC stage");
      assertThat(stage.allowedValues()).containsExactly("IIb", "IIIa");
      assertThat(stage.computable()).isFalse();
    }

    @Test
    void childPughGradeWithPoints() {
      Constraint cp =
          only(
              inc("Child-Pugh liver function classification: grade A/B (≤9 points);"),
              "Child-Pugh");
      assertThat(cp.allowedValues()).containsExactly("A", "B");
      assertThreshold(cp, Comparator.LE, "9", "{score}", Reference.ABSOLUTE);
    }

    @Test
    void hbvSubgroupRuleKeepsDnaThresholdButNotARequirementToHaveHbv() {
      ExtractedCriterion e =
          inc(
              "Patients with active hepatitis B virus (HBV) infection: HBV DNA ≤2000 IU/mL (104"
                  + " cps/ml) obtained within 28 days prior to initiation of study treatment, and"
                  + " receiving anti-HBV treatment for at least 14 days prior to study entry (based on"
                  + " local standard treatment) and willing to continue to receive treatment during"
                  + " the study;");
      Constraint dna = only(e, "HBV DNA");
      assertThreshold(dna, Comparator.LE, "2000", "[IU]/mL", Reference.ABSOLUTE);
      assertThat(dna.concept().code()).isEqualTo("42595-9");
      assertThat(dna.window().amount()).isEqualTo(28);
      assertThat(only(e, "Hepatitis B").computable()).isFalse();
    }

    @Test
    void exceptCarvesOutHbvAndHcv() {
      assertThat(exc("Combined with active infection, except HBV and HCV;").constraints())
          .isEmpty();
    }
  }

  @Nested
  class Nct07334483 {
    @Test
    void qtcfSexSpecificThresholds() {
      ExtractedCriterion e =
          exc(
              "iv. Severe cardiac rhythm or conduction abnormalities, including supraventricular or"
                  + " ventricular arrhythmias requiring treatment, QTcF value ≥ 450 ms (males)/≥ 470"
                  + " ms (females), or second-degree or third-degree atrioventricular block.");
      List<Constraint> qtc = e.constraints(Category.VITAL);
      assertThat(qtc).hasSize(2);
      assertThat(qtc.get(0).sex()).isEqualTo(Sex.MALE);
      assertThreshold(qtc.get(0), Comparator.GE, "450", "ms", Reference.ABSOLUTE);
      assertThat(qtc.get(1).sex()).isEqualTo(Sex.FEMALE);
      assertThreshold(qtc.get(1), Comparator.GE, "470", "ms", Reference.ABSOLUTE);
      assertThat(qtc.get(0).fhirPath())
          .startsWith(
              "(entry.resource.ofType(Patient).gender.where($this = 'male' or $this = 'female')"
                  + " = 'male') and (");
    }

    @Test
    void qtcfInMenAndWomen() {
      ExtractedCriterion e =
          exc(
              "Active heart disease, including myocardial infarction, unstable angina pectoris,"
                  + " NYHA class II and above heart failure, and poorly controlled arrhythmias"
                  + " (including QTcF interval >450 ms in men and >470 ms in women);");
      assertThat(e.constraints(Category.VITAL))
          .extracting(Constraint::sex, c -> c.threshold().value().intValue())
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(Sex.MALE, 450),
              org.assertj.core.groups.Tuple.tuple(Sex.FEMALE, 470));
    }

    @Test
    void bloodPressureAndOr() {
      ExtractedCriterion e =
          exc(
              "i. Uncontrollable hypertension (systolic blood pressure \\> 150 mmHg and/or diastolic"
                  + " blood pressure \\> 100 mmHg) after optimal antihypertensive treatment, with a"
                  + " previous history of hypertensive crisis or hypertensive encephalopathy.");
      assertThreshold(
          only(e, "Systolic blood pressure"), Comparator.GT, "150", "mm[Hg]", Reference.ABSOLUTE);
      assertThreshold(
          only(e, "Diastolic blood pressure"), Comparator.GT, "100", "mm[Hg]", Reference.ABSOLUTE);
      assertThat(e.computable()).isTrue();
      assertThat(e.fhirPath()).contains("'8480-6'").contains("'8462-4'").contains(" or ");
    }

    @Test
    void hbvDnaBelow2000WithMarkdownEscape() {
      ExtractedCriterion e =
          extractor.extract(
              new Criterion(
                  "inc-12.1",
                  false,
                  "i. Subjects with HBV infection (HBsAg and/or HBV-DNA positive): Subjects should"
                      + " receive antiviral treatment with one of the 4 drugs recommended by the"
                      + " national clinical guidelines for hepatitis B (tenofovir disoproxil"
                      + " fumarate, tenofovir alafenamide fumarate, tenofovir amibufenamide and"
                      + " entecavir) for at least 7 days before the first study treatment to achieve"
                      + " HBV-DNA \\< 2000 IU/mL or \\< 104 copies/mL. The standardized antiviral"
                      + " treatment must be received throughout the study.",
                  "If the subject has HBV or HCV infection, the following criteria must be met:",
                  false));
      assertThreshold(only(e, "HBV DNA"), Comparator.LT, "2000", "[IU]/mL", Reference.ABSOLUTE);
      assertThat(only(e, "Hepatitis B").computable()).isFalse();
    }

    @Test
    void inrOrPtIsAnyOf() {
      ExtractedCriterion e =
          inc(
              "iv. Coagulation function: International normalized ratio (INR) ≤ 1.8, or"
                  + " prothrombin time (PT) exceeds the range of normal control ≤ 4 seconds.");
      assertThreshold(
          only(e, "International normalized ratio"),
          Comparator.LE,
          "1.8",
          null,
          Reference.ABSOLUTE);
      assertThat(e.logic()).isEqualTo(ExtractedCriterion.Logic.ANY_OF);
      assertThat(only(e, "International normalized ratio").fhirPath()).contains(".value <= 1.8");
    }

    @Test
    void ageBothComparators() {
      Constraint age = only(inc("Patients aged ≥ 18 and ≤ 75, regardless of gender."), "Age");
      assertThat(age.thresholds()).hasSize(2);
      assertThat(age.fhirPath())
          .isEqualTo(
              "entry.resource.ofType(Patient).select(birthDate <= today() - 18 years and birthDate"
                  + " > today() - 76 years)");
    }

    @Test
    void ecogRangeAndChildPughClassWithPoints() {
      Constraint ecog = only(inc("ECOG PS score: 0-1."), "ECOG performance status");
      assertThat(ecog.thresholds())
          .extracting(Threshold::comparator)
          .containsExactly(Comparator.GE, Comparator.LE);
      Constraint cp =
          only(
              inc("Child-Pugh liver function classification: Class A or Class B with ≤7 points."),
              "Child-Pugh");
      assertThat(cp.allowedValues()).containsExactly("A", "B");
      assertThreshold(cp, Comparator.LE, "7", "{score}", Reference.ABSOLUTE);
    }
  }

  @Nested
  class Nct06779461 {
    @Test
    void vagueBloodCountsAreNotComputable() {
      ExtractedCriterion e =
          exc("Abnormal blood counts (WBC, platelets, neutrophils, hemoglobin);");
      assertThat(e.computable()).isFalse();
      assertThat(e.fhirPath()).isNull();
      assertThat(e.constraints()).allSatisfy(c -> assertThat(c.computable()).isFalse());
    }

    @Test
    void renalImpairmentWithoutThresholdIsNotComputable() {
      ExtractedCriterion e = exc("Renal impairment (creatinine, creatinine clearance);");
      assertThat(e.computable()).isFalse();
    }

    @Test
    void ageInclusiveAndEcogWithChildPughClasses() {
      Constraint age =
          only(inc("Age range: 18 to 80 years inclusive, regardless of gender;"), "Age");
      assertThat(age.thresholds()).hasSize(2);
      ExtractedCriterion e = inc("ECOG score ≤ 2, and Child-Pugh classification of A or B;");
      assertThreshold(
          only(e, "ECOG performance status"), Comparator.LE, "2", null, Reference.ABSOLUTE);
      assertThat(only(e, "Child-Pugh").allowedValues()).containsExactly("A", "B");
    }

    @Test
    void vpClassesAndTumourBurden() {
      assertThat(exc("Vp3/Vp4 portal vein tumor thrombus;").constraints(Category.STAGING))
          .flatExtracting(Constraint::allowedValues)
          .containsExactly("Vp3", "Vp4");
      Constraint burden =
          only(exc("Tumor occupying ≥70% of liver volume;"), "Tumour burden (% of liver volume)");
      assertThreshold(burden, Comparator.GE, "70", "%", Reference.ABSOLUTE);
      assertThat(burden.computable()).isFalse();
    }

    @Test
    void priorSystemicTreatmentWithin28Days() {
      Constraint t =
          only(
              exc("Received other antitumor systemic treatment within 28 days before enrollment;"),
              "Systemic anticancer therapy");
      assertThat(t.window().amount()).isEqualTo(28);
      assertThat(t.window().unit()).isEqualTo("days");
    }
  }

  @Nested
  class MustNotExtract {
    @Test
    void cycleLengthIsNotAThreshold() {
      assertThat(
              inc("within 2 weeks of regorafenib (28 days as a cycle, 80-160 mg qd regorafenib"
                      + " orally on days 1-21)")
                  .constraints(Category.LAB))
          .isEmpty();
    }

    @Test
    void lifeExpectancyIsNotALab() {
      for (String text :
          List.of(
              "Life expectancy ≥3 months.",
              "Expected survival > 3 months;",
              "Estimated survival period < 3 months;")) {
        ExtractedCriterion e = inc(text);
        assertThat(e.constraints()).as(text).isEmpty();
        assertThat(e.computable()).as(text).isFalse();
      }
    }

    @Test
    void childbearingAgeIsNotAnAgeLimit() {
      assertThat(
              inc("Patients of childbearing potential should use effective contraceptive measures"
                      + " from the signing of the ICF to at least 3 months after the last study"
                      + " treatment.")
                  .constraints(Category.AGE))
          .isEmpty();
    }

    @Test
    void investigatorJudgementIsNotComputable() {
      ExtractedCriterion e =
          exc(
              "Any other reason that the investigator deems the participant unsuitable for"
                  + " participating in this trial.");
      assertThat(e.computable()).isFalse();
      assertThat(e.reason()).isEqualTo("no computable concept found");
    }

    @Test
    void invasiveHccInAnExclusionDoesNotExcludeHcc() {
      assertThat(
              exc("Invasive HCC, that is, imaging shows that microscopic or small tumor nodules are"
                      + " diffusely distributed in a certain liver lobe or the entire liver.")
                  .constraints(Category.CONDITION))
          .isEmpty();
    }

    @Test
    void coinfectionDoesNotExcludeEveryHbvPatient() {
      ExtractedCriterion e =
          exc(
              "Patients with congenital or acquired immune deficiency (such as HIV infection),"
                  + " active syphilis, or co-infection of hepatitis B and C.");
      assertThat(only(e, "Hepatitis B").computable()).isFalse();
    }
  }
}
