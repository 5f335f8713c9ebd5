package org.fhirtrials.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.fhirtrials.terminology.Terminology;
import org.fhirtrials.testing.SharedData;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/** Facts from the public patient bundles in shared/data/patients (Synthea R4, mCODE). */
class SharedPatientsTest {
  private final PatientFactsReader reader = new PatientFactsReader();

  private static Path patients() {
    return SharedData.require("patients");
  }

  private static Path synthea(String prefix) throws IOException {
    try (Stream<Path> files = Files.list(patients().resolve("synthea_r4"))) {
      return files
          .filter(p -> p.getFileName().toString().startsWith(prefix))
          .findFirst()
          .orElseThrow();
    }
  }

  private static String rounded(LabValue v, int scale) {
    return v.value().orElseThrow().value().setScale(scale, RoundingMode.HALF_UP).toPlainString();
  }

  @Test
  void jordanCruickshankHasElevatedTransaminasesInUnitsPerLitre() throws IOException {
    PatientFacts f = reader.read(Fixtures.r4(synthea("Jordan_Cruickshank")));
    LabValue alt = f.latest("1742-6").orElseThrow();
    assertThat(alt.original().orElseThrow().unit()).isEqualTo("IU/L");
    assertThat(alt.value().orElseThrow().unit()).isEqualTo("U/L");
    assertThat(rounded(alt, 0)).isEqualTo("142");
    assertThat(rounded(f.latest("1920-8").orElseThrow(), 0)).isEqualTo("163");
    // creatinine 0.762 mg/dL = 67.4 umol/L
    assertThat(rounded(f.latest("2160-0").orElseThrow(), 1)).isEqualTo("67.4");
    // three hemoglobins 2011..2017; the newest (16.31 g/dL) wins, in g/L
    assertThat(f.observations("718-7")).hasSize(3);
    assertThat(rounded(f.latest("718-7").orElseThrow(), 1)).isEqualTo("163.1");
    assertThat(f.latest("718-7").orElseThrow().effective().orElseThrow().original())
        .startsWith("2017-06-24");
    assertThat(f.sex()).isEqualTo(Sex.FEMALE);
    assertThat(f.ageInYears(LocalDate.of(2017, 6, 24))).contains(51);
    // platelets reported under a second LOINC (26515-7, K/uL) stay under that code as recorded
    assertThat(f.latest("26515-7").orElseThrow().canonical()).isFalse();
  }

  @Test
  void cleoFriesenIsDeceasedAndHasBloodPressureComponents() throws IOException {
    PatientFacts f = reader.read(Fixtures.r4(synthea("Cleo_Friesen")));
    assertThat(f.deceased()).contains(true);
    assertThat(f.deceasedAt().orElseThrow().original()).startsWith("1991-04-11");
    assertThat(f.observations("8480-6")).hasSize(10);
    assertThat(f.latest("777-3").orElseThrow().value().orElseThrow().unit()).isEqualTo("10*9/L");
    assertThat(f.conditions()).isNotEmpty();
  }

  @Test
  void mcodePatientHasEcogKarnofskyAndCancerConditions() {
    Bundle b = Fixtures.r4(patients().resolve("mitre_ctms/patient_data.json"));
    PatientFacts f = reader.read(b);
    assertThat(f.latestEcog().map(ScoreFact::value)).contains(3);
    assertThat(f.latestKarnofsky().map(ScoreFact::value)).contains(90);
    assertThat(f.ageInYears(LocalDate.of(2019, 4, 1))).contains(52);
    // the bundle repeats resources verbatim; each is counted once
    assertThat(f.conditions()).extracting(ConditionFact::reference).doesNotHaveDuplicates();
    assertThat(f.medications()).isNotEmpty();
    assertThat(f.medications(m -> m.hasCode(Terminology.RXNORM, "583214"))).isNotEmpty();
  }

  @Test
  void mcodeAppPatientEcogIsInteger() {
    PatientFacts f =
        reader.read(Fixtures.r4(patients().resolve("mitre_ctm_app/TrialMatching_Patient01.json")));
    assertThat(f.latestEcog().map(ScoreFact::value)).contains(1);
  }

  @Test
  void brokenMcodePatientIsRejectedForItsOutOfRangeScore() {
    Bundle b =
        Fixtures.r4(
            patients()
                .resolve("mitre_ctms/patient_data_missing_birthdate_invalid_ecog_karnofsky.json"));
    assertThatThrownBy(() -> reader.read(b))
        .isInstanceOf(PatientDataException.class)
        .hasMessageContaining("Observation/")
        .hasMessageContaining("valueInteger")
        .hasMessageMatching(".*(ECOG|Karnofsky) score -1 is outside 0\\.\\.(5|100).*");
  }

  @Test
  void everyPublicBundleReadsAndTimingIsReported() throws IOException {
    List<Path> files;
    try (Stream<Path> all = Files.walk(patients())) {
      files =
          all.filter(p -> p.toString().endsWith(".json"))
              .filter(p -> !p.getFileName().toString().contains("invalid"))
              .sorted()
              .toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(10);
    for (Path file : files) {
      Bundle b = Fixtures.r4(file);
      int resources = b.getEntry().size();
      for (int i = 0; i < 20; i++) { // warm-up
        reader.read(b);
      }
      int rounds = 50;
      long start = System.nanoTime();
      PatientFacts f = null;
      for (int i = 0; i < rounds; i++) {
        f = reader.read(b);
      }
      double micros = (System.nanoTime() - start) / 1_000.0 / rounds;
      System.out.printf(
          "patient facts %-70s %4d resources %8.1f us/bundle %6.2f us/resource%n",
          patients().relativize(file), resources, micros, micros / resources);
      assertThat(f.reference()).startsWith("Patient/");
    }
  }
}
