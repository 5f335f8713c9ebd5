package org.fhirtrials.synth;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fhirtrials.model.MeshTerm;

/**
 * Generates and writes one synthetic ClinicalTrials.gov API v2 study. All choices come from the
 * study's own {@link Rng}, drawn in a fixed order, so study {@code i} is identical in every data
 * set generated with the same seed.
 */
final class StudyWriter {
  /** NCT ids of generated studies are {@code NCT9} + 7 digits: no clash with real ids. */
  static final long MAX_STUDIES = 9_999_999L;

  private static final Weighted<String> STATUSES =
      Weighted.<String>builder() // roughly the registry's mix
          .add(54, "COMPLETED")
          .add(14, "UNKNOWN")
          .add(12, "RECRUITING")
          .add(5.5, "TERMINATED")
          .add(4.5, "NOT_YET_RECRUITING")
          .add(4.5, "ACTIVE_NOT_RECRUITING")
          .add(2.7, "WITHDRAWN")
          .add(1.5, "ENROLLING_BY_INVITATION")
          .add(0.5, "SUSPENDED")
          .build();
  private static final Weighted<List<String>> ONCOLOGY_PHASES = phases(8, 3, 22, 12, 30, 4, 16, 5);
  private static final Weighted<List<String>> OTHER_PHASES = phases(40, 2, 12, 4, 16, 3, 13, 10);
  private static final List<String> LAST_KNOWN =
      List.of(
          "RECRUITING",
          "RECRUITING",
          "NOT_YET_RECRUITING",
          "ACTIVE_NOT_RECRUITING",
          "ENROLLING_BY_INVITATION");
  private static final List<String> WHY_STOPPED =
      List.of(
          "Slow accrual",
          "Sponsor decision",
          "Business reasons",
          "Funding not obtained",
          "Study drug supply issues",
          "Futility at interim analysis",
          "PI left the institution",
          "Strategic portfolio decision; not related to safety");
  private static final List<String> INVESTIGATOR_TITLES =
      List.of(
          "Professor",
          "Principal Investigator",
          "Associate Professor",
          "Director of Clinical Research",
          "Attending Physician");
  private static final List<String> STUDY_POPULATIONS =
      List.of(
          "Adults with %s treated at participating centers",
          "Consecutive patients with %s seen in routine care",
          "Participants diagnosed with %s identified from the hospital registry");

  private final long seed;

  StudyWriter(long seed) {
    this.seed = seed;
  }

  /** The NCT id of study {@code index} (0-based). */
  static String nctId(long index) {
    if (index < 0 || index >= MAX_STUDIES) {
      throw new IllegalArgumentException("study index out of range: " + index);
    }
    String digits = Long.toString(index + 1);
    return "NCT9" + "0000000".substring(digits.length()) + digits;
  }

  /** Writes study {@code index} as one JSON object. */
  void write(JsonGenerator g, long index) throws IOException {
    Rng rng = Rng.forStudy(seed, index);
    Study s = plan(index, rng);
    g.writeStartObject();
    g.writeObjectFieldStart("protocolSection");
    identification(g, s, rng);
    status(g, s, rng);
    sponsors(g, s);
    oversight(g, s, rng);
    description(g, s, rng);
    conditions(g, s, rng);
    design(g, s);
    arms(g, s);
    outcomes(g, s, rng);
    eligibility(g, s, rng);
    contacts(g, s, rng);
    g.writeObjectFieldStart("ipdSharingStatementModule");
    g.writeStringField("ipdSharing", rng.pick("NO", "NO", "UNDECIDED", "YES"));
    g.writeEndObject();
    g.writeEndObject(); // protocolSection
    derived(g, s);
    g.writeBooleanField("hasResults", false);
    g.writeEndObject();
  }

  /** The responsible investigator, when the responsible party is not the sponsor. */
  private record Investigator(String name, String title) {}

  /** The decisions the sections must agree on. */
  private record Study(
      String nctId,
      ConditionProfile profile,
      boolean observational,
      String status,
      String homeCountry,
      Sponsor sponsor,
      List<Sponsor> collaborators,
      List<String> phases,
      Agent agent,
      boolean healthy,
      String sex,
      AgeRange ages,
      Arms.Design design,
      String purpose,
      int enrollment,
      Timeline timeline,
      Phrasing phrasing,
      Investigator investigator,
      boolean patientRegistry) {

    boolean firstInHuman() {
      return phases.equals(List.of("PHASE1")) || phases.contains("EARLY_PHASE1");
    }

    Area area() {
      return profile.area();
    }
  }

  private Study plan(long index, Rng rng) {
    ConditionProfile profile = ConditionCatalog.draw(rng);
    boolean observational = rng.chance(0.22);
    String status = STATUSES.draw(rng);
    String home = Cities.country(rng);
    Sponsor sponsor = Sponsors.lead(profile.area(), home, rng);
    List<Sponsor> collaborators = new ArrayList<>();
    if (rng.chance(0.3)) {
      for (int i = rng.between(1, 3); i > 0; i--) {
        Sponsor c = Sponsors.collaborator(profile.area(), home, rng);
        if (!c.name().equals(sponsor.name())
            && collaborators.stream().noneMatch(x -> x.name().equals(c.name()))) {
          collaborators.add(c);
        }
      }
    }
    List<String> phases =
        observational
            ? List.of()
            : (profile.area() == Area.ONCOLOGY ? ONCOLOGY_PHASES : OTHER_PHASES).draw(rng);
    Agent agent = agent(profile, sponsor, collaborators, rng);
    boolean healthy =
        observational
            ? rng.chance(0.05)
            : profile.area() != Area.ONCOLOGY
                && (phases.equals(List.of("PHASE1")) ? rng.chance(0.45) : rng.chance(0.02));
    String sex = healthy ? "ALL" : sex(profile, rng);
    AgeRange ages = AgeRange.draw(profile.ages(), healthy, rng);
    Arms.Design design =
        observational
            ? Arms.observational(profile, rng)
            : Arms.interventional(profile, agent, phases, healthy, rng);
    String purpose = observational ? null : purpose(profile, healthy, rng);
    int enrollment = enrollment(status, phases, observational, rng);
    Timeline timeline = Timeline.draw(status, rng);
    Phrasing phrasing = Phrasing.draw(rng);
    Investigator investigator = null;
    if (sponsor.agencyClass().equals("INDIV")) {
      // An individual sponsor is the responsible investigator.
      investigator = new Investigator(sponsor.name(), rng.pick(INVESTIGATOR_TITLES));
    } else if (sponsor.agencyClass().equals("OTHER") && rng.chance(0.4)) {
      investigator = new Investigator(People.name(home, rng, false), rng.pick(INVESTIGATOR_TITLES));
    }
    return new Study(
        nctId(index),
        profile,
        observational,
        status,
        home,
        sponsor,
        List.copyOf(collaborators),
        phases,
        agent,
        healthy,
        sex,
        ages,
        design,
        purpose,
        enrollment,
        timeline,
        phrasing,
        investigator,
        observational && rng.chance(0.25));
  }

  private static Weighted<List<String>> phases(double... w) {
    return Weighted.<List<String>>builder()
        .add(w[0], List.of("NA"))
        .add(w[1], List.of("EARLY_PHASE1"))
        .add(w[2], List.of("PHASE1"))
        .add(w[3], List.of("PHASE1", "PHASE2"))
        .add(w[4], List.of("PHASE2"))
        .add(w[5], List.of("PHASE2", "PHASE3"))
        .add(w[6], List.of("PHASE3"))
        .add(w[7], List.of("PHASE4"))
        .build();
  }

  /** The tested agent: a named one from the condition, or a code-named compound of a company. */
  private static Agent agent(
      ConditionProfile profile, Sponsor sponsor, List<Sponsor> collaborators, Rng rng) {
    if (!profile.agents().isEmpty() && rng.chance(0.6)) {
      return rng.pick(profile.agents());
    }
    Sponsor company = sponsor;
    if (!company.isIndustry()) {
      company = collaborators.stream().filter(Sponsor::isIndustry).findFirst().orElse(null);
      if (company == null) {
        company = Sponsors.industry(rng);
        collaborators.add(company); // the company supplying the compound collaborates
      }
    }
    String type = rng.chance(0.3) ? "BIOLOGICAL" : "DRUG";
    return new Agent(type, company.code() + "-" + rng.between(100, 9999), null, null);
  }

  private static String sex(ConditionProfile profile, Rng rng) {
    if (!profile.sex().equals("ALL")) {
      return profile.sex();
    }
    double r = rng.nextDouble();
    return r < 0.03 ? "FEMALE" : r < 0.05 ? "MALE" : "ALL";
  }

  private static String purpose(ConditionProfile profile, boolean healthy, Rng rng) {
    if (healthy) {
      return rng.pick("BASIC_SCIENCE", "OTHER", "PREVENTION", "TREATMENT");
    }
    double r = rng.nextDouble();
    if (profile.area() == Area.ONCOLOGY) {
      return r < 0.85
          ? "TREATMENT"
          : r < 0.92 ? "SUPPORTIVE_CARE" : r < 0.96 ? "DIAGNOSTIC" : "OTHER";
    }
    return r < 0.65
        ? "TREATMENT"
        : r < 0.75
            ? "PREVENTION"
            : r < 0.8
                ? "SUPPORTIVE_CARE"
                : r < 0.85
                    ? "HEALTH_SERVICES_RESEARCH"
                    : r < 0.9 ? "BASIC_SCIENCE" : r < 0.94 ? "DIAGNOSTIC" : "OTHER";
  }

  private static int enrollment(
      String status, List<String> phases, boolean observational, Rng rng) {
    if (status.equals("WITHDRAWN")) {
      return 0;
    }
    int n;
    if (observational) {
      n = rng.logBetween(20, 20000);
    } else if (phases.contains("PHASE3")) {
      n = rng.logBetween(150, 5000);
    } else if (phases.contains("PHASE2")) {
      n = rng.logBetween(20, 400);
    } else if (phases.contains("PHASE1") || phases.contains("EARLY_PHASE1")) {
      n = rng.logBetween(6, 120);
    } else if (phases.contains("PHASE4")) {
      n = rng.logBetween(30, 2000);
    } else {
      n = rng.logBetween(10, 600);
    }
    return status.equals("TERMINATED") ? Math.max(1, n / rng.between(2, 10)) : n;
  }

  // ---------------------------------------------------------------- sections

  private static void identification(JsonGenerator g, Study s, Rng rng) throws IOException {
    g.writeObjectFieldStart("identificationModule");
    g.writeStringField("nctId", s.nctId());
    g.writeObjectFieldStart("orgStudyIdInfo");
    g.writeStringField(
        "id",
        s.sponsor().code()
            + "-"
            + s.timeline().firstSubmit().getYear()
            + "-"
            + rng.between(100, 999));
    g.writeEndObject();
    g.writeObjectFieldStart("organization");
    g.writeStringField("fullName", s.sponsor().name());
    g.writeStringField("class", s.sponsor().agencyClass());
    g.writeEndObject();
    String condition = s.profile().labels().get(0);
    g.writeStringField("briefTitle", briefTitle(s, condition, rng));
    g.writeStringField("officialTitle", officialTitle(s, condition, rng));
    if (rng.chance(0.2)) {
      g.writeStringField("acronym", acronym(s, rng));
    }
    g.writeEndObject();
  }

  private static String briefTitle(Study s, String condition, Rng rng) {
    String drug = capitalised(s.agent().name());
    if (s.observational()) {
      return rng.pick(
          "Registry of Patients With " + condition,
          "Real-World Outcomes in " + condition,
          "Natural History Study of " + condition,
          "Biomarkers in " + condition + " (Observational)");
    }
    if (s.healthy()) {
      return "A Study of " + drug + " in Healthy Participants";
    }
    return rng.pick(
        "A Study of " + drug + " in Participants With " + condition,
        "Efficacy and Safety of " + drug + " in Adults With " + condition,
        drug + " for " + condition,
        "Study of " + drug + " Versus Standard Therapy in " + condition);
  }

  private static String officialTitle(Study s, String condition, Rng rng) {
    if (s.observational()) {
      return "A "
          + rng.pick("Prospective", "Multicenter, Prospective")
          + " Observational Study of Patients With "
          + condition;
    }
    String phase = phaseText(s.phases());
    Arms.Design d = s.design();
    boolean placebo = d.arms().stream().anyMatch(a -> "PLACEBO_COMPARATOR".equals(a.type()));
    String allocation =
        switch (d.allocation()) {
          case "RANDOMIZED" -> "Randomized, ";
          case "NON_RANDOMIZED" -> "Non-Randomized, ";
          default -> "";
        };
    String design =
        placebo
            ? allocation + "Double-Blind, Placebo-Controlled"
            : d.arms().size() > 1 ? allocation + "Open-Label" : "Open-Label, Single-Arm";
    String population = s.healthy() ? "Healthy Participants" : "Participants With " + condition;
    String aim =
        s.firstInHuman() || s.healthy()
            ? "Safety, Tolerability and Pharmacokinetics"
            : rng.pick("Efficacy and Safety", "Safety and Efficacy");
    return (phase.isEmpty() ? "A " : "A " + phase + ", ")
        + rng.pick("", "Multicenter, ")
        + design
        + " Study to Evaluate the "
        + aim
        + " of "
        + capitalised(s.agent().name())
        + " in "
        + population;
  }

  /** Titles start agent names with a capital, as registrants write them. */
  private static String capitalised(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static String phaseText(List<String> phases) {
    List<String> parts = new ArrayList<>();
    for (String p : phases) {
      switch (p) {
        case "EARLY_PHASE1" -> parts.add("Phase 0");
        case "PHASE1" -> parts.add("Phase 1");
        case "PHASE2" -> parts.add(parts.isEmpty() ? "Phase 2" : "2");
        case "PHASE3" -> parts.add(parts.isEmpty() ? "Phase 3" : "3");
        case "PHASE4" -> parts.add("Phase 4");
        default -> {}
      }
    }
    return String.join("/", parts);
  }

  private static String acronym(Study s, Rng rng) {
    String letters = People.slug(s.profile().key(), "").toUpperCase(Locale.ROOT);
    return letters.substring(0, Math.min(4, letters.length())) + "-" + rng.between(1, 99);
  }

  private static void status(JsonGenerator g, Study s, Rng rng) throws IOException {
    Timeline t = s.timeline();
    g.writeObjectFieldStart("statusModule");
    g.writeStringField("statusVerifiedDate", t.statusVerified().toString());
    g.writeStringField("overallStatus", s.status());
    if (s.status().equals("UNKNOWN")) {
      g.writeStringField("lastKnownStatus", rng.pick(LAST_KNOWN));
    }
    if (List.of("TERMINATED", "WITHDRAWN", "SUSPENDED").contains(s.status())) {
      g.writeStringField("whyStopped", rng.pick(WHY_STOPPED));
    }
    if (!s.observational()) {
      g.writeObjectFieldStart("expandedAccessInfo");
      g.writeBooleanField("hasExpandedAccess", false);
      g.writeEndObject();
    }
    dateStruct(g, "startDateStruct", t.start());
    dateStruct(g, "primaryCompletionDateStruct", t.primaryCompletion());
    dateStruct(g, "completionDateStruct", t.completion());
    g.writeStringField("studyFirstSubmitDate", t.firstSubmit().toString());
    g.writeStringField("studyFirstSubmitQcDate", t.firstSubmitQc().toString());
    dateStruct(g, "studyFirstPostDateStruct", new Timeline.Dated(t.firstPost(), false, true));
    g.writeStringField("lastUpdateSubmitDate", t.lastUpdateSubmit().toString());
    dateStruct(g, "lastUpdatePostDateStruct", new Timeline.Dated(t.lastUpdatePost(), false, true));
    g.writeEndObject();
  }

  private static void dateStruct(JsonGenerator g, String field, Timeline.Dated d)
      throws IOException {
    g.writeObjectFieldStart(field);
    g.writeStringField("date", d.text());
    g.writeStringField("type", d.type());
    g.writeEndObject();
  }

  private static void sponsors(JsonGenerator g, Study s) throws IOException {
    Sponsor lead = s.sponsor();
    g.writeObjectFieldStart("sponsorCollaboratorsModule");
    g.writeObjectFieldStart("responsibleParty");
    Investigator investigator = s.investigator();
    if (investigator != null) {
      g.writeStringField("type", "PRINCIPAL_INVESTIGATOR");
      g.writeStringField("investigatorFullName", investigator.name());
      g.writeStringField("investigatorTitle", investigator.title());
      g.writeStringField("investigatorAffiliation", lead.name());
    } else {
      g.writeStringField("type", "SPONSOR");
    }
    g.writeEndObject();
    g.writeObjectFieldStart("leadSponsor");
    g.writeStringField("name", lead.name());
    g.writeStringField("class", lead.agencyClass());
    g.writeEndObject();
    if (!s.collaborators().isEmpty()) {
      g.writeArrayFieldStart("collaborators");
      for (Sponsor c : s.collaborators()) {
        g.writeStartObject();
        g.writeStringField("name", c.name());
        g.writeStringField("class", c.agencyClass());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void oversight(JsonGenerator g, Study s, Rng rng) throws IOException {
    g.writeObjectFieldStart("oversightModule");
    if (!s.observational()) {
      g.writeBooleanField("oversightHasDmc", rng.chance(0.45));
    }
    boolean us = s.homeCountry().equals("United States");
    String type = s.agent().type();
    g.writeBooleanField(
        "isFdaRegulatedDrug",
        us && !s.observational() && (type.equals("DRUG") || type.equals("BIOLOGICAL")));
    g.writeBooleanField("isFdaRegulatedDevice", us && !s.observational() && type.equals("DEVICE"));
    g.writeEndObject();
  }

  private static void description(JsonGenerator g, Study s, Rng rng) throws IOException {
    String condition = s.profile().inProse();
    g.writeObjectFieldStart("descriptionModule");
    String summary =
        s.observational()
            ? "The purpose of this observational study is to describe outcomes and treatment"
                + " patterns in people with "
                + condition
                + " in routine clinical practice."
            : "The purpose of this study is to evaluate the "
                + (s.firstInHuman()
                    ? "safety, tolerability and pharmacokinetics"
                    : "efficacy and" + " safety")
                + " of "
                + s.agent().name()
                + " in "
                + (s.healthy() ? "healthy participants" : "participants with " + condition)
                + ".";
    g.writeStringField("briefSummary", summary);
    if (rng.chance(0.3)) {
      g.writeStringField(
          "detailedDescription",
          "PRIMARY OBJECTIVE:\n\nI. "
              + (s.observational() ? "To describe" : "To evaluate")
              + " the primary outcome measure in the study population.\n\nOUTLINE: "
              + (s.design().arms().size() > 1
                  ? "Participants are assigned to 1 of " + s.design().arms().size() + " groups."
                  : "This is a single-group study.")
              + "\n\nAfter completion of study treatment, participants are followed up"
              + " periodically.");
    }
    g.writeEndObject();
  }

  private static void conditions(JsonGenerator g, Study s, Rng rng) throws IOException {
    g.writeObjectFieldStart("conditionsModule");
    writeStrings(g, "conditions", rng.sample(s.profile().labels(), rng.between(1, 3)));
    List<String> keywords = rng.sample(s.profile().keywords(), rng.between(0, 5));
    if (!keywords.isEmpty()) {
      writeStrings(g, "keywords", keywords);
    }
    g.writeEndObject();
  }

  private static void design(JsonGenerator g, Study s) throws IOException {
    Arms.Design d = s.design();
    g.writeObjectFieldStart("designModule");
    g.writeStringField("studyType", s.observational() ? "OBSERVATIONAL" : "INTERVENTIONAL");
    if (s.observational()) {
      g.writeBooleanField("patientRegistry", s.patientRegistry());
    } else {
      writeStrings(g, "phases", s.phases());
    }
    g.writeObjectFieldStart("designInfo");
    if (s.observational()) {
      g.writeStringField("observationalModel", d.arms().size() > 1 ? "CASE_CONTROL" : "COHORT");
      g.writeStringField("timePerspective", "PROSPECTIVE");
    } else {
      g.writeStringField("allocation", d.allocation());
      g.writeStringField("interventionModel", d.model());
      g.writeStringField("primaryPurpose", s.purpose());
      g.writeObjectFieldStart("maskingInfo");
      g.writeStringField("masking", d.masking());
      if (!d.whoMasked().isEmpty()) {
        writeStrings(g, "whoMasked", d.whoMasked());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeObjectFieldStart("enrollmentInfo");
    g.writeNumberField("count", s.enrollment());
    boolean actual = List.of("COMPLETED", "TERMINATED", "WITHDRAWN").contains(s.status());
    g.writeStringField("type", actual ? "ACTUAL" : "ESTIMATED");
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void arms(JsonGenerator g, Study s) throws IOException {
    Arms.Design d = s.design();
    g.writeObjectFieldStart("armsInterventionsModule");
    g.writeArrayFieldStart("armGroups");
    for (Arms.Arm arm : d.arms()) {
      g.writeStartObject();
      g.writeStringField("label", arm.label());
      if (arm.type() != null) {
        g.writeStringField("type", arm.type());
      }
      g.writeStringField("description", arm.description());
      if (!arm.interventions().isEmpty()) {
        writeStrings(
            g,
            "interventionNames",
            arm.interventions().stream().map(Arms.Intervention::link).toList());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    if (!d.interventions().isEmpty()) {
      g.writeArrayFieldStart("interventions");
      for (Arms.Intervention i : d.interventions()) {
        g.writeStartObject();
        g.writeStringField("type", i.agent().type());
        g.writeStringField("name", i.name());
        g.writeStringField("description", i.description());
        writeStrings(g, "armGroupLabels", d.armLabels(i));
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void outcomes(JsonGenerator g, Study s, Rng rng) throws IOException {
    List<Outcomes.Outcome> primary =
        Outcomes.primary(s.area(), s.firstInHuman(), s.observational(), rng);
    List<Outcomes.Outcome> secondary =
        Outcomes.secondary(s.area(), s.firstInHuman(), s.observational(), primary, rng);
    g.writeObjectFieldStart("outcomesModule");
    outcomeList(g, "primaryOutcomes", primary);
    if (!secondary.isEmpty()) {
      outcomeList(g, "secondaryOutcomes", secondary);
    }
    g.writeEndObject();
  }

  private static void outcomeList(JsonGenerator g, String field, List<Outcomes.Outcome> list)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (Outcomes.Outcome o : list) {
      g.writeStartObject();
      g.writeStringField("measure", o.measure());
      g.writeStringField("description", o.description());
      g.writeStringField("timeFrame", o.timeFrame());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void eligibility(JsonGenerator g, Study s, Rng rng) throws IOException {
    String criteria =
        CriteriaComposer.compose(
            new CriteriaComposer.Inputs(
                s.profile(),
                s.ages(),
                s.sex(),
                s.healthy(),
                s.observational(),
                s.agent().name(),
                s.phrasing()),
            rng);
    g.writeObjectFieldStart("eligibilityModule");
    g.writeStringField("eligibilityCriteria", criteria);
    g.writeBooleanField("healthyVolunteers", s.healthy());
    g.writeStringField("sex", s.sex());
    g.writeStringField("minimumAge", s.ages().minimumAge());
    if (s.ages().maximumAge() != null) {
      g.writeStringField("maximumAge", s.ages().maximumAge());
    }
    writeStrings(g, "stdAges", s.ages().stdAges());
    if (s.observational()) {
      g.writeStringField(
          "studyPopulation", rng.pick(STUDY_POPULATIONS).replace("%s", s.profile().inProse()));
      g.writeStringField(
          "samplingMethod", rng.chance(0.8) ? "NON_PROBABILITY_SAMPLE" : "PROBABILITY_SAMPLE");
    }
    g.writeEndObject();
  }

  private static void contacts(JsonGenerator g, Study s, Rng rng) throws IOException {
    g.writeObjectFieldStart("contactsLocationsModule");
    boolean recruiting =
        List.of("RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION").contains(s.status());
    if (recruiting && rng.chance(0.85)) {
      g.writeArrayFieldStart("centralContacts");
      for (int i = rng.between(1, 2); i > 0; i--) {
        String name = People.name(s.homeCountry(), rng, rng.chance(0.4));
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("role", "CONTACT");
        g.writeStringField("phone", People.phone(s.homeCountry(), rng));
        g.writeStringField("email", People.email(name, s.sponsor().name()));
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (rng.chance(0.75)) {
      g.writeArrayFieldStart("overallOfficials");
      g.writeStartObject();
      g.writeStringField("name", People.name(s.homeCountry(), rng, true));
      g.writeStringField("affiliation", s.sponsor().name());
      g.writeStringField(
          "role",
          s.sponsor().isIndustry()
              ? "STUDY_DIRECTOR"
              : rng.pick("PRINCIPAL_INVESTIGATOR", "PRINCIPAL_INVESTIGATOR", "STUDY_CHAIR"));
      g.writeEndObject();
      g.writeEndArray();
    }
    int sites = Sites.count(s.status(), s.phases(), s.observational(), rng);
    Sites.write(g, sites, s.status(), s.homeCountry(), s.sponsor(), s.area(), rng);
    g.writeEndObject();
  }

  private static void derived(JsonGenerator g, Study s) throws IOException {
    g.writeObjectFieldStart("derivedSection");
    g.writeObjectFieldStart("miscInfoModule");
    g.writeStringField("versionHolder", Timeline.SNAPSHOT.toString());
    g.writeEndObject();
    ConditionProfile p = s.profile();
    if (!p.meshes().isEmpty()) {
      g.writeObjectFieldStart("conditionBrowseModule");
      meshList(g, "meshes", p.meshes());
      if (!p.ancestors().isEmpty()) {
        meshList(g, "ancestors", p.ancestors());
      }
      g.writeEndObject();
    }
    List<MeshTerm> drugs = new ArrayList<>();
    for (Arms.Intervention i : s.design().interventions()) {
      if (i.agent().meshId() != null) {
        drugs.add(new MeshTerm(i.agent().meshId(), i.agent().meshTerm()));
      }
    }
    if (!drugs.isEmpty()) {
      g.writeObjectFieldStart("interventionBrowseModule");
      meshList(g, "meshes", drugs);
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void meshList(JsonGenerator g, String field, List<MeshTerm> terms)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (MeshTerm m : terms) {
      g.writeStartObject();
      g.writeStringField("id", m.id());
      g.writeStringField("term", m.term());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeStrings(JsonGenerator g, String field, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
