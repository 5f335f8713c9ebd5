package org.fhirtrials.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * Arm groups and interventions with consistent links: every {@code "Drug: X"} an arm names is an
 * intervention, and every intervention lists exactly the arms that name it.
 */
final class Arms {
  /** One intervention. */
  record Intervention(Agent agent, String description, String schedule) {
    String name() {
      return agent.name();
    }

    /** The registry's link text, e.g. {@code "Drug: Placebo"}. */
    String link() {
      return agent.typeLabel() + ": " + agent.name();
    }
  }

  /** One arm (or observational group/cohort); {@code type} is null for observational groups. */
  record Arm(String label, String type, String description, List<Intervention> interventions) {}

  /**
   * The design's arms and its interventions (in first-use order).
   *
   * @param model interventional model ({@code SINGLE_GROUP}, {@code PARALLEL}...) or null
   * @param allocation {@code RANDOMIZED}, {@code NON_RANDOMIZED}, {@code NA} or null
   * @param masking {@code NONE}...{@code QUADRUPLE} or null
   * @param whoMasked masked roles
   */
  record Design(
      List<Arm> arms,
      List<Intervention> interventions,
      String model,
      String allocation,
      String masking,
      List<String> whoMasked) {

    /** Labels of the arms that use {@code intervention}, in arm order. */
    List<String> armLabels(Intervention intervention) {
      List<String> labels = new ArrayList<>();
      for (Arm arm : arms) {
        if (arm.interventions().contains(intervention)) {
          labels.add(arm.label());
        }
      }
      return labels;
    }
  }

  private static final Agent PLACEBO = new Agent("DRUG", "Placebo", null, null);
  private static final List<String> DOSES =
      List.of("50 mg", "100 mg", "200 mg", "400 mg", "10 mg/kg", "3 mg/kg", "0.5 mg", "1200 mg");
  private static final List<String> SCHEDULES =
      List.of(
          "once daily",
          "twice daily",
          "every 3 weeks",
          "every 2 weeks",
          "every 4 weeks",
          "once weekly");
  private static final List<String> ROUTES =
      List.of("orally", "intravenously", "by subcutaneous injection");

  private Arms() {}

  /** Arms of an interventional trial testing {@code agent} for the condition. */
  static Design interventional(
      ConditionProfile profile, Agent agent, List<String> phases, boolean healthy, Rng rng) {
    Intervention test = intervention(agent, rng);
    boolean firstInHuman = phases.equals(List.of("PHASE1")) || phases.contains("EARLY_PHASE1");
    if (firstInHuman && rng.chance(healthy ? 0.3 : 0.6)) {
      if (rng.chance(0.5)) {
        return single(test, "Dose Escalation", rng);
      }
      Arm escalation =
          new Arm(
              "Part A: Dose Escalation",
              "EXPERIMENTAL",
              "Participants receive escalating doses of "
                  + agent.name()
                  + " "
                  + test.schedule()
                  + " to determine the maximum tolerated dose.",
              List.of(test));
      Arm expansion =
          new Arm(
              "Part B: Dose Expansion",
              "EXPERIMENTAL",
              "Participants receive " + agent.name() + " at the recommended phase 2 dose.",
              List.of(test));
      return new Design(
          List.of(escalation, expansion),
          List.of(test),
          "SEQUENTIAL",
          "NON_RANDOMIZED",
          "NONE",
          List.of());
    }
    double r = rng.nextDouble();
    if (r < 0.3) {
      return single(test, agent.name(), rng);
    }
    if (r < 0.36 && agent.type().equals("DRUG")) {
      return crossover(test, rng);
    }
    return parallel(profile, test, rng);
  }

  private static Design single(Intervention test, String label, Rng rng) {
    Arm arm =
        new Arm(
            label,
            "EXPERIMENTAL",
            "Participants receive "
                + test.name()
                + " "
                + test.schedule()
                + " until disease progression, unacceptable toxicity or withdrawal.",
            List.of(test));
    return new Design(List.of(arm), List.of(test), "SINGLE_GROUP", "NA", "NONE", List.of());
  }

  private static Design crossover(Intervention test, Rng rng) {
    Intervention placebo = intervention(PLACEBO, rng);
    Arm ab =
        new Arm(
            "Sequence AB",
            "EXPERIMENTAL",
            test.name() + " in period 1, then placebo in period 2, separated by a washout.",
            List.of(test, placebo));
    Arm ba =
        new Arm(
            "Sequence BA",
            "PLACEBO_COMPARATOR",
            "Placebo in period 1, then " + test.name() + " in period 2, separated by a washout.",
            List.of(placebo, test));
    return new Design(
        List.of(ab, ba),
        List.of(test, placebo),
        "CROSSOVER",
        "RANDOMIZED",
        "DOUBLE",
        List.of("PARTICIPANT", "INVESTIGATOR"));
  }

  private static Design parallel(ConditionProfile profile, Intervention test, Rng rng) {
    List<Arm> arms = new ArrayList<>();
    List<Intervention> interventions = new ArrayList<>();
    interventions.add(test);
    boolean behavioural =
        test.agent().type().equals("BEHAVIORAL") || test.agent().type().equals("DEVICE");
    Agent socAgent = profile.standardOfCare().isEmpty() ? null : rng.pick(profile.standardOfCare());
    if (socAgent != null && socAgent.name().equals(test.name())) {
      socAgent = null; // the tested agent cannot also be its own comparator
    }
    boolean placeboControlled =
        !behavioural && (socAgent == null || socAgent.name().equals("Placebo") || rng.chance(0.4));
    Intervention backbone = null;
    if (!placeboControlled && socAgent != null && !socAgent.name().equals("Placebo")) {
      backbone = intervention(socAgent, rng);
      interventions.add(backbone);
    }
    int experimentalArms = rng.chance(0.25) ? 2 : 1;
    List<String> doses = rng.sample(DOSES, experimentalArms); // distinct, so labels are unique
    boolean lettered = rng.chance(0.3); // "Arm A: ...", decided once for all arms
    for (int i = 1; i <= experimentalArms; i++) {
      String dose = doses.get(i - 1);
      String label =
          experimentalArms == 1
              ? (backbone != null && rng.chance(0.5)
                  ? test.name() + " + " + backbone.name()
                  : test.name())
              : test.name() + " " + dose;
      List<Intervention> uses =
          backbone != null && label.contains(" + ") ? List.of(test, backbone) : List.of(test);
      arms.add(
          new Arm(
              lettered ? "Arm " + (char) ('A' + i - 1) + ": " + label : label,
              "EXPERIMENTAL",
              "Participants receive "
                  + test.name()
                  + (experimentalArms > 1 ? " " + dose : "")
                  + " "
                  + test.schedule()
                  + ".",
              uses));
    }
    String masking;
    List<String> who;
    if (placeboControlled) {
      Intervention placebo = intervention(PLACEBO, rng);
      interventions.add(placebo);
      arms.add(
          new Arm(
              "Placebo",
              "PLACEBO_COMPARATOR",
              "Participants receive matching placebo on the same schedule.",
              List.of(placebo)));
      masking = rng.pick("DOUBLE", "TRIPLE", "QUADRUPLE", "QUADRUPLE");
      who =
          switch (masking) {
            case "DOUBLE" -> List.of("PARTICIPANT", "INVESTIGATOR");
            case "TRIPLE" -> List.of("PARTICIPANT", "INVESTIGATOR", "OUTCOMES_ASSESSOR");
            default -> List.of("PARTICIPANT", "CARE_PROVIDER", "INVESTIGATOR", "OUTCOMES_ASSESSOR");
          };
    } else if (backbone != null) {
      arms.add(
          new Arm(
              rng.chance(0.5) ? "Standard of care" : backbone.name(),
              "ACTIVE_COMPARATOR",
              "Participants receive " + backbone.name() + " per standard practice.",
              List.of(backbone)));
      masking = rng.chance(0.85) ? "NONE" : "SINGLE";
      who = masking.equals("NONE") ? List.of() : List.of("OUTCOMES_ASSESSOR");
    } else {
      arms.add(
          new Arm(
              rng.pick("Usual care", "Control", "Waitlist control"),
              "NO_INTERVENTION",
              "Participants continue their usual care.",
              List.of()));
      masking = rng.chance(0.7) ? "NONE" : "SINGLE";
      who = masking.equals("NONE") ? List.of() : List.of("OUTCOMES_ASSESSOR");
    }
    return new Design(
        List.copyOf(arms),
        List.copyOf(interventions),
        "PARALLEL",
        rng.chance(0.9) ? "RANDOMIZED" : "NON_RANDOMIZED",
        masking,
        who);
  }

  /** Groups/cohorts of an observational study, with an optional shared procedure. */
  static Design observational(ConditionProfile profile, Rng rng) {
    Intervention procedure =
        rng.chance(0.5)
            ? intervention(
                rng.pick(
                    new Agent("PROCEDURE", "Biospecimen collection", null, null),
                    new Agent("OTHER", "Questionnaire administration", null, null),
                    new Agent("DIAGNOSTIC_TEST", "Imaging assessment", null, null),
                    new Agent("OTHER", "Standard of care", null, null)),
                rng)
            : null;
    List<Intervention> uses = procedure == null ? List.of() : List.of(procedure);
    String condition = profile.labels().get(0); // cohort label keeps the registrant casing
    List<Arm> groups = new ArrayList<>();
    groups.add(
        new Arm(
            condition + " cohort",
            null,
            "Participants with "
                + profile.inProse()
                + " followed prospectively according to routine practice.",
            uses));
    if (rng.chance(0.35)) {
      groups.add(
          new Arm(
              "Control cohort",
              null,
              "Age- and sex-matched participants without " + profile.inProse() + ".",
              uses));
    }
    return new Design(List.copyOf(groups), uses, null, null, null, List.of());
  }

  private static Intervention intervention(Agent agent, Rng rng) {
    String schedule = rng.pick(SCHEDULES);
    String description =
        switch (agent.type()) {
          case "DRUG" ->
              agent.name().equals("Placebo")
                  ? "Matching placebo"
                  : "Administered " + rng.pick(ROUTES) + " " + schedule;
          case "BIOLOGICAL" -> "Administered by intravenous infusion " + schedule;
          case "DEVICE" -> "Use of the " + agent.name() + " per the instructions for use";
          case "RADIATION" -> "Radiotherapy delivered per protocol";
          case "BEHAVIORAL" -> "Structured program delivered in weekly sessions";
          case "PROCEDURE" -> "Performed per institutional standard";
          case "GENETIC" -> "Single administration";
          default -> "Per protocol";
        };
    return new Intervention(agent, description, schedule);
  }
}
