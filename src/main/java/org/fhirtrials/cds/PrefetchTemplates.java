package org.fhirtrials.cds;

import static org.fhirtrials.terminology.Terminology.LOINC;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.fhirtrials.patient.LabCatalog;
import org.fhirtrials.terminology.Terminology;

/**
 * The prefetch templates of the trial-matching service: exactly the data the eligibility fact sheet
 * reads. Only the {@code {{context.patientId}}} token is used (CDS Hooks 2.0 allows no date
 * arithmetic in tokens, so observation searches are sorted newest first and bounded by {@code
 * _count}; the evaluator applies its own look-back window).
 *
 * <p>Conditions are fetched in every clinical status: exclusion criteria on a history of disease
 * need resolved conditions too, and leaving them out would show a patient as not excluded.
 */
public final class PrefetchTemplates {
  static final String TOKEN = "{{context.patientId}}";

  public static final String PATIENT = "patient";
  public static final String CONDITIONS = "conditions";
  public static final String LABS = "labs";
  public static final String PERFORMANCE_STATUS = "performanceStatus";
  public static final String PREGNANCY = "pregnancy";
  public static final String PROCEDURES = "procedures";
  public static final String MEDICATION_STATEMENTS = "medicationStatements";
  public static final String MEDICATION_REQUESTS = "medicationRequests";

  private static final int LABS_COUNT = 100;
  private static final int SCORES_COUNT = 10;

  private static final Map<String, String> TEMPLATES = build();

  private PrefetchTemplates() {}

  /** Key to template, in a stable order. */
  public static Map<String, String> all() {
    return TEMPLATES;
  }

  /** The template with the patient id substituted: a relative FHIR URL. */
  static String resolve(String template, String patientId) {
    return template.replace(TOKEN, patientId);
  }

  /** The LOINC codes of the lab search: every catalogued analyte plus QTc(F) and the BP panel. */
  static List<String> labCodes() {
    Set<String> codes = new LinkedHashSet<>();
    LabCatalog.all().forEach(a -> codes.add(a.loinc()));
    codes.add(Terminology.LOINC_QTCF.code());
    codes.add(Terminology.LOINC_QTC.code());
    // US Core's blood pressure profile codes the panel and carries systolic / diastolic as
    // components, which an Observation code search does not reach
    codes.add(Terminology.LOINC_BLOOD_PRESSURE_PANEL.code());
    return new ArrayList<>(codes);
  }

  private static Map<String, String> build() {
    Map<String, String> t = new LinkedHashMap<>();
    t.put(PATIENT, "Patient/" + TOKEN);
    t.put(CONDITIONS, "Condition?patient=" + TOKEN);
    t.put(LABS, observations(labCodes(), LABS_COUNT));
    t.put(
        PERFORMANCE_STATUS,
        observations(
            List.of(Terminology.LOINC_ECOG_CODE, Terminology.LOINC_KARNOFSKY_CODE), SCORES_COUNT));
    t.put(
        PREGNANCY,
        observations(
            List.of(
                Terminology.LOINC_PREGNANCY_STATUS_CODE, Terminology.LOINC_BREASTFEEDING_STATUS),
            SCORES_COUNT));
    t.put(PROCEDURES, "Procedure?patient=" + TOKEN);
    t.put(MEDICATION_STATEMENTS, "MedicationStatement?patient=" + TOKEN);
    t.put(
        MEDICATION_REQUESTS,
        "MedicationRequest?patient=" + TOKEN + "&_include=MedicationRequest:medication");
    return java.util.Collections.unmodifiableMap(t);
  }

  private static String observations(List<String> loincs, int count) {
    String codes = loincs.stream().map(c -> LOINC + "|" + c).collect(Collectors.joining(","));
    return "Observation?patient=" + TOKEN + "&code=" + codes + "&_sort=-date&_count=" + count;
  }
}
