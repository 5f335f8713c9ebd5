package org.fhirtrials.eligibility.extract;

import static org.fhirtrials.terminology.Terminology.*;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.fhirtrials.terminology.Terminology.Concept;

/**
 * The concepts the extractor recognises: how each is written in criteria, its category, how its
 * value is read, and its code (from {@link org.fhirtrials.terminology.Terminology}, null when no
 * verified code exists).
 */
final class ConceptCatalog {
  /** How a concept's requirement is read from the text. */
  enum Kind {
    /** a measured quantity with thresholds (labs, vitals, LVEF, QTc). */
    QUANTITY,
    /** an integer score with thresholds (ECOG, Karnofsky). */
    SCORE,
    /** Child-Pugh: class letters and/or a points threshold. */
    CHILD_PUGH,
    /** age in years/months from Patient.birthDate. */
    AGE,
    /** a coded condition that is present or absent. */
    CONDITION,
    /** pregnancy status (Observation 82810-3). */
    PREGNANCY,
    /** present/absent, never coded here (lactation, contraception, prior therapies). */
    PRESENCE_UNCODED,
    /** CNLC / BCLC stage, Vp class. */
    STAGE,
    /** tumour burden as a percentage of liver volume. */
    TUMOUR_BURDEN
  }

  /**
   * One recognisable concept.
   *
   * @param key stable key (used in tests and the annotated set)
   * @param icd10Prefixes ICD-10 code prefixes matching a patient's Condition (conditions only)
   * @param alternates further LOINC codes accepted as the same measurement (e.g. QTc unspecified)
   * @param defaultUnit UCUM unit assumed when a score/ratio has none (null: none)
   */
  record Def(
      String key,
      String name,
      Category category,
      Kind kind,
      Pattern pattern,
      Concept concept,
      List<String> icd10Prefixes,
      List<Concept> alternates,
      String defaultUnit) {}

  private static final int FLAGS = Pattern.CASE_INSENSITIVE;

  /**
   * A zero-width mention at the start of "[comparator] N [- M] years old|of age": at the comparator
   * when there is one, else at the number (never at a number preceded by a comparator or "to").
   */
  private static final String AGE_CMP =
      "(?:≥|≤|>=|<=|=>|=<|>/=|</=|>|<|at\\s+least|over|under|above|below"
          + "|(?:more|less|greater|older|younger)\\s+than(?:\\s+or\\s+equal\\s+to)?)";

  private static final String AGE_UNIT = "(?:years?|yrs?|months?|weeks?|days?)";

  /**
   * Zero-width mentions of an age bound written without the word "age" before it: "[comparator] N
   * [unit] [to M] unit old|of age" (at the comparator when there is one, else at the number; never
   * at a number preceded by a comparator, a dash or "to"; not "death under 40 years of age"), and
   * "patients &gt; 18 years" (a comparator right after a word for people).
   */
  // Each alternative opens with a one-character look-ahead so that the look-behinds are only tried
  // where a match can start (the pattern is tried at every position of every criterion).
  private static final String AGE_BEFORE_YEARS_OLD =
      "|(?=[\\d≥≤<>=]|\\b(?:at\\s|over|under|above|below|more|less|greater|older|younger))(?<!\\b(?:death|died|diagnosed|deceased)\\s{1,3})(?<![\\d≥≤<>=/_\\-–~]\\s{0,2})(?<!\\d[.,])(?<!\\b(?:least|over|under|above|below|than|to|and)\\s{0,3})"
          + "(?=(?:"
          + AGE_CMP
          + "\\s*)?\\d{1,3}(?:\\s*"
          + AGE_UNIT
          + ")?(?:\\s*(?:-|–|to|and)\\s*(?:<|≤|<=)?\\s*\\d{1,3})?\\s*"
          + AGE_UNIT
          + "[\\s-]*(?:old|of\\s+age)\\b)"
          + "|(?=[≥≤<>=]|\\b(?:at\\s|over|under|above|below|more|less|greater|older|younger))(?<=\\b(?:patients?|participants?|subjects?|adults?|men|women|males?|females?|volunteers?)"
          + "\\s{1,3})(?="
          + AGE_CMP
          + "\\s*\\d{1,3}\\s*(?:years?|yrs?)\\b)"
          // "subjects 18-80 years", "Women (18-75 years)": a range in years after a word for
          // people (not a duration: "patients 2-5 years after transplantation")
          + "|(?=\\d)(?<=\\b(?:patients?|participants?|subjects?|adults?|children|adolescents?|men|women"
          + "|males?|females?|volunteers?)\\s{0,3}\\(?\\s{0,2})(?=\\d{1,3}\\s*(?:-|–|to)\\s*\\d{1,3}\\s*"
          + "(?:years?|yrs?)\\b(?!\\s+(?:after|since|post|from|ago|before|prior|of\\s+(?:treatment|therapy"
          + "|follow|disease|diagnosis))))"
          // a criterion that is nothing but an age bound: "18-80 years", "older than 80 years"
          + "|^(?:\\s*\\d{1,2}[.)])?\\s*(?=(?:"
          + AGE_CMP
          + "\\s*)?\\d{1,3}(?:\\s*(?:-|–|to)\\s*\\d{1,3})?\\s*(?:years?|yrs?)\\s*[.;,]?\\s*$)";

  /**
   * "systolic &gt; 180 mmHg", "diastolic of 100": the word alone, when a value follows (not
   * "systolic dysfunction", "end diastolic diameter", "systolic pulmonary artery pressure").
   */
  private static final String BARE_BP =
      "(?<!\\bend[-\\s])\\b%s\\b(?=\\s*(?:[<>≤≥=＞＜]|\\d|of\\s+[<>≤≥\\d]"
          + "|(?:greater|less|more|higher|lower|above|below|over|under|at\\s+least)\\b))";

  static final List<Def> ALL =
      List.of(
          // ------------------------------------------------------------ demographics
          def(
              "age",
              "Age",
              Category.AGE,
              Kind.AGE,
              // "age 18-75", "aged ≥ 18" (not "years of age": the number is before it; not
              // "gestational age", "age of onset"), "18 years and older", and a bound written
              // before "years old" / "years of age" ("≥ 18 years of age", "at least 18 years old")
              "(?=age)(?<!(?:years?|yrs?|months?|weeks?|days?)\\s{1,3}of\\s{1,3})(?<!gestational\\s{1,3})(?<!\\b(?:mean|median|average)\\s{1,3})\\bage(?:s|d)?\\b"
                  + "(?!\\s+(?:of|at)\\s+onset)(?:\\s+range)?"
                  + "|\\b(?=\\d{1,3}\\s*years?\\s+(?:and|or)\\s+(?:older|over|above))"
                  + AGE_BEFORE_YEARS_OLD,
              null),
          // ------------------------------------------------------------ performance status
          def(
              "ecog",
              "ECOG performance status",
              Category.PERFORMANCE_STATUS,
              Kind.SCORE,
              // the Zubrod scale is the ECOG scale under its author's name (same grades 0-5)
              "\\bzubrod(?:\\s+performance\\s+(?:status|score))?|"
                  + "eastern\\s+cooperative\\s+oncology\\s+group(?:\\s*\\(ECOG\\))?(?:\\s+performance\\s+status)?"
                  + "(?:\\s*\\((?:ECOG\\s*)?PS\\))?|\\bECOG\\b(?:\\s*PS)?(?:\\s+performance\\s+status)?"
                  + "(?:\\s+score)?",
              LOINC_ECOG),
          def(
              "karnofsky",
              "Karnofsky performance status",
              Category.PERFORMANCE_STATUS,
              Kind.SCORE,
              "karnofsky(?:\\s+performance\\s+(?:status|score))?(?:\\s*\\(KPS\\))?|\\bKPS\\b",
              LOINC_KARNOFSKY),
          // ------------------------------------------------------------ liver scores
          def(
              "child-pugh",
              "Child-Pugh",
              Category.LIVER_SCORE,
              Kind.CHILD_PUGH,
              "child[-–\\s]?(?:turcotte[-–\\s]?)?pugh(?!\\s+ascites)",
              null),
          def(
              "albi",
              "ALBI grade",
              Category.LIVER_SCORE,
              Kind.STAGE,
              "\\bALBI\\b(?:\\s+grade)?|albumin[-–\\s]bilirubin\\s+(?:\\(ALBI\\)\\s+)?grade",
              null),
          // ------------------------------------------------------------ labs (longest names first)
          quantity(
              "anc",
              "Absolute neutrophil count",
              "absolute\\s+neutrophil\\s+count|neutrophil\\s+count|neutrophils?\\b|\\bANC\\b",
              LOINC_NEUTROPHILS),
          quantity(
              "platelets",
              "Platelets",
              "platelet\\s+count|platelets?\\b|\\bPLT\\b",
              LOINC_PLATELETS),
          quantity(
              "leukocytes",
              "Leukocytes",
              "leu[ck]ocytes?\\b|white\\s+blood\\s+cell(?:s|\\s+count)?|\\bWBC\\b",
              LOINC_LEUKOCYTES),
          // HbA1c is a glycation fraction in %, not the hemoglobin concentration; no verified code
          quantity(
              "hba1c",
              "Hemoglobin A1c",
              "(?:glycated|glycosylated)\\s+ha?emoglobin(?:\\s*(?:A1c|\\(\\s*HbA1c\\s*\\)))?"
                  + "|ha?emoglobin\\s*A1c|\\bHb\\s*A1c\\b|\\bA1c\\b",
              null),
          quantity("hemoglobin", "Hemoglobin", "ha?emoglobin|\\bHGB\\b|\\bHb\\b", LOINC_HEMOGLOBIN),
          quantity(
              "bilirubin",
              "Total bilirubin",
              "(?:serum\\s+)?total\\s+bilirubin|\\bT-?BIL\\b|\\bbilirubin\\b(?![-–\\s]grade)",
              LOINC_BILIRUBIN_TOTAL),
          // a fraction of bilirubin is not total bilirubin (recognised so that its threshold is
          // not read as total bilirubin's); no verified code here
          quantity(
              "direct-bilirubin",
              "Direct or indirect bilirubin",
              "\\b(?:direct|indirect|conjugated|unconjugated)\\s+bilirubin\\b|\\b[DI]-?BIL\\b",
              null),
          quantity(
              "alt",
              "Alanine aminotransferase",
              "alanine\\s+(?:amino)?transaminase|alanine\\s+amino\\s*transferase|\\bALT\\b|\\bSGPT\\b|\\bALAT\\b",
              LOINC_ALT),
          quantity(
              "ast",
              "Aspartate aminotransferase",
              "aspartate\\s+(?:amino)?transaminase|aspartate\\s+amino\\s*transferase|\\bAST\\b|\\bSGOT\\b|\\bASAT\\b",
              LOINC_AST),
          quantity("alp", "Alkaline phosphatase", "alkaline\\s+phosphatase|\\bALP\\b", LOINC_ALP),
          // urine albumin/creatinine ratio is neither serum albumin nor creatinine; no verified
          // code
          quantity(
              "uacr",
              "Urine albumin/creatinine ratio",
              "(?:urin(?:e|ary)\\s+)?(?:micro)?albumin\\s*(?:/|-|to\\s+|:)\\s*creatinine\\s+ratio"
                  + "|\\bU?ACR\\b",
              null),
          quantity(
              "albumin",
              "Albumin",
              "(?<!urin(?:e|ary)\\s{1,3})(?:serum\\s+)?albumin\\b(?![-–\\s]bilirubin)",
              LOINC_ALBUMIN),
          // "creatinine clearance" is met by the Cockcroft-Gault estimate (the usual meaning) or a
          // measured 24-hour clearance, both in mL/min (protocols accept either)
          new Def(
              "crcl",
              "Creatinine clearance (Cockcroft-Gault)",
              Category.LAB,
              Kind.QUANTITY,
              Pattern.compile(
                  "creatinine\\s+clearance(?:\\s+rate)?|\\bCr\\s+clearance(?:\\s+rate)?|\\bCrC[lI]\\b|\\bCCr\\b"
                      + "|\\bclearance\\s+(?:of\\s+)?creatinine\\b",
                  FLAGS),
              LOINC_CREATININE_CLEARANCE_CG,
              List.of(),
              List.of(LOINC_CREATININE_CLEARANCE),
              null),
          quantity(
              "egfr",
              "Estimated glomerular filtration rate",
              // an unqualified "GFR" in a criterion is, in practice, the laboratory's estimate;
              // "measured GFR" stays out
              "estimated(?:\\s+\\w+){0,2}?\\s+glo\\w*\\s+filtration\\s+rate|\\beGFR\\b"
                  + "|(?<!measured\\s)\\bglomerular\\s+filtration\\s+rate(?:\\s*\\(e?GFR\\))?|\\bGFR\\b",
              LOINC_EGFR_MDRD),
          quantity(
              "creatinine",
              "Creatinine",
              "(?:serum\\s+)?creatinine\\b(?!\\s+clearance)|\\bS?Cr\\b(?!\\s+clearance)",
              LOINC_CREATININE),
          quantity(
              "inr",
              "International normalized ratio",
              "international\\s+normali[sz]ed\\s+ratio|\\bINR\\b",
              LOINC_INR),
          quantity(
              "aptt",
              "Activated partial thromboplastin time",
              "activated\\s+partial\\s+thromboplastin\\s+time|\\bA?PTT\\b",
              null),
          quantity("pt", "Prothrombin time", "prothrombin\\s+time|\\bPT\\b", null),
          quantity("hbv-dna", "HBV DNA", "\\bHBV[-\\s]?DNA\\b", LOINC_HBV_DNA),
          quantity(
              "lvef",
              "Left ventricular ejection fraction",
              // an unqualified "ejection fraction" in a criterion is the left ventricle's; the
              // right ventricle's is always named
              "left\\s+ventric(?:ular|le)\\s+ejection\\s+fraction|\\bLVEF\\b|\\bLV\\s*ejection\\s+fraction"
                  + "|\\b(?:LV|left\\s+ventricular)\\s+EF\\b"
                  + "|(?<!right\\s{1,3}ventric(?:ular|le)\\s{1,3})(?<!\\bRV\\s{1,3})\\bejection\\s+fraction",
              LOINC_LVEF),
          new Def(
              "qtcf",
              "QTc interval (Fridericia)",
              Category.VITAL,
              Kind.QUANTITY,
              Pattern.compile("\\bQTcF?\\b(?:\\s+(?:interval|value))?", FLAGS),
              LOINC_QTCF,
              List.of(),
              List.of(LOINC_QTC),
              null),
          vital(
              "sbp",
              "Systolic blood pressure",
              "systolic\\s+blood\\s+pressure|systolic\\s+BP|\\bSBP\\b|"
                  + BARE_BP.formatted("systolic"),
              LOINC_SYSTOLIC_BP),
          vital(
              "dbp",
              "Diastolic blood pressure",
              "diastolic\\s+blood\\s+pressure|diastolic\\s+BP|\\bDBP\\b|"
                  + BARE_BP.formatted("diastolic"),
              LOINC_DIASTOLIC_BP),
          // ------------------------------------------------------------ conditions
          condition(
              "hcc",
              "Hepatocellular carcinoma",
              "hepatocellular\\s+carcinoma|\\bHCC\\b|(?:primary\\s+)?liver\\s+cancer",
              SNOMED_LIVER_CELL_CARCINOMA,
              List.of()),
          condition(
              "other-malignancy",
              "Other malignancy",
              "(?:other|another|second|concurrent|concomitant)\\s+(?:\\w+\\s+){0,2}?malignan\\w*"
                  + "(?:\\s+(?:tumou?rs?|diseases?|neoplasms?))?|active\\s+(?:cancer|malignancy)",
              SNOMED_MALIGNANT_TUMOR,
              List.of()),
          condition(
              "hiv",
              "HIV infection",
              "\\bHIV\\b|human\\s+immunodeficiency\\s+virus",
              ICD10_HIV_DISEASE,
              List.of("B20", "B21", "B22", "B23", "B24")),
          condition(
              "hbv",
              "Hepatitis B",
              "hepatitis\\s+B\\b(?:\\s+virus)?|\\bHBV\\b(?![-\\s]?DNA)",
              ICD10_CHRONIC_HEPATITIS_B,
              List.of("B16", "B18.0", "B18.1")),
          condition(
              "hcv",
              "Hepatitis C",
              "hepatitis\\s+C\\b(?:\\s+virus)?|\\bHCV\\b(?![-\\s]?(?:RNA|Ab))",
              ICD10_CHRONIC_HEPATITIS_C,
              List.of("B17.1", "B18.2")),
          condition(
              "autoimmune",
              "Autoimmune disease",
              "autoimmune\\s+(?:diseases?|disorders?)",
              null,
              List.of()),
          condition(
              "cns-metastasis",
              "CNS metastasis",
              "(?:central\\s+nervous\\s+system|\\bCNS\\b|brain)\\s*(?:\\(CNS\\)\\s*)?metasta\\w*"
                  + "|meningeal\\s+metasta\\w*",
              null,
              List.of()),
          condition(
              "extrahepatic-metastasis",
              "Extrahepatic metastasis",
              "extra-?hepatic\\s+(?:metasta\\w*|spread|disease)",
              null,
              List.of()),
          condition(
              "decompensated-cirrhosis",
              "Decompensated cirrhosis",
              "decompensated\\s+(?:liver\\s+)?cirrhosis|(?:liver|hepatic)\\s+decompensation",
              null,
              List.of()),
          condition("ascites", "Ascites", "\\bascites\\b(?!\\s+score)", null, List.of()),
          condition(
              "hepatic-encephalopathy",
              "Hepatic encephalopathy",
              "hepatic\\s+encephalopathy",
              null,
              List.of()),
          condition(
              "ild",
              "Interstitial lung disease",
              "interstitial\\s+(?:lung\\s+disease|pneumonia|pneumonitis)",
              ICD10_INTERSTITIAL_LUNG_DISEASE,
              List.of("J84")),
          condition(
              "tuberculosis",
              "Tuberculosis",
              "(?:pulmonary\\s+)?tuberculosis",
              ICD10_RESPIRATORY_TUBERCULOSIS,
              List.of("A15")),
          // ------------------------------------------------------------ pregnancy, lactation
          def(
              "pregnancy",
              "Pregnancy",
              Category.PREGNANCY,
              Kind.PREGNANCY,
              "pregnan(?:t|cy|cies)\\b",
              LOINC_PREGNANCY_STATUS),
          uncoded(
              "lactation",
              "Lactation",
              Category.LACTATION,
              "lactat(?:ing|ion)|breast[-\\s]?feeding|nursing\\s+(?:women|mothers)"),
          uncoded("contraception", "Contraception", Category.CONTRACEPTION, "contracepti\\w*"),
          // ------------------------------------------------------------ prior therapies
          uncoded(
              "tace",
              "Transarterial chemoembolization (TACE)",
              Category.PRIOR_THERAPY,
              "trans-?(?:catheter\\s+)?arterial\\s+chemoembolization|\\b[cd]?TACE\\b"),
          uncoded(
              "haic",
              "Hepatic arterial infusion chemotherapy (HAIC)",
              Category.PRIOR_THERAPY,
              "hepatic\\s+arter(?:y|ial)\\s+infusion\\s+chemotherapy|\\bHAIC\\b"),
          uncoded(
              "radiotherapy",
              "Radiotherapy",
              Category.PRIOR_THERAPY,
              "radiotherapy|radiation\\s+therapy"),
          uncoded(
              "systemic-therapy",
              "Systemic anticancer therapy",
              Category.PRIOR_THERAPY,
              "systemic\\s+(?:anti-?tumou?r\\s+|anti-?cancer\\s+)?(?:treatment|therapy|chemotherapy)"
                  + "|anti-?tumou?r\\s+(?:systemic\\s+)?(?:treatment|therapy)"),
          uncoded(
              "immunotherapy",
              "Immunotherapy",
              Category.PRIOR_THERAPY,
              "immunotherapy|immune\\s+checkpoint\\s+inhibitors?"),
          uncoded(
              "liver-transplant",
              "Liver transplantation",
              Category.PRIOR_THERAPY,
              "liver\\s+transplant\\w*"),
          uncoded("regorafenib", "Regorafenib", Category.PRIOR_THERAPY, "regorafenib"),
          // ------------------------------------------------------------ staging, tumour burden
          def(
              "cnlc",
              "CNLC stage",
              Category.STAGING,
              Kind.STAGE,
              "china\\s+liver\\s+cancer(?:\\s+clinical)?\\s+staging(?:\\s*\\(CNLC\\))?|\\bCNLC\\b",
              null),
          def("bclc", "BCLC stage", Category.STAGING, Kind.STAGE, "\\bBCLC\\b", null),
          def(
              "vp",
              "Portal vein invasion (Vp)",
              Category.STAGING,
              Kind.STAGE,
              "(?=\\bVp\\s*[1-4])",
              null),
          def(
              "tumour-burden",
              "Tumour burden (% of liver volume)",
              Category.TUMOUR_BURDEN,
              Kind.TUMOUR_BURDEN,
              "tumou?r\\s+(?:burden|occupying)",
              null));

  /**
   * Cheap prefilter: lower-case substrings, one of which must occur in the lower-cased text before
   * the concept's pattern is run (most criteria mention few concepts, so most patterns are
   * skipped). Every alternative of a concept's pattern contains one of its triggers.
   */
  private static final Map<String, List<String>> TRIGGERS =
      Map.ofEntries(
          Map.entry("age", List.of("age", "year", "yrs", "month", "week", "day")),
          Map.entry("ecog", List.of("ecog", "eastern", "zubrod")),
          Map.entry("karnofsky", List.of("karnofsky", "kps")),
          Map.entry("child-pugh", List.of("pugh")),
          Map.entry("albi", List.of("albi", "albumin")),
          Map.entry("anc", List.of("neutrophil", "anc")),
          Map.entry("platelets", List.of("platelet", "plt")),
          Map.entry("leukocytes", List.of("leukocyte", "leucocyte", "white", "wbc")),
          Map.entry("hemoglobin", List.of("moglobin", "hgb", "hb")),
          Map.entry("hba1c", List.of("a1c")),
          Map.entry("direct-bilirubin", List.of("bilirubin", "bil")),
          Map.entry("bilirubin", List.of("bilirubin", "bil")),
          Map.entry("alt", List.of("alanine", "alt", "sgpt", "alat")),
          Map.entry("ast", List.of("aspartate", "ast", "sgot", "asat")),
          Map.entry("alp", List.of("alkaline", "alp")),
          Map.entry("albumin", List.of("albumin")),
          Map.entry("uacr", List.of("creatinine", "acr")),
          Map.entry("crcl", List.of("clearance", "crc", "ccr")),
          Map.entry("egfr", List.of("filtration", "gfr")),
          Map.entry("creatinine", List.of("creatinine", "cr")),
          Map.entry("inr", List.of("normali", "inr")),
          Map.entry("aptt", List.of("thromboplastin", "ptt")),
          Map.entry("pt", List.of("prothrombin", "pt")),
          Map.entry("hbv-dna", List.of("hbv")),
          Map.entry("lvef", List.of("ejection", "lvef", "ef")),
          Map.entry("qtcf", List.of("qtc")),
          Map.entry("sbp", List.of("systolic", "sbp")),
          Map.entry("dbp", List.of("diastolic", "dbp")),
          Map.entry("hcc", List.of("hepatocellular", "hcc", "liver cancer")),
          Map.entry("other-malignancy", List.of("malignan", "active cancer")),
          Map.entry("hiv", List.of("hiv", "immunodeficiency")),
          Map.entry("hbv", List.of("hepatitis", "hbv")),
          Map.entry("hcv", List.of("hepatitis", "hcv")),
          Map.entry("autoimmune", List.of("autoimmune")),
          Map.entry("cns-metastasis", List.of("metasta")),
          Map.entry("extrahepatic-metastasis", List.of("hepatic")),
          Map.entry("decompensated-cirrhosis", List.of("decompensat")),
          Map.entry("ascites", List.of("ascites")),
          Map.entry("hepatic-encephalopathy", List.of("encephalopathy")),
          Map.entry("ild", List.of("interstitial")),
          Map.entry("tuberculosis", List.of("tuberculosis")),
          Map.entry("pregnancy", List.of("pregnan")),
          Map.entry("lactation", List.of("lactat", "feeding", "nursing")),
          Map.entry("contraception", List.of("contracepti")),
          Map.entry("tace", List.of("chemoemboli", "tace")),
          Map.entry("haic", List.of("infusion", "haic")),
          Map.entry("radiotherapy", List.of("radiotherapy", "radiation")),
          Map.entry("systemic-therapy", List.of("systemic", "tumor", "tumour")),
          Map.entry("immunotherapy", List.of("immunotherapy", "checkpoint")),
          Map.entry("liver-transplant", List.of("transplant")),
          Map.entry("regorafenib", List.of("regorafenib")),
          Map.entry("cnlc", List.of("cnlc", "china")),
          Map.entry("bclc", List.of("bclc")),
          Map.entry("vp", List.of("vp")),
          Map.entry("tumour-burden", List.of("tumor", "tumour")));

  /** True when the lower-cased text may contain the concept (see {@link #TRIGGERS}). */
  static boolean mayMention(Def def, String lowerText) {
    for (String t : TRIGGERS.get(def.key())) {
      if (lowerText.contains(t)) {
        return true;
      }
    }
    return false;
  }

  private ConceptCatalog() {}

  private static Def def(
      String key, String name, Category category, Kind kind, String regex, Concept concept) {
    return new Def(
        key,
        name,
        category,
        kind,
        Pattern.compile(regex, FLAGS),
        concept,
        List.of(),
        List.of(),
        null);
  }

  private static Def quantity(String key, String name, String regex, Concept concept) {
    return def(key, name, Category.LAB, Kind.QUANTITY, regex, concept);
  }

  private static Def vital(String key, String name, String regex, Concept concept) {
    return def(key, name, Category.VITAL, Kind.QUANTITY, regex, concept);
  }

  private static Def condition(
      String key, String name, String regex, Concept concept, List<String> icd10Prefixes) {
    return new Def(
        key,
        name,
        Category.CONDITION,
        Kind.CONDITION,
        Pattern.compile(regex, FLAGS),
        concept,
        icd10Prefixes,
        List.of(),
        null);
  }

  private static Def uncoded(String key, String name, Category category, String regex) {
    return def(key, name, category, Kind.PRESENCE_UNCODED, regex, null);
  }
}
