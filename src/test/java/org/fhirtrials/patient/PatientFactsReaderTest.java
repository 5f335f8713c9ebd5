package org.fhirtrials.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.fhirtrials.patient.PregnancyFact.Status;
import org.fhirtrials.terminology.Terminology;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class PatientFactsReaderTest {
  private final PatientFactsReader reader = new PatientFactsReader();
  private final PatientFacts facts = reader.read(Fixtures.r4("r4-hcc-patient.json"));

  private static BigDecimal dec(String s) {
    return new BigDecimal(s);
  }

  private BigDecimal latestValue(String loinc) {
    return facts.latest(loinc).flatMap(LabValue::value).orElseThrow().value();
  }

  @Test
  void readsDemographicsAndComputesAgeOnBirthday() {
    assertThat(facts.reference()).isEqualTo("Patient/pat-1");
    assertThat(facts.sex()).isEqualTo(Sex.FEMALE);
    assertThat(facts.ageInYears(LocalDate.of(2024, 5, 14))).contains(53);
    assertThat(facts.ageInYears(LocalDate.of(2024, 5, 15))).contains(54);
    assertThat(facts.deceased()).isEmpty();
  }

  @Test
  void convertsHemoglobinFromGramsPerDecilitreWithReferenceRange() {
    LabValue hb = facts.latest("718-7").orElseThrow();
    assertThat(hb.reference()).isEqualTo("Observation/hb-1");
    assertThat(hb.value()).contains(new Measure(dec("125"), "g/L"));
    assertThat(hb.original()).contains(new Measure(dec("12.5"), "g/dL"));
    assertThat(hb.low().orElseThrow().value()).isEqualByComparingTo("120");
    assertThat(hb.high().orElseThrow().value()).isEqualByComparingTo("160");
    assertThat(hb.interpretation()).extracting(Code::code).containsExactly("N");
    assertThat(hb.canonical()).isTrue();
  }

  @Test
  void skipsEnteredInErrorResults() {
    assertThat(facts.observations("718-7"))
        .extracting(LabValue::reference)
        .containsExactly("Observation/hb-1");
  }

  @Test
  void picksTheNewestPlateletCountAndConvertsCountUnits() {
    assertThat(facts.observations("777-3"))
        .extracting(LabValue::reference)
        .containsExactly("Observation/plt-new", "Observation/plt-old");
    assertThat(latestValue("777-3")).isEqualByComparingTo("210"); // 210 x10E3/uL
    assertThat(facts.observations("777-3").get(1).value().orElseThrow().value())
        .isEqualByComparingTo("150"); // 150000 /uL
    assertThat(latestValue("751-8")).isEqualByComparingTo("1.8"); // 1800 /mm3
  }

  @Test
  void respectsTheLookBackWindow() {
    Instant march2024 = Instant.parse("2024-02-15T00:00:00Z");
    assertThat(facts.latest("777-3", march2024).map(LabValue::reference))
        .contains("Observation/plt-new");
    assertThat(facts.latest("777-3", Instant.parse("2024-06-01T00:00:00Z"))).isEmpty();
  }

  @Test
  void convertsCreatinineAndBilirubinToMicromolesWithMolarMass() {
    LabValue crea = facts.latest("2160-0").orElseThrow();
    assertThat(crea.value().orElseThrow().value().setScale(2, java.math.RoundingMode.HALF_UP))
        .isEqualByComparingTo("88.40"); // 1.0 mg/dL
    assertThat(crea.value().orElseThrow().unit()).isEqualTo("umol/L");
    assertThat(crea.high().orElseThrow().value().setScale(2, java.math.RoundingMode.HALF_UP))
        .isEqualByComparingTo("106.08");
    LabValue bili = facts.latest("1975-2").orElseThrow();
    assertThat(bili.comparator()).contains("<");
    assertThat(bili.value().orElseThrow().value().setScale(2, java.math.RoundingMode.HALF_UP))
        .isEqualByComparingTo("8.55");
  }

  @Test
  void readsInternationalUnitsOfEnzymeActivityAndUnitlessRanges() {
    LabValue alt = facts.latest("1742-6").orElseThrow();
    assertThat(alt.value()).contains(new Measure(dec("88"), "U/L"));
    assertThat(alt.original()).contains(new Measure(dec("88"), "IU/L"));
    assertThat(alt.high()).contains(new Measure(dec("40"), "U/L"));
    assertThat(facts.latest("6301-6").flatMap(LabValue::value))
        .contains(new Measure(dec("1.1"), "{INR}"));
  }

  @Test
  void readsEcogCodedAndIntegerAndKarnofsky() {
    assertThat(facts.latestEcog().map(ScoreFact::value)).contains(2); // LA9624-3
    assertThat(facts.ecog()).extracting(ScoreFact::value).containsExactly(2, 0);
    assertThat(facts.latestKarnofsky().map(ScoreFact::value)).contains(70);
  }

  @Test
  void readsPregnancyStatusObservation() {
    assertThat(facts.latestPregnancy().map(PregnancyFact::status)).contains(Status.NOT_PREGNANT);
  }

  @Test
  void splitsBloodPressureComponents() {
    assertThat(facts.latest("8480-6").flatMap(LabValue::value))
        .contains(new Measure(dec("128"), "mm[Hg]"));
    assertThat(facts.latest("8462-4").map(LabValue::reference)).contains("Observation/bp-1");
  }

  @Test
  void leavesAbsentValuesMissing() {
    assertThat(facts.observations("42595-9")).isEmpty();
    assertThat(facts.latest("42595-9")).isEmpty();
  }

  @Test
  void readsConditionsProceduresAndMedications() {
    ConditionFact hcc =
        facts.conditionsCoded(Terminology.ICD10_CM, "C22.0").stream().findFirst().orElseThrow();
    assertThat(hcc.active()).contains(true);
    assertThat(hcc.onset().map(Timepoint::original)).contains("2023-11");
    assertThat(hcc.text()).contains("Hepatocellular carcinoma");
    ProcedureFact tace = facts.procedures().get(0);
    assertThat(tace.performed().map(Timepoint::earliest))
        .contains(Instant.parse("2024-01-15T08:00:00Z"));
    assertThat(facts.medications(m -> m.hasCode(Terminology.RXNORM, "495881")))
        .extracting(MedicationFact::reference)
        .containsExactly("MedicationStatement/ms-1");
    assertThat(facts.medications(m -> m.kind() == MedicationFact.Kind.REQUEST))
        .singleElement()
        .satisfies(m -> assertThat(m.start().map(Timepoint::original)).contains("2023-05-05"));
  }

  @Test
  void r5BundleYieldsTheSameFactsAsR4() {
    PatientFacts r5 = reader.read(Fixtures.r5("r5-hcc-patient.json"));
    assertThat(r5.observations()).isEqualTo(facts.observations());
    assertThat(r5.conditions()).isEqualTo(facts.conditions());
    assertThat(r5.procedures()).isEqualTo(facts.procedures());
    assertThat(r5.ecog()).isEqualTo(facts.ecog());
    assertThat(r5.ageInYears(LocalDate.of(2024, 5, 15))).contains(54);
    assertThat(r5.medications()).extracting(m -> m.codes().get(0).code()).contains("495881");
  }

  @Test
  void acceptsABarePatient() {
    Patient p = new Patient();
    p.setId("solo");
    p.getBirthDateElement().setValueAsString("1980-02");
    PatientFacts solo = reader.read(p);
    assertThat(solo.reference()).isEqualTo("Patient/solo");
    assertThat(solo.ageInYears(LocalDate.of(2020, 3, 1))).contains(40);
    assertThat(solo.ageInYears(LocalDate.of(2020, 2, 15))).isEmpty(); // 39 or 40
    assertThat(solo.sex()).isEqualTo(Sex.UNKNOWN);
    assertThat(solo.observations()).isEmpty();
  }

  @Test
  void rejectsABundleWithoutPatient() {
    assertThatThrownBy(() -> reader.read(Fixtures.r4("missing-patient.json")))
        .isInstanceOf(PatientDataException.class)
        .hasMessageContaining("no Patient");
  }

  @Test
  void rejectsAnUnknownUnitNamingTheObservation() {
    assertThatThrownBy(() -> reader.read(Fixtures.r4("unknown-unit.json")))
        .isInstanceOf(PatientDataException.class)
        .hasMessageContaining("Observation/plt-furlong")
        .hasMessageContaining("valueQuantity.code")
        .hasMessageContaining("furlong");
  }

  @Test
  void rejectsAUnitOfAnotherKind() {
    assertThatThrownBy(() -> reader.read(Fixtures.r4("incommensurable-unit.json")))
        .isInstanceOf(PatientDataException.class)
        .hasMessageContaining("Observation/hb-mmol")
        .hasMessageContaining("cannot be converted to g/L");
  }

  @Test
  void rejectsMalformedDatesNamingTheField() {
    assertThatThrownBy(() -> reader.read(Fixtures.r4Lenient("malformed-birthdate.json")))
        .isInstanceOf(PatientDataException.class)
        .hasMessageContaining("Patient/pat-bad birthDate");
    assertThatThrownBy(() -> reader.read(Fixtures.r4Lenient("malformed-effective.json")))
        .isInstanceOf(PatientDataException.class)
        .hasMessageContaining("Observation/plt-baddate effectiveDateTime");
  }

  @Test
  void partialDataGivesUnknownsNotErrors() {
    PatientFacts partial = reader.read(Fixtures.r4("partial.json"));
    assertThat(partial.ageInYears(LocalDate.of(2024, 1, 1))).isEmpty();
    assertThat(partial.sex()).isEqualTo(Sex.UNKNOWN);
    assertThat(partial.latest("718-7").flatMap(LabValue::effective)).isEmpty();
    assertThat(partial.latest("718-7", Instant.parse("2000-01-01T00:00:00Z"))).isEmpty();
    assertThat(partial.conditions())
        .singleElement()
        .satisfies(c -> assertThat(c.active()).isEmpty());
    assertThat(partial.latestEcog()).isEmpty();
    assertThat(partial.latestPregnancy()).isEmpty();
  }

  @Test
  void activePregnancyConditionOutranksAnOlderNegativeObservation() {
    PatientFacts preg = reader.read(Fixtures.r4("pregnant-condition.json"));
    assertThat(preg.pregnancy())
        .extracting(PregnancyFact::status, PregnancyFact::reference)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Status.PREGNANT, "Condition/preg-cond"),
            org.assertj.core.groups.Tuple.tuple(Status.NOT_PREGNANT, "Observation/preg-obs-old"));
    assertThat(preg.ageInYears(LocalDate.of(2024, 6, 1))).isEqualTo(Optional.empty());
  }
}
