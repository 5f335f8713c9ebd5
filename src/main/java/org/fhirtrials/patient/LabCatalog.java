package org.fhirtrials.patient;

import static org.fhirtrials.terminology.Terminology.LOINC_ALBUMIN;
import static org.fhirtrials.terminology.Terminology.LOINC_ALP;
import static org.fhirtrials.terminology.Terminology.LOINC_ALT;
import static org.fhirtrials.terminology.Terminology.LOINC_AST;
import static org.fhirtrials.terminology.Terminology.LOINC_BILIRUBIN_TOTAL;
import static org.fhirtrials.terminology.Terminology.LOINC_CREATININE;
import static org.fhirtrials.terminology.Terminology.LOINC_CREATININE_BLOOD;
import static org.fhirtrials.terminology.Terminology.LOINC_CREATININE_CLEARANCE;
import static org.fhirtrials.terminology.Terminology.LOINC_CREATININE_CLEARANCE_CG;
import static org.fhirtrials.terminology.Terminology.LOINC_DIASTOLIC_BP;
import static org.fhirtrials.terminology.Terminology.LOINC_EGFR_MDRD;
import static org.fhirtrials.terminology.Terminology.LOINC_HBV_DNA;
import static org.fhirtrials.terminology.Terminology.LOINC_HEMOGLOBIN;
import static org.fhirtrials.terminology.Terminology.LOINC_INR;
import static org.fhirtrials.terminology.Terminology.LOINC_LEUKOCYTES;
import static org.fhirtrials.terminology.Terminology.LOINC_LVEF;
import static org.fhirtrials.terminology.Terminology.LOINC_NEUTROPHILS;
import static org.fhirtrials.terminology.Terminology.LOINC_PLATELETS;
import static org.fhirtrials.terminology.Terminology.LOINC_QTC;
import static org.fhirtrials.terminology.Terminology.LOINC_QTCF;
import static org.fhirtrials.terminology.Terminology.LOINC_SYSTOLIC_BP;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of lab analytes the fact sheet canonicalises: LOINC code, canonical UCUM unit, and
 * what a unit conversion needs beyond UCUM (molar mass, analyte-specific unit spellings).
 *
 * <p>The codes come from {@link org.fhirtrials.terminology.Terminology}, which names each source.
 * Sources of the LOINC codes: DESIGN.md §3 for 777-3, 751-8, 6690-2, 718-7, 1975-2, 1742-6, 1920-8,
 * 1751-7, 6768-6, 2160-0, 6301-6; Synthea R4 sample data (smart-on-fhir generated-sample-data) for
 * 38483-4 "Creatinine [Mass/volume] in Blood" and 33914-3 "Glomerular filtration rate/1.73 sq
 * M.predicted"; LOINC 2164-2 "Creatinine renal clearance in 24 hour Urine and Serum or Plasma"
 * (German LOINC display in a published ValueSet) and 35591-7 "Creatinine renal clearance predicted
 * by Cockcroft-Gault formula" (the extractor's creatinine clearance accepts both); 10230-1 "Left
 * ventricular Ejection fraction" and 8636-3 "Q-T interval corrected" and 76634-5 "Q-T interval
 * corrected based on Fridericia formula" (the extractor's QTcF, which accepts 8636-3 too)
 * (cardiology LOINC tables, verified against loinc.org by their authors); 8480-6 / 8462-4 systolic
 * / diastolic blood pressure (US Core vital signs; components of Synthea's 55284-4 panel); 42595-9
 * "Hepatitis B virus DNA [Units/volume] (viral load) in Serum or Plasma by NAA with probe
 * detection".
 *
 * <p>Canonical units are SI where a trial criterion may be written either way (bilirubin and
 * creatinine in µmol/L, hemoglobin and albumin in g/L); the molar masses that bridge mg/dL and
 * µmol/L are listed per analyte: bilirubin C33H36N4O6 584.66 g/mol (1 mg/dL = 17.10 µmol/L),
 * creatinine C4H7N3O 113.12 g/mol (1 mg/dL = 88.40 µmol/L), the conventional clinical factors.
 */
public final class LabCatalog {
  private LabCatalog() {}

  /**
   * One catalogued analyte.
   *
   * @param loinc LOINC code
   * @param name short name for messages
   * @param canonicalUnit UCUM unit every value is converted to
   * @param molarMass g/mol, when mass and substance concentrations both occur
   * @param aliases analyte-specific spellings of units (applied before the global ones), e.g. IU/L
   *     for an enzyme activity means U/L; the empty string maps a missing unit
   */
  public record Analyte(
      String loinc,
      String name,
      String canonicalUnit,
      Optional<BigDecimal> molarMass,
      Map<String, String> aliases) {
    public Analyte {
      aliases = Map.copyOf(aliases);
    }
  }

  /**
   * Enzyme activity: "IU" is the international unit of enzyme activity (1 µmol/min), which UCUM
   * writes {@code U}; UCUM's {@code [IU]} is an arbitrary WHO unit and not commensurable with U, so
   * labs reporting ALT as [IU]/L mean U/L.
   */
  private static final Map<String, String> ENZYME = Map.of("IU/L", "U/L", "[IU]/L", "U/L");

  /** WHO international units for viral loads are UCUM {@code [IU]}. */
  private static final Map<String, String> WHO_IU = Map.of("IU/mL", "[IU]/mL");

  /** INR is a dimensionless ratio, often reported without a unit or as "ratio". */
  private static final Map<String, String> RATIO =
      Map.of("", "{INR}", "ratio", "{INR}", "{ratio}", "{INR}", "INR", "{INR}");

  private static final BigDecimal BILIRUBIN_G_PER_MOL = new BigDecimal("584.66");
  private static final BigDecimal CREATININE_G_PER_MOL = new BigDecimal("113.12");

  private static final Map<String, Analyte> BY_LOINC = new LinkedHashMap<>();

  static {
    add(LOINC_PLATELETS.code(), "platelets", "10*9/L");
    add(LOINC_NEUTROPHILS.code(), "neutrophils", "10*9/L");
    add(LOINC_LEUKOCYTES.code(), "leukocytes", "10*9/L");
    add(LOINC_HEMOGLOBIN.code(), "hemoglobin", "g/L");
    add(LOINC_ALBUMIN.code(), "albumin", "g/L");
    add(LOINC_BILIRUBIN_TOTAL.code(), "total bilirubin", "umol/L", BILIRUBIN_G_PER_MOL, Map.of());
    add(
        LOINC_CREATININE.code(),
        "creatinine (serum/plasma)",
        "umol/L",
        CREATININE_G_PER_MOL,
        Map.of());
    add(
        LOINC_CREATININE_BLOOD.code(),
        "creatinine (blood)",
        "umol/L",
        CREATININE_G_PER_MOL,
        Map.of());
    add(LOINC_ALT.code(), "ALT", "U/L", null, ENZYME);
    add(LOINC_AST.code(), "AST", "U/L", null, ENZYME);
    add(LOINC_ALP.code(), "alkaline phosphatase", "U/L", null, ENZYME);
    add(LOINC_INR.code(), "INR", "{INR}", null, RATIO);
    add(LOINC_CREATININE_CLEARANCE.code(), "creatinine clearance (measured)", "mL/min");
    add(LOINC_CREATININE_CLEARANCE_CG.code(), "creatinine clearance (Cockcroft-Gault)", "mL/min");
    add(LOINC_EGFR_MDRD.code(), "eGFR", "mL/min/{1.73_m2}");
    add(LOINC_LVEF.code(), "LVEF", "%");
    add(LOINC_QTC.code(), "QTc", "ms");
    add(LOINC_QTCF.code(), "QTcF", "ms");
    add(LOINC_SYSTOLIC_BP.code(), "systolic blood pressure", "mm[Hg]");
    add(LOINC_DIASTOLIC_BP.code(), "diastolic blood pressure", "mm[Hg]");
    add(LOINC_HBV_DNA.code(), "HBV DNA", "[IU]/mL", null, WHO_IU);
  }

  private static void add(String loinc, String name, String unit) {
    add(loinc, name, unit, null, Map.of());
  }

  private static void add(
      String loinc, String name, String unit, BigDecimal molarMass, Map<String, String> aliases) {
    BY_LOINC.put(loinc, new Analyte(loinc, name, unit, Optional.ofNullable(molarMass), aliases));
  }

  /** The catalogued analyte for a LOINC code, if any. */
  public static Optional<Analyte> forLoinc(String loinc) {
    return Optional.ofNullable(BY_LOINC.get(loinc));
  }

  /** All catalogued analytes, in table order. */
  public static List<Analyte> all() {
    return List.copyOf(BY_LOINC.values());
  }
}
