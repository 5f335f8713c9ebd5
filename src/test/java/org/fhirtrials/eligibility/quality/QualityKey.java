package org.fhirtrials.eligibility.quality;

import static org.fhirtrials.terminology.Terminology.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.fhirtrials.eligibility.extract.Constraint;

/**
 * The numeric / ordinal concepts the quality harness scores, one short key each ("platelets",
 * "ecog"...), with the extractor's concept name, its code (as written in the seed annotations) and
 * a keyword pattern that recognises the concept in an external annotation (a Chia Measurement).
 */
enum QualityKey {
  AGE("age", "Age", null, "^(?:patient'?s?\\s+)?(?:current\\s+)?age\\b|^aged?$"),
  ECOG("ecog", "ECOG performance status", LOINC_ECOG.code(), "\\becog\\b|zubrod"),
  KARNOFSKY(
      "karnofsky", "Karnofsky performance status", LOINC_KARNOFSKY.code(), "karnofsky|\\bkps\\b"),
  CHILD_PUGH("child-pugh", "Child-Pugh", null, "child[-\\s]?pugh"),
  ANC("anc", "Absolute neutrophil count", LOINC_NEUTROPHILS.code(), "neutrophil|\\banc\\b"),
  PLATELETS("platelets", "Platelets", LOINC_PLATELETS.code(), "platelet|\\bplt\\b"),
  LEUKOCYTES(
      "leukocytes",
      "Leukocytes",
      LOINC_LEUKOCYTES.code(),
      "leu[ck]ocyte|white\\s+blood\\s+cell|\\bwbc\\b"),
  // HbA1c (glycated hemoglobin, a % of hemoglobin) is another analyte
  HEMOGLOBIN(
      "hemoglobin",
      "Hemoglobin",
      LOINC_HEMOGLOBIN.code(),
      "^(?!.*(?:a1c|glycated|glycosylated|oxyh|saturation)).*(?:ha?emoglobin|\\bhg?b\\b)"),
  BILIRUBIN(
      "bilirubin",
      "Total bilirubin",
      LOINC_BILIRUBIN_TOTAL.code(),
      "^(?!.*\\b(?:direct|indirect|conjugated|unconjugated)\\b).*(?:bilirubin|\\bt-?bil\\b)"),
  // "transaminases" names both ALT and AST
  ALT(
      "alt",
      "Alanine aminotransferase",
      LOINC_ALT.code(),
      "\\balt\\b|\\balat\\b|alanine|\\bsgpt\\b|glutam\\w+\\s+pyruv|^transaminases"),
  AST(
      "ast",
      "Aspartate aminotransferase",
      LOINC_AST.code(),
      "\\bast\\b|\\basat\\b|aspartate|\\bsgot\\b|glutam\\w+\\s+oxal|^transaminases"),
  ALP("alp", "Alkaline phosphatase", LOINC_ALP.code(), "alkaline\\s+phosphatase|\\balp\\b"),
  ALBUMIN("albumin", "Albumin", LOINC_ALBUMIN.code(), "^(?!.*urin).*albumin"),
  CREATININE(
      "creatinine",
      "Creatinine",
      LOINC_CREATININE.code(),
      "^(?!.*(?:clearance|urin|ratio)).*creatinine"),
  CRCL(
      "crcl",
      "Creatinine clearance (Cockcroft-Gault)",
      null,
      "creatinine\\s+clearance|\\bcrcl\\b|\\bccr\\b"),
  EGFR(
      "egfr",
      "Estimated glomerular filtration rate",
      LOINC_EGFR_MDRD.code(),
      "\\begfr\\b|glomerular\\s+filtration"),
  INR(
      "inr",
      "International normalized ratio",
      LOINC_INR.code(),
      "\\binr\\b|normali[sz]ed\\s+ratio"),
  LVEF(
      "lvef",
      "Left ventricular ejection fraction",
      LOINC_LVEF.code(),
      "\\blvef\\b|ejection\\s+fraction"),
  QTC("qtc", "QTc interval (Fridericia)", LOINC_QTCF.code(), "\\bqtc"),
  // not a cardiac dimension ("end diastolic diameter") nor a change ("systolic drop > 20 mm Hg")
  SBP("sbp", "Systolic blood pressure", LOINC_SYSTOLIC_BP.code(), Words.NOT_BP + "systolic"),
  DBP("dbp", "Diastolic blood pressure", LOINC_DIASTOLIC_BP.code(), Words.NOT_BP + "diastolic");

  private static final class Words {
    static final String NOT_BP =
        "^(?!.*(?:diameter|dimension|volume|dysfunction|function|drop|fall|decrease|increase"
            + "|change|pulmonary)).*";
  }

  final String key;
  final String conceptName;
  final String code;
  private final Pattern keyword;

  QualityKey(String key, String conceptName, String code, String keyword) {
    this.key = key;
    this.conceptName = conceptName;
    this.code = code;
    this.keyword = Pattern.compile(keyword, Pattern.CASE_INSENSITIVE);
  }

  /** The key of an extracted constraint, or null when the harness does not score its concept. */
  static QualityKey of(Constraint c) {
    for (QualityKey k : values()) {
      if (k.conceptName.equals(c.name())) {
        return k;
      }
    }
    return null;
  }

  /** The key whose short name, code or concept name is {@code s}, or null. */
  static QualityKey parse(String s) {
    for (QualityKey k : values()) {
      if (k.key.equals(s) || s.equals(k.code) || k.conceptName.equals(s)) {
        return k;
      }
    }
    return null;
  }

  /**
   * The keys an external measurement name refers to ("AST/ALT" is two). Creatinine clearance wins
   * over creatinine, eGFR over creatinine, "ejection fraction" is LVEF; unmatched names give none.
   */
  static List<QualityKey> ofMeasurement(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    List<QualityKey> out = new ArrayList<>();
    for (QualityKey k : values()) {
      if (k.keyword.matcher(t).find()) {
        out.add(k);
      }
    }
    if (out.contains(CRCL) || out.contains(EGFR)) {
      out.remove(CREATININE);
    }
    if (out.contains(AGE) && out.size() > 1) {
      out.remove(AGE);
    }
    return out;
  }

  @Override
  public String toString() {
    return key;
  }
}
