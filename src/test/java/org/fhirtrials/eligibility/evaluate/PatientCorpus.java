package org.fhirtrials.eligibility.evaluate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fhirtrials.terminology.Terminology;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;

/**
 * Generated R4 patient bundles for the fast-path / FHIRPath agreement test: each lab above, at and
 * below typical thresholds in two unit spellings, with and without reference ranges, inside and
 * outside the look-back, scores, pregnancy answers, conditions in every status, demographics at age
 * boundaries and every administrative gender. Dates are relative to {@code today}.
 */
final class PatientCorpus {
  private final LocalDate today;
  private final Map<String, Bundle> bundles = new LinkedHashMap<>();
  private int ids;

  PatientCorpus(LocalDate today) {
    this.today = today;
  }

  /** A lab: LOINC, values in the first unit, the other units with their factor from the first. */
  private record Lab(
      String loinc, String unit, double[] values, Object[] alternates, double high) {}

  private static final List<Lab> LABS =
      List.of(
          new Lab(
              "777-3",
              "10*9/L",
              new double[] {60, 74.9, 75, 80, 100, 150},
              new Object[] {"/uL", 1000.0, "10*3/uL", 1.0},
              400),
          new Lab(
              "751-8",
              "10*9/L",
              new double[] {1.0, 1.4, 1.5, 1.6, 3.0},
              new Object[] {"/uL", 1000.0},
              7.7),
          new Lab(
              "6690-2",
              "10*9/L",
              new double[] {2.5, 3.0, 3.1, 6.0},
              new Object[] {"10*3/uL", 1.0},
              11),
          new Lab(
              "718-7",
              "g/L",
              new double[] {80, 89.9, 90, 95, 130},
              new Object[] {"g/dL", 0.1},
              160),
          new Lab("1751-7", "g/L", new double[] {25, 30, 30.1, 35}, new Object[] {"g/dL", 0.1}, 50),
          new Lab(
              "1975-2",
              "umol/L",
              new double[] {10, 30, 42, 50},
              new Object[] {"mmol/L", 0.001},
              21),
          new Lab("1742-6", "U/L", new double[] {30, 150, 168, 280, 281}, new Object[] {}, 56),
          new Lab("1920-8", "U/L", new double[] {30, 120, 200, 201}, new Object[] {}, 40),
          new Lab("6768-6", "U/L", new double[] {90, 735, 736}, new Object[] {}, 147),
          new Lab(
              "2160-0",
              "mg/dL",
              new double[] {0.8, 1.5, 1.65, 2.0},
              new Object[] {"mg/L", 10.0},
              1.1),
          new Lab(
              "33914-3", "mL/min/{1.73_m2}", new double[] {25, 30, 59, 60, 90}, new Object[] {}, 0),
          new Lab("6301-6", "{INR}", new double[] {1.0, 1.5, 1.8, 2.0, 2.1}, new Object[] {}, 1.2),
          new Lab(
              "42595-9",
              "[IU]/mL",
              new double[] {150, 1999, 2000, 5000},
              new Object[] {"[IU]/L", 1000.0},
              0),
          new Lab("10230-1", "%", new double[] {45, 50, 60}, new Object[] {}, 0),
          new Lab(
              "76634-5",
              "ms",
              new double[] {420, 450, 455, 470, 480},
              new Object[] {"s", 0.001},
              0),
          new Lab("8480-6", "mm[Hg]", new double[] {120, 150, 151, 160, 181}, new Object[] {}, 0));

  Map<String, Bundle> build() {
    for (String g : new String[] {"male", "female"}) {
      for (Lab lab : LABS) {
        for (double v : lab.values()) {
          add(
              "lab-" + lab.loinc() + "-" + v + "-" + g,
              patient(g, "1970-01-01"),
              obs(lab.loinc(), v, lab.unit(), lab.high(), daysAgo(5)));
          for (int i = 0; i < lab.alternates().length; i += 2) {
            String u = (String) lab.alternates()[i];
            double f = (Double) lab.alternates()[i + 1];
            add(
                "lab-" + lab.loinc() + "-" + v + "-" + u + "-" + g,
                patient(g, "1970-01-01"),
                obs(lab.loinc(), v * f, u, lab.high() * f, daysAgo(5)));
          }
        }
      }
    }
    for (Lab lab : LABS) {
      double v = lab.values()[0];
      add(
          "no-range-" + lab.loinc(),
          patient("female", "1970-01-01"),
          obs(lab.loinc(), v, lab.unit(), 0, daysAgo(5)));
      add(
          "old-" + lab.loinc(),
          patient("female", "1970-01-01"),
          obs(lab.loinc(), v, lab.unit(), lab.high(), daysAgo(200)));
      add(
          "window-edge-date-" + lab.loinc(),
          patient("female", "1970-01-01"),
          obs(
              lab.loinc(),
              v,
              lab.unit(),
              lab.high(),
              new DateTimeType(today.minusDays(90).toString())));
      add(
          "window-edge-time-" + lab.loinc(),
          patient("female", "1970-01-01"),
          obs(
              lab.loinc(),
              v,
              lab.unit(),
              lab.high(),
              new DateTimeType(today.minusDays(90) + "T12:00:00Z")));
      add(
          "window-inside-date-" + lab.loinc(),
          patient("female", "1970-01-01"),
          obs(
              lab.loinc(),
              v,
              lab.unit(),
              lab.high(),
              new DateTimeType(today.minusDays(89).toString())));
      Observation undated = obs(lab.loinc(), v, lab.unit(), lab.high(), null);
      add("undated-" + lab.loinc(), patient("female", "1970-01-01"), undated);
      double last = lab.values()[lab.values().length - 1];
      add(
          "latest-wins-" + lab.loinc(),
          patient("male", "1970-01-01"),
          obs(lab.loinc(), last, lab.unit(), lab.high(), daysAgo(40)),
          obs(lab.loinc(), v, lab.unit(), lab.high(), daysAgo(3)),
          obs(lab.loinc(), last, lab.unit(), lab.high(), daysAgo(20)));
    }
    // QTc with sex: unknown, other and absent genders
    for (String g : new String[] {"unknown", "other", null}) {
      for (double v : new double[] {440, 460, 480}) {
        add("qtc-" + g + "-" + v, patient(g, "1970-01-01"), obs("76634-5", v, "ms", 0, daysAgo(2)));
      }
    }
    // blood pressure panel (components)
    for (double[] bp : new double[][] {{120, 80}, {151, 90}, {185, 115}, {150, 100}}) {
      Observation panel = new Observation();
      panel.setId("bp-" + (ids++));
      panel.setStatus(Observation.ObservationStatus.FINAL);
      panel.setCode(code(Terminology.LOINC, "85354-9"));
      panel.setEffective(daysAgo(4));
      panel.addComponent().setCode(code(Terminology.LOINC, "8480-6")).setValue(q(bp[0], "mm[Hg]"));
      panel.addComponent().setCode(code(Terminology.LOINC, "8462-4")).setValue(q(bp[1], "mm[Hg]"));
      add("bp-" + bp[0] + "-" + bp[1], patient("male", "1960-06-01"), panel);
    }
    // performance status
    for (int ecog = 0; ecog <= 4; ecog++) {
      add("ecog-" + ecog, patient("female", "1970-01-01"), score("89247-1", ecog, daysAgo(10)));
    }
    add("ecog-old", patient("female", "1970-01-01"), score("89247-1", 1, daysAgo(400)));
    Observation codedEcog = score("89247-1", 0, daysAgo(3));
    codedEcog.setValue(code(Terminology.LOINC, "LA9623-5"));
    add("ecog-coded-answer", patient("female", "1970-01-01"), codedEcog);
    for (int kps : new int[] {60, 70, 80}) {
      add("karnofsky-" + kps, patient("male", "1970-01-01"), score("89243-0", kps, daysAgo(10)));
    }
    // pregnancy status answers
    String[][] answers = {
      {Terminology.SNOMED, Terminology.SNOMED_PREGNANT_CODE},
      {Terminology.SNOMED, Terminology.SNOMED_NOT_PREGNANT},
      {Terminology.SNOMED, Terminology.SNOMED_UNKNOWN},
      {Terminology.LOINC, Terminology.LOINC_ANSWER_PREGNANT},
      {Terminology.LOINC, Terminology.LOINC_ANSWER_NOT_PREGNANT}
    };
    for (String[] a : answers) {
      Observation o = score(Terminology.LOINC_PREGNANCY_STATUS_CODE, 0, daysAgo(7));
      o.setValue(code(a[0], a[1]));
      add("pregnancy-" + a[1], patient("female", "1990-03-03"), o);
    }
    Observation oldPregnant = score(Terminology.LOINC_PREGNANCY_STATUS_CODE, 0, daysAgo(300));
    oldPregnant.setValue(code(Terminology.SNOMED, Terminology.SNOMED_PREGNANT_CODE));
    add("pregnancy-old", patient("female", "1990-03-03"), oldPregnant);
    // conditions
    String[][] conditions = {
      {Terminology.ICD10_CM, "B20", "active", "confirmed"},
      {Terminology.ICD10, "B24", "resolved", "confirmed"},
      {Terminology.ICD10_CM, "B20", "active", "refuted"},
      {Terminology.ICD10_CM, "B18.2", "active", "confirmed"},
      {Terminology.ICD10_CM, "B18.2", "resolved", "confirmed"},
      {Terminology.ICD10_CM, "B18.2", "relapse", "confirmed"},
      {Terminology.ICD10_CM, "B18.1", "active", "confirmed"},
      {Terminology.SNOMED, "363346000", "active", "confirmed"},
      {Terminology.SNOMED, "109841003", "active", "confirmed"},
      {Terminology.ICD10_CM, "J84.10", "active", "confirmed"},
      {Terminology.ICD10_CM, "A15.0", "inactive", "confirmed"},
      {Terminology.ICD10_CM, "A15.0", "active", "confirmed"},
      {Terminology.SNOMED, "254837009", "active", "confirmed"}
    };
    for (String[] c : conditions) {
      for (int yearsAgo : new int[] {1, 4}) {
        add(
            "condition-" + c[1] + "-" + c[2] + "-" + c[3] + "-" + yearsAgo,
            patient("female", "1965-07-07"),
            condition(
                c[0], c[1], c[2], c[3], new DateTimeType(today.minusYears(yearsAgo).toString())));
      }
    }
    // demographics at age boundaries, imprecise birth dates, every gender
    LocalDate[] births = {
      today.minusYears(18), today.minusYears(18).plusDays(1), today.minusYears(80),
      today.minusYears(81), today.minusYears(81).plusDays(1), today.minusYears(70).minusDays(1),
      today.minusYears(75)
    };
    for (LocalDate b : births) {
      add("born-" + b, patient("female", b.toString()));
    }
    add("born-year-only-old", patient("male", "1950"));
    add("born-year-only-edge", patient("male", String.valueOf(today.getYear() - 18)));
    add("born-month-only-edge", patient("male", today.minusYears(18).toString().substring(0, 7)));
    add("no-birth-date", patient("other", null));
    add("empty-unknown-gender", patient("unknown", "1970-01-01"));
    return bundles;
  }

  private DateTimeType daysAgo(int days) {
    return new DateTimeType(today.minusDays(days) + "T09:00:00Z");
  }

  private void add(String name, Resource... resources) {
    Bundle b = new Bundle();
    b.setType(Bundle.BundleType.COLLECTION);
    for (Resource r : resources) {
      b.addEntry()
          .setFullUrl("urn:corpus:" + r.fhirType() + "/" + r.getIdElement().getIdPart())
          .setResource(r);
    }
    bundles.put(name, b);
  }

  private Patient patient(String gender, String birthDate) {
    Patient p = new Patient();
    p.setId("p" + (ids++));
    if (gender != null) {
      p.setGender(AdministrativeGender.fromCode(gender));
    }
    if (birthDate != null) {
      p.setBirthDateElement(new DateType(birthDate));
    }
    return p;
  }

  private Observation obs(String loinc, double value, String unit, double high, DateTimeType when) {
    Observation o = new Observation();
    o.setId("o" + (ids++));
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.setCode(code(Terminology.LOINC, loinc));
    if (when != null) {
      o.setEffective(when);
    }
    o.setValue(q(value, unit));
    if (high > 0) {
      o.addReferenceRange().setHigh(q(high, unit)).setLow(q(high / 4, unit));
    }
    return o;
  }

  private Observation score(String loinc, int value, DateTimeType when) {
    Observation o = new Observation();
    o.setId("s" + (ids++));
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.setCode(code(Terminology.LOINC, loinc));
    o.setEffective(when);
    o.setValue(new IntegerType(value));
    return o;
  }

  private Condition condition(
      String system, String code, String clinical, String verification, DateTimeType onset) {
    Condition c = new Condition();
    c.setId("c" + (ids++));
    c.setCode(code(system, code));
    c.setClinicalStatus(code(Terminology.CONDITION_CLINICAL, clinical));
    c.setVerificationStatus(code(Terminology.CONDITION_VER_STATUS, verification));
    c.setOnset(onset);
    return c;
  }

  private static Quantity q(double value, String unit) {
    return new Quantity()
        .setValue(
            BigDecimal.valueOf(value).round(new java.math.MathContext(10)).stripTrailingZeros())
        .setUnit(unit)
        .setSystem(Terminology.UCUM)
        .setCode(unit);
  }

  private static CodeableConcept code(String system, String code) {
    return new CodeableConcept(new Coding(system, code, null));
  }

  static List<String> names(Map<String, Bundle> m) {
    return new ArrayList<>(m.keySet());
  }
}
