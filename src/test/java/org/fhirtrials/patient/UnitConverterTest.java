package org.fhirtrials.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitConverterTest {

  private static BigDecimal convert(String loinc, String value, String unit) {
    LabCatalog.Analyte a = LabCatalog.forLoinc(loinc).orElseThrow();
    UnitConverter.Conversion c = UnitConverter.toCanonical(a, new BigDecimal(value), unit);
    assertThat(c.problem()).isNull();
    assertThat(c.measure().orElseThrow().unit()).isEqualTo(a.canonicalUnit());
    return c.measure().orElseThrow().value().setScale(3, RoundingMode.HALF_UP);
  }

  @ParameterizedTest(name = "{0}: {1} {2} = {3}")
  @CsvSource({
    "777-3, 100, 10*3/uL, 100",
    "777-3, 100000, /uL, 100",
    "777-3, 100000, /mm3, 100",
    "777-3, 100, K/uL, 100", // K is kelvin in UCUM; on lab reports it means thousands
    "777-3, 100, x10E3/uL, 100",
    "777-3, 100, 10^9/L, 100",
    "751-8, 1500, cells/uL, 1.5",
    "718-7, 9, g/dL, 90",
    "718-7, 90, g/L, 90",
    "1751-7, 3.5, g/dl, 35",
    "2160-0, 1, mg/dL, 88.402", // creatinine 113.12 g/mol
    "2160-0, 88.4, umol/L, 88.4",
    "1975-2, 1, mg/dL, 17.104", // bilirubin 584.66 g/mol
    "1975-2, 1.5, mg/dL, 25.656",
    "1975-2, 20, µmol/L, 20",
    "1742-6, 50, IU/L, 50",
    "1742-6, 50, U/L, 50",
    "6301-6, 1.2, '', 1.2",
    "33914-3, 60, mL/min, 60",
    "33914-3, 60, mL/min/1.73m2, 60",
    "10230-1, 0.55, 1, 55",
    "8636-3, 0.45, s, 450",
    "8480-6, 140, mmHg, 140",
    "42595-9, 2000, IU/mL, 2000",
  })
  void convertsToTheCanonicalUnit(String loinc, String value, String unit, String expected) {
    assertThat(convert(loinc, value, unit)).isEqualByComparingTo(expected);
  }

  @Test
  void convertsMicromolesBackToMassWhenTheCanonicalUnitIsMass() {
    // the reverse direction of the molar-mass bridge, via a synthetic analyte
    LabCatalog.Analyte massCanonical =
        new LabCatalog.Analyte(
            "test",
            "creatinine",
            "mg/dL",
            java.util.Optional.of(new BigDecimal("113.12")),
            java.util.Map.of());
    UnitConverter.Conversion c =
        UnitConverter.toCanonical(massCanonical, new BigDecimal("88.4"), "umol/L");
    assertThat(c.measure().orElseThrow().value().setScale(3, RoundingMode.HALF_UP))
        .isEqualByComparingTo("1.000");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "777-3, furlong, is not a UCUM unit",
    "777-3, '', no unit given",
    "718-7, mmol/L, cannot be converted to g/L",
    "1742-6, mg/dL, cannot be converted to U/L",
    "42595-9, copies/mL, is not a UCUM unit",
  })
  void reportsUnitsThatCannotBeConverted(String loinc, String unit, String problem) {
    LabCatalog.Analyte a = LabCatalog.forLoinc(loinc).orElseThrow();
    UnitConverter.Conversion c = UnitConverter.toCanonical(a, BigDecimal.ONE, unit);
    assertThat(c.measure()).isEmpty();
    assertThat(c.problem()).contains(problem);
  }

  @Test
  void everyCatalogueUnitIsValidUcum() {
    for (LabCatalog.Analyte a : LabCatalog.all()) {
      assertThat(UnitConverter.toCanonical(a, BigDecimal.ONE, a.canonicalUnit()).measure())
          .as(a.loinc())
          .isPresent();
    }
  }
}
