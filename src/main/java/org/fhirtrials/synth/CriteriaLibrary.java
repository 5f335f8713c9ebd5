package org.fhirtrials.synth;

import java.util.List;

/**
 * Real-looking phrasings of common eligibility criteria, grouped into slots of alternatives (one
 * criterion, many ways registrants write it). Tokens: {@code {>=} {<=} {>} {<} {x}} (see {@link
 * Phrasing}) and {@code {drug}} (the investigational agent).
 */
final class CriteriaLibrary {
  private CriteriaLibrary() {}

  // ---- performance status, prognosis, disease measurability ----
  static final List<String> ECOG =
      List.of(
          "ECOG performance status 0-1",
          "ECOG PS {<=} 2",
          "Eastern Cooperative Oncology Group (ECOG) performance status of 0 or 1",
          "ECOG performance status {<=} 1",
          "ECOG performance status of 0 to 2",
          "Eastern Cooperative Oncology Group (ECOG) performance status {<=} 1 within 7 days"
              + " prior to randomization");
  static final List<String> KARNOFSKY =
      List.of(
          "Karnofsky performance status {>=} 70%",
          "KPS {>=} 60", "Karnofsky Performance Status (KPS) of at least 70");
  static final List<String> LIFE_EXPECTANCY =
      List.of(
          "Life expectancy {>=} 12 weeks",
          "Life expectancy of at least 3 months",
          "Estimated life expectancy {>} 6 months, in the opinion of the investigator");
  static final List<String> MEASURABLE =
      List.of(
          "At least one measurable lesion per RECIST v1.1",
          "Measurable disease according to RECIST version 1.1",
          "At least one measurable target lesion as defined by RECIST 1.1 that has not been"
              + " previously irradiated");
  static final List<String> MEASURABLE_HEPATIC =
      List.of(
          "At least one measurable untreated lesion per mRECIST or RECIST 1.1",
          "At least one measurable lesion per RECIST 1.1 that has not received locoregional"
              + " therapy");
  static final List<String> WASHOUT_INCLUSION =
      List.of(
          "No systemic therapy within 28 days prior to enrollment",
          "At least 4 weeks since prior chemotherapy, radiotherapy or major surgery",
          "Recovered from toxicities of prior anticancer therapy to grade {<=} 1 (CTCAE v5.0),"
              + " except alopecia");

  // ---- laboratory values ----
  static final List<String> LAB_HEADERS =
      List.of(
          "Adequate organ and bone marrow function, defined as:",
          "Adequate hematologic, hepatic and renal function as defined by the following"
              + " laboratory values (within 14 days before the first dose):",
          "Adequate organ function:",
          "Laboratory values at screening:");
  static final List<String> ANC =
      List.of(
          "Absolute neutrophil count (ANC) {>=} 1.5 {x} 10^9/L",
          "ANC {>=} 1,500/mm³",
          "Absolute neutrophil count {>=} 1500/µL",
          "Neutrophils {>=} 1.5 x 10⁹/L");
  static final List<String> ANC_HEME =
      List.of("ANC {>=} 1.0 {x} 10^9/L", "Absolute neutrophil count {>=} 1,000/mm³");
  static final List<String> PLATELETS =
      List.of(
          "Platelets {>=} 100,000/mm³",
          "Platelet count {>=} 100 {x} 10^9/L",
          "Platelets {>=} 75 {x} 10^9/L",
          "Platelet count {>=} 100,000/µL (without transfusion within 14 days)");
  static final List<String> PLATELETS_HEPATIC =
      List.of("Platelet count {>=} 60,000/µL", "Platelets {>=} 75 {x} 10^9/L");
  static final List<String> PLATELETS_HEME =
      List.of(
          "Platelets {>=} 50 {x} 10^9/L (or {>=} 30 {x} 10^9/L with bone marrow involvement)",
          "Platelet count {>=} 75,000/mm³ independent of transfusion");
  static final List<String> HEMOGLOBIN =
      List.of(
          "Hemoglobin {>=} 9 g/dL",
          "Hemoglobin {>=} 9.0 g/dL (transfusion allowed)",
          "Haemoglobin {>=} 90 g/L",
          "Hemoglobin {>=} 5.6 mmol/L");
  static final List<String> HEMOGLOBIN_HEME =
      List.of("Hemoglobin {>=} 8 g/dL", "Hgb {>=} 8.0 g/dL");
  static final List<String> BILIRUBIN =
      List.of(
          "Total bilirubin {<=} 1.5 {x} ULN",
          "Total bilirubin {<=} 1.5 {x} upper limit of normal (ULN) ({<=} 3 {x} ULN for patients"
              + " with Gilbert's syndrome)",
          "Serum bilirubin {<=} 2 mg/dL",
          "Total bilirubin {<=} 34 µmol/L");
  static final List<String> BILIRUBIN_HEPATIC =
      List.of(
          "Total bilirubin {<=} 3 mg/dL",
          "Total bilirubin {<=} 2 {x} ULN",
          "Total bilirubin {<} 51.3 µmol/L (3 mg/dL)");
  static final List<String> TRANSAMINASES =
      List.of(
          "ALT and AST {<=} 2.5 {x} upper limit of normal ({<=} 5 {x} ULN for patients with liver"
              + " metastases)",
          "AST (SGOT) and ALT (SGPT) {<=} 3 {x} ULN",
          "Aspartate aminotransferase (AST) and alanine aminotransferase (ALT) {<=} 2.5 {x} ULN");
  static final List<String> TRANSAMINASES_HEPATIC =
      List.of("ALT and AST {<=} 5 {x} ULN", "AST and ALT {<=} 5 {x} upper limit of normal");
  static final List<String> RENAL =
      List.of(
          "Creatinine clearance {>=} 60 mL/min (Cockcroft-Gault)",
          "Serum creatinine {<=} 1.5 {x} ULN or creatinine clearance {>=} 50 mL/min",
          "eGFR {>=} 45 mL/min/1.73 m2",
          "Calculated creatinine clearance {>=} 30 mL/min (Cockcroft-Gault formula)",
          "Estimated glomerular filtration rate (eGFR) {>=} 60 mL/min/1.73 m² (CKD-EPI)");
  static final List<String> INR =
      List.of(
          "INR {<=} 1.5",
          "International normalized ratio (INR) {<=} 1.5 {x} ULN unless receiving anticoagulant"
              + " therapy",
          "INR or prothrombin time (PT) {<=} 1.5 {x} ULN");
  static final List<String> INR_HEPATIC = List.of("INR {<=} 2.3", "INR {<=} 1.7");
  static final List<String> ALBUMIN = List.of("Albumin {>=} 3.0 g/dL", "Serum albumin {>=} 30 g/L");
  static final List<String> ALBUMIN_HEPATIC =
      List.of("Albumin {>=} 2.8 g/dL", "Serum albumin {>=} 28 g/L");
  static final List<String> QTCF_INCLUSION = List.of("QTcF {<=} 470 ms", "QTcF {<=} 480 ms");
  static final List<String> QTCF_EXCLUSION =
      List.of(
          "QTcF {>} 470 ms on screening ECG",
          "Mean resting corrected QT interval (QTcF) {>} 480 ms obtained from 3 ECGs",
          "QTc interval {>} 450 ms (men) or {>} 470 ms (women)");

  // ---- reproduction ----
  static final List<String> CONTRACEPTION =
      List.of(
          "Women of childbearing potential must have a negative serum pregnancy test within 7"
              + " days prior to the first dose of study treatment",
          "Women of childbearing potential (WOCBP) and men with partners of childbearing"
              + " potential must agree to use highly effective contraception during the study and"
              + " for 6 months after the last dose",
          "Female participants of childbearing potential must agree to use adequate"
              + " contraception from screening until 90 days after the last dose of {drug}");
  static final List<String> CONTRACEPTION_MALE =
      List.of(
          "Male participants with female partners of childbearing potential must agree to use a"
              + " condom during the study and for 90 days after the last dose");
  static final List<String> PREGNANCY =
      List.of(
          "Pregnant or breastfeeding women",
          "Women who are pregnant or lactating",
          "Pregnancy or lactation",
          "Female participants who are pregnant, breastfeeding, or planning to become pregnant"
              + " during the study");

  // ---- consent and compliance ----
  static final List<String> CONSENT =
      List.of(
          "Signed written informed consent",
          "Able to understand and willing to sign a written informed consent document",
          "Provision of signed and dated informed consent form",
          "Written informed consent obtained before any study-specific procedure");
  static final List<String> CONSENT_PEDIATRIC =
      List.of(
          "Written informed consent from a parent or legal guardian and assent from the"
              + " participant, as appropriate for age");
  static final List<String> CONSENT_REPRESENTATIVE =
      List.of(
          "Written informed consent from the participant or a legally authorized representative");
  static final List<String> COMPLIANCE =
      List.of(
          "Willing and able to comply with scheduled visits, treatment plan, laboratory tests and"
              + " other study procedures",
          "Able to swallow oral medication",
          "Stated willingness to comply with all study procedures and availability for the"
              + " duration of the study");

  // ---- exclusions ----
  static final List<String> SYSTEMIC_WINDOW =
      List.of(
          "Systemic anticancer therapy within 28 days or 5 half-lives (whichever is shorter)"
              + " before the first dose",
          "Chemotherapy, targeted therapy or immunotherapy within 21 days prior to randomization",
          "Radiotherapy within 14 days before the first dose (palliative radiotherapy to"
              + " non-target lesions is allowed)",
          "Major surgery within 4 weeks prior to enrollment");
  static final List<String> INVESTIGATIONAL =
      List.of(
          "Participation in another interventional clinical study within 30 days",
          "Treatment with any investigational drug within 30 days or 5 half-lives, whichever is"
              + " longer, before screening");
  static final List<String> HIV =
      List.of(
          "Known HIV infection", "Known history of human immunodeficiency virus (HIV) infection");
  static final List<String> HEPATITIS =
      List.of(
          "Active hepatitis B (HBsAg positive with HBV DNA {>} 500 IU/mL) or hepatitis C (HCV RNA"
              + " positive)",
          "Known active hepatitis B or C infection",
          "Known history of human immunodeficiency virus (HIV) infection or active hepatitis B or"
              + " C");
  static final List<String> CNS_METASTASES =
      List.of(
          "Known active central nervous system (CNS) metastases and/or carcinomatous meningitis",
          "Symptomatic or untreated brain metastases; patients with treated brain metastases that"
              + " are radiologically stable for {>=} 4 weeks are eligible");
  static final String CNS_METASTASES_HEADER =
      "Known brain metastases, unless all of the following are met:";
  static final List<String> CNS_METASTASES_CONDITIONS =
      List.of(
          "Asymptomatic",
          "Treated and radiologically stable for {>=} 4 weeks",
          "No corticosteroids required for {>=} 14 days before the first dose");
  static final List<String> CARDIAC =
      List.of(
          "Clinically significant cardiovascular disease within 6 months, including myocardial"
              + " infarction, unstable angina, NYHA class III-IV congestive heart failure, or"
              + " uncontrolled arrhythmia",
          "Uncontrolled hypertension (systolic {>} 160 mmHg or diastolic {>} 100 mmHg despite"
              + " optimal therapy)");
  static final List<String> AUTOIMMUNE =
      List.of(
          "Active autoimmune disease that has required systemic treatment in the past 2 years",
          "Active or prior documented autoimmune or inflammatory disorder within 5 years");
  static final List<String> OTHER_MALIGNANCY =
      List.of(
          "Another malignancy within 3 years, except adequately treated basal or squamous cell"
              + " skin cancer or carcinoma in situ of the cervix",
          "Prior malignancy active within the previous 3 years except for locally curable cancers"
              + " that have been apparently cured",
          "Active malignancy within 5 years");
  static final List<String> HYPERSENSITIVITY =
      List.of(
          "Known hypersensitivity to {drug} or any of its excipients",
          "History of severe allergic reaction to {drug} or to compounds of similar chemical or"
              + " biologic composition");
  static final List<String> INFECTION =
      List.of(
          "Active infection requiring systemic therapy",
          "Uncontrolled intercurrent illness including, but not limited to, ongoing or active"
              + " infection, symptomatic congestive heart failure, unstable angina pectoris,"
              + " cardiac arrhythmia, or psychiatric illness/social situations that would limit"
              + " compliance with study requirements");
  static final List<String> SUBSTANCE =
      List.of(
          "History of alcohol or drug abuse within 12 months",
          "Current alcohol or substance use disorder");
  static final List<String> INVESTIGATOR =
      List.of(
          "Any condition that, in the opinion of the investigator, would interfere with"
              + " evaluation of the study treatment or interpretation of participant safety or"
              + " study results",
          "Any medical or psychiatric condition which, in the judgment of the investigator, would"
              + " make the patient inappropriate for entry into this study",
          "Any other condition that, in the investigator's judgement, makes the participant"
              + " unsuitable for the study");

  // ---- healthy volunteers ----
  static final List<String> HEALTHY =
      List.of(
          "Healthy as determined by medical history, physical examination, vital signs, 12-lead"
              + " ECG and clinical laboratory tests");
  static final List<String> HEALTHY_BMI =
      List.of(
          "BMI 18.0-32.0 kg/m2 and body weight {>=} 50 kg",
          "Body mass index of 18.5 to 30" + " kg/m², inclusive");
  static final List<String> HEALTHY_SEROLOGY =
      List.of(
          "Positive test for HIV, hepatitis B surface antigen or hepatitis C antibody at"
              + " screening");
  static final List<String> HEALTHY_MEDICATION =
      List.of(
          "Use of any prescription or over-the-counter medication within 14 days before"
              + " dosing",
          "Donation of blood ({>} 500 mL) within 3 months before dosing");
  static final List<String> SMOKING =
      List.of("Smoking more than 5 cigarettes per day", "Current smokers");

  // ---- observational ----
  static final List<String> OBSERVATIONAL_EXCLUSION =
      List.of(
          "Unable or unwilling to provide informed consent",
          "Participation in an interventional trial that could affect the outcomes of this"
              + " study");
}
