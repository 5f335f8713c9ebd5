package org.fhirtrials.synth;

import static org.fhirtrials.synth.ConditionProfile.Trait.BRAIN;
import static org.fhirtrials.synth.ConditionProfile.Trait.HEME;
import static org.fhirtrials.synth.ConditionProfile.Trait.HEPATIC;
import static org.fhirtrials.synth.ConditionProfile.Trait.SOLID_TUMOR;
import static org.fhirtrials.synth.ConditionProfile.Trait.VIRAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code eligibilityCriteria} markdown exactly as ClinicalTrials.gov does: {@code "Inclusion
 * Criteria:\n\n* ...\n\nExclusion Criteria:\n\n* ..."}, sometimes as numbered lists, with nested
 * {@code " * "} sub-items, assembled from {@link CriteriaLibrary} and the condition's own criteria.
 * The age criterion always agrees with the structured age limits.
 */
final class CriteriaComposer {
  /** What the criteria must agree with. */
  record Inputs(
      ConditionProfile profile,
      AgeRange ages,
      String sex,
      boolean healthyVolunteers,
      boolean observational,
      String drug,
      Phrasing phrasing) {}

  private record Item(String text, List<String> subItems) {
    Item(String text) {
      this(text, List.of());
    }
  }

  private static final String NESTED = "  * ";

  private final Inputs in;
  private final Rng rng;
  private final List<Item> inclusion = new ArrayList<>();
  private final List<Item> exclusion = new ArrayList<>();

  private CriteriaComposer(Inputs in, Rng rng) {
    this.in = in;
    this.rng = rng;
  }

  static String compose(Inputs inputs, Rng rng) {
    CriteriaComposer c = new CriteriaComposer(inputs, rng);
    c.build();
    return c.render();
  }

  private void build() {
    inclusion.add(new Item(ageCriterion()));
    if (in.observational()) {
      observationalCriteria();
    } else if (in.healthyVolunteers()) {
      healthyVolunteerCriteria();
    } else {
      interventionalCriteria();
    }
  }

  private void healthyVolunteerCriteria() {
    inc(CriteriaLibrary.HEALTHY);
    inc(CriteriaLibrary.HEALTHY_BMI);
    inc(CriteriaLibrary.CONSENT);
    exc(CriteriaLibrary.HEALTHY_SEROLOGY);
    exc(CriteriaLibrary.HEALTHY_MEDICATION);
    maybeExc(0.5, CriteriaLibrary.SMOKING);
    maybeExc(0.5, CriteriaLibrary.QTCF_EXCLUSION);
    pregnancy(0.9);
    maybeExc(0.6, CriteriaLibrary.HYPERSENSITIVITY);
    maybeExc(0.7, CriteriaLibrary.INVESTIGATOR);
  }

  private void observationalCriteria() {
    if (in.healthyVolunteers()) {
      inclusion.add(
          new Item(
              rng.pick("Healthy volunteers without a history of ", "No known ")
                  + in.profile().inProse()));
    } else {
      inclusion.add(
          new Item(
              rng.pick(
                      "Confirmed diagnosis of ",
                      "Patients diagnosed with ",
                      "Clinical diagnosis of ")
                  + in.profile().inProse()));
      // Diagnosis-type criteria of the condition, but none that presumes a treatment protocol.
      List<List<String>> own = in.profile().inclusions().stream().filter(this::observable).toList();
      if (!own.isEmpty() && rng.chance(0.5)) {
        inc(rng.pick(own));
      }
    }
    maybeInc(0.7, CriteriaLibrary.CONSENT);
    exc(CriteriaLibrary.OBSERVATIONAL_EXCLUSION);
    List<List<String>> ownExclusions =
        in.profile().exclusions().stream().filter(this::observable).toList();
    if (!ownExclusions.isEmpty() && rng.chance(0.5)) {
      exc(rng.pick(ownExclusions));
    }
  }

  /** True when no phrasing of the slot refers to randomisation, dosing or study treatment. */
  private boolean observable(List<String> slot) {
    return slot.stream()
        .map(t -> t.toLowerCase(Locale.ROOT))
        .noneMatch(t -> t.contains("randomi") || t.contains("dose") || t.contains("study"));
  }

  private void interventionalCriteria() {
    ConditionProfile p = in.profile();
    List<List<String>> own = p.inclusions();
    // The diagnosis criterion first, then a few more of the condition's own.
    if (!own.isEmpty()) {
      inc(own.get(0));
      for (List<String> slot : rng.sample(own.subList(1, own.size()), rng.between(1, 3))) {
        inc(slot);
      }
    }
    boolean oncology = p.area() == Area.ONCOLOGY;
    if (oncology) {
      oncologyInclusions(p);
    } else if (rng.chance(0.35)) {
      labItems(List.of(CriteriaLibrary.RENAL, CriteriaLibrary.TRANSAMINASES), false);
    }
    contraception();
    inc(
        in.ages().includesChildren() && rng.chance(0.7)
            ? CriteriaLibrary.CONSENT_PEDIATRIC
            : p.area() == Area.NEUROLOGY && rng.chance(0.4)
                ? CriteriaLibrary.CONSENT_REPRESENTATIVE
                : CriteriaLibrary.CONSENT);
    maybeInc(0.4, CriteriaLibrary.COMPLIANCE);

    for (List<String> slot : rng.sample(p.exclusions(), rng.between(1, 3))) {
      exc(slot);
    }
    pregnancy(0.75);
    if (oncology) {
      oncologyExclusions(p);
    } else {
      maybeExc(0.3, CriteriaLibrary.OTHER_MALIGNANCY);
      maybeExc(0.25, CriteriaLibrary.QTCF_EXCLUSION);
    }
    if (!p.has(VIRAL)) {
      maybeExc(
          oncology ? 0.45 : 0.25, p.has(HEPATIC) ? CriteriaLibrary.HIV : CriteriaLibrary.HEPATITIS);
    }
    maybeExc(0.4, CriteriaLibrary.INVESTIGATIONAL);
    maybeExc(0.35, CriteriaLibrary.HYPERSENSITIVITY);
    maybeExc(0.2, CriteriaLibrary.SUBSTANCE);
    maybeExc(0.8, CriteriaLibrary.INVESTIGATOR);
  }

  private void oncologyInclusions(ConditionProfile p) {
    if (p.has(SOLID_TUMOR)) {
      inc(p.has(HEPATIC) ? CriteriaLibrary.MEASURABLE_HEPATIC : CriteriaLibrary.MEASURABLE);
    }
    if (!p.has(BRAIN)) { // brain-tumour profiles carry their own Karnofsky criterion
      inc(rng.chance(0.15) ? CriteriaLibrary.KARNOFSKY : CriteriaLibrary.ECOG);
    }
    maybeInc(0.5, CriteriaLibrary.LIFE_EXPECTANCY);
    maybeInc(0.25, CriteriaLibrary.WASHOUT_INCLUSION);
    boolean hepatic = p.has(HEPATIC);
    boolean heme = p.has(HEME);
    List<List<String>> labs = new ArrayList<>();
    labs.add(heme ? CriteriaLibrary.ANC_HEME : CriteriaLibrary.ANC);
    labs.add(
        hepatic
            ? CriteriaLibrary.PLATELETS_HEPATIC
            : heme ? CriteriaLibrary.PLATELETS_HEME : CriteriaLibrary.PLATELETS);
    labs.add(heme ? CriteriaLibrary.HEMOGLOBIN_HEME : CriteriaLibrary.HEMOGLOBIN);
    labs.add(hepatic ? CriteriaLibrary.BILIRUBIN_HEPATIC : CriteriaLibrary.BILIRUBIN);
    labs.add(hepatic ? CriteriaLibrary.TRANSAMINASES_HEPATIC : CriteriaLibrary.TRANSAMINASES);
    labs.add(CriteriaLibrary.RENAL);
    if (hepatic || rng.chance(0.4)) {
      labs.add(hepatic ? CriteriaLibrary.INR_HEPATIC : CriteriaLibrary.INR);
    }
    if (hepatic || rng.chance(0.2)) {
      labs.add(hepatic ? CriteriaLibrary.ALBUMIN_HEPATIC : CriteriaLibrary.ALBUMIN);
    }
    if (rng.chance(0.15)) {
      labs.add(CriteriaLibrary.QTCF_INCLUSION);
    }
    labItems(labs, rng.chance(0.6));
  }

  private void oncologyExclusions(ConditionProfile p) {
    exc(CriteriaLibrary.SYSTEMIC_WINDOW);
    maybeExc(0.4, CriteriaLibrary.SYSTEMIC_WINDOW);
    if (p.has(SOLID_TUMOR) && !p.has(BRAIN) && rng.chance(0.7)) {
      if (rng.chance(0.3)) {
        exclusion.add(
            new Item(
                CriteriaLibrary.CNS_METASTASES_HEADER,
                CriteriaLibrary.CNS_METASTASES_CONDITIONS.stream().map(this::text).toList()));
      } else {
        exc(CriteriaLibrary.CNS_METASTASES);
      }
    }
    maybeExc(0.5, CriteriaLibrary.CARDIAC);
    maybeExc(0.3, CriteriaLibrary.QTCF_EXCLUSION);
    maybeExc(0.4, CriteriaLibrary.AUTOIMMUNE);
    maybeExc(0.6, CriteriaLibrary.OTHER_MALIGNANCY);
    maybeExc(0.4, CriteriaLibrary.INFECTION);
  }

  /** Labs as one item with nested sub-items, or as separate items. */
  private void labItems(List<List<String>> slots, boolean nested) {
    List<String> lines = slots.stream().map(slot -> text(rng.pick(slot))).toList();
    if (nested) {
      inclusion.add(new Item(text(rng.pick(CriteriaLibrary.LAB_HEADERS)), lines));
    } else {
      lines.forEach(line -> inclusion.add(new Item(line)));
    }
  }

  private void contraception() {
    boolean women = !in.sex().equals("MALE") && (in.ages().max() == null || in.ages().max() >= 12);
    boolean men = !in.sex().equals("FEMALE") && in.ages().adultsOnly();
    if (women && rng.chance(0.55)) {
      inc(CriteriaLibrary.CONTRACEPTION);
    } else if (men && rng.chance(0.3)) {
      inc(CriteriaLibrary.CONTRACEPTION_MALE);
    }
  }

  private void pregnancy(double p) {
    if (!in.sex().equals("MALE") && in.ages().adultsOnly()) {
      maybeExc(p, CriteriaLibrary.PREGNANCY);
    }
  }

  private String ageCriterion() {
    AgeRange a = in.ages();
    String who =
        switch (in.sex()) {
          case "FEMALE" -> rng.pick("Female participants", "Women", "Female patients");
          case "MALE" -> rng.pick("Male participants", "Men", "Male patients");
          default -> rng.pick("Participants", "Patients", "Male or female participants");
        };
    String unit = a.minUnit().toLowerCase(Locale.ROOT);
    if (a.max() == null) {
      return text(
          switch (rng.nextInt(5)) {
            case 0 -> "Age {>=} " + a.min() + " " + unit;
            case 1 -> "Aged " + a.min() + " " + unit + " or older";
            case 2 ->
                who
                    + " aged {>=} "
                    + a.min()
                    + " "
                    + unit
                    + " at the time of signing informed consent";
            case 3 -> a.min() + " " + unit + " of age or older";
            default -> who + " {>=} " + a.min() + " " + unit + " of age";
          });
    }
    boolean sameUnit = unit.equals("years");
    String range = a.min() + (sameUnit ? "" : " " + unit) + " to " + a.max() + " years";
    return text(
        switch (rng.nextInt(4)) {
          case 0 -> "Age " + (sameUnit ? a.min() + "-" + a.max() + " years" : range);
          case 1 ->
              "Aged between "
                  + a.min()
                  + (sameUnit ? "" : " " + unit)
                  + " and "
                  + a.max()
                  + " years (inclusive)";
          case 2 -> who + " aged " + range;
          default -> "Age {>=} " + a.min() + " " + unit + " and {<=} " + a.max() + " years";
        });
  }

  private void inc(List<String> slot) {
    inclusion.add(new Item(text(rng.pick(slot))));
  }

  private void exc(List<String> slot) {
    String t = text(rng.pick(slot));
    for (Item existing : exclusion) {
      if (existing.text().equals(t)) {
        return; // drawing the same slot twice must not repeat a criterion
      }
    }
    exclusion.add(new Item(t));
  }

  private void maybeInc(double p, List<String> slot) {
    if (rng.chance(p)) {
      inc(slot);
    }
  }

  private void maybeExc(double p, List<String> slot) {
    if (rng.chance(p)) {
      exc(slot);
    }
  }

  private String text(String template) {
    return in.phrasing().render(template.replace("{drug}", in.drug()));
  }

  private String render() {
    boolean numbered = rng.chance(0.2);
    StringBuilder sb = new StringBuilder(2048);
    sb.append("Inclusion Criteria:\n\n");
    list(sb, inclusion, numbered);
    sb.append("\n\nExclusion Criteria:\n\n");
    list(sb, exclusion, numbered);
    return sb.toString();
  }

  private static void list(StringBuilder sb, List<Item> items, boolean numbered) {
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        sb.append('\n');
      }
      Item item = items.get(i);
      sb.append(numbered ? (i + 1) + ". " : "* ").append(item.text());
      for (String sub : item.subItems()) {
        sb.append('\n').append(NESTED).append(sub);
      }
    }
  }
}
