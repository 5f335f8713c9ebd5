package org.fhirtrials.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fhirtrials.ingest.RunTogetherRows.ArmRow;
import org.fhirtrials.ingest.RunTogetherRows.OutcomeRow;
import org.fhirtrials.model.Design;
import org.fhirtrials.model.Intervention;
import org.fhirtrials.model.Organization;
import org.fhirtrials.model.Outcome;
import org.fhirtrials.model.Phase;
import org.fhirtrials.model.RecruitmentStatus;
import org.fhirtrials.model.Site;
import org.fhirtrials.model.StudyStatus;
import org.fhirtrials.model.TrialBuilder;

/**
 * Site A ("MedPath"): a title, phase and status lines, then header lines ("Conditions", "Lead
 * Sponsor", "Inclusion Criteria"...) each followed by its content; tables rendered with no cell
 * separators (see {@link RunTogetherRows}); locations as facility / flag / "City, State, Country".
 */
final class MedPathLayout implements SeedLayout {
  private static final String BRAND = "MedPath";
  private static final String ARM_TABLE_HEADER = "GroupInterventionDescription";
  private static final String OUTCOME_TABLE_HEADER = "NameTimeMethod";
  private static final Pattern LOCATIONS = Pattern.compile("^Locations \\((\\d+)\\)$");
  private static final Pattern NCT = Pattern.compile("NCT\\d{8}");

  private static final String CONDITIONS = "Conditions";
  private static final String INTERVENTIONS = "Interventions";
  private static final String REGISTRATION = "Registration Number";
  private static final String LEAD_SPONSOR = "Lead Sponsor";
  private static final String BRIEF_SUMMARY = "Brief Summary";
  private static final String DETAILED_DESCRIPTION = "Detailed Description";
  private static final String RECRUITMENT = "Recruitment & Eligibility";
  private static final String STATUS = "Status";
  private static final String SEX = "Sex";
  private static final String TARGET = "Target Recruitment";
  private static final String INCLUSION = "Inclusion Criteria";
  private static final String EXCLUSION = "Exclusion Criteria";
  private static final String STUDY_DESIGN_SECTION = "Study & Design";
  private static final String STUDY_TYPE = "Study Type";
  private static final String STUDY_DESIGN = "Study Design";
  private static final String ARMS = "Arm && Interventions";
  private static final String PRIMARY = "Primary Outcome Measures";
  private static final String SECONDARY = "Secondary Outcome Measures";
  private static final String OTHER = "Other Outcome Measures";
  private static final String LOCATIONS_SECTION = "Trial Locations";

  private static final List<String> HEADERS =
      List.of(
          CONDITIONS,
          INTERVENTIONS,
          REGISTRATION,
          LEAD_SPONSOR,
          BRIEF_SUMMARY,
          DETAILED_DESCRIPTION,
          RECRUITMENT,
          STATUS,
          SEX,
          TARGET,
          INCLUSION,
          EXCLUSION,
          STUDY_DESIGN_SECTION,
          STUDY_TYPE,
          STUDY_DESIGN,
          ARMS,
          PRIMARY,
          SECONDARY,
          OTHER,
          LOCATIONS_SECTION);

  @Override
  public String name() {
    return "medpath";
  }

  @Override
  public boolean recognizes(PageLines page) {
    List<String> first = page.nonBlank(0, page.size());
    return !first.isEmpty() && first.get(0).equals(BRAND) && page.find(REGISTRATION) >= 0;
  }

  @Override
  public String nctId(PageLines page) {
    String value = first(page, REGISTRATION);
    if (value == null) {
      return null;
    }
    Matcher m = NCT.matcher(value);
    return m.find() ? m.group() : null;
  }

  @Override
  public void read(PageLines page, TrialBuilder trial) {
    List<String> head = page.nonBlank(page.find(BRAND) + 1, page.find(CONDITIONS));
    String title = head.isEmpty() ? null : RegistryText.clean(head.get(0));
    trial.briefTitle(title);
    List<Phase> phases = head.size() > 1 ? SeedValues.phases(head.get(1)) : List.of();
    RecruitmentStatus status = SeedValues.status(first(page, STATUS));
    if (status == null && head.size() > 2) {
      status = SeedValues.status(head.get(2));
    }
    trial.status(new StudyStatus(status, null, null, null, null, null, null, null, null, null));
    trial.conditions(cleanLines(section(page, CONDITIONS)));
    String sponsor = first(page, LEAD_SPONSOR);
    trial.leadSponsor(sponsor == null ? null : new Organization(RegistryText.clean(sponsor), null));
    trial.briefSummary(SeedValues.description(sectionText(page, BRIEF_SUMMARY)));
    trial.detailedDescription(SeedValues.description(sectionText(page, DETAILED_DESCRIPTION)));

    Integer target = SeedValues.integer(first(page, TARGET));
    String designFact = first(page, STUDY_DESIGN);
    trial.design(
        new Design(
            SeedValues.code(first(page, STUDY_TYPE), SeedValues.STUDY_TYPES),
            phases,
            null,
            SeedValues.code(designFact, SeedValues.INTERVENTION_MODELS),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            target,
            target == null ? null : SeedValues.enrollmentEstimated(true, status)));

    trial.eligibility(
        SeedEligibility.of(criteriaText(page), SeedValues.sex(first(page, SEX)), null, null, null));

    List<Intervention> listed = new ArrayList<>();
    for (String line : section(page, INTERVENTIONS)) {
      listed.add(SeedValues.intervention(RegistryText.unescape(line)));
    }
    ArmAssembly arms = arms(page, listed);
    trial.arms(arms.arms());
    trial.interventions(arms.link(listed));
    List<Outcome> outcomes = new ArrayList<>();
    outcomes(page, PRIMARY, Outcome.Kind.PRIMARY, outcomes);
    outcomes(page, SECONDARY, Outcome.Kind.SECONDARY, outcomes);
    outcomes(page, OTHER, Outcome.Kind.OTHER, outcomes);
    trial.outcomes(outcomes);
    trial.sites(sites(page));
  }

  /** The inclusion and exclusion criteria with their header lines, as on the page. */
  private static String criteriaText(PageLines page) {
    int start = page.find(INCLUSION);
    if (start < 0) {
      start = page.find(EXCLUSION);
    }
    if (start < 0) {
      return null;
    }
    int exclusion = page.find(EXCLUSION, start);
    int end =
        Math.min(
            page.sectionEnd(exclusion >= 0 ? exclusion : start, excluding(INCLUSION, EXCLUSION)),
            footer(page));
    return page.text(start, end);
  }

  private static List<String> excluding(String... headers) {
    List<String> out = new ArrayList<>(HEADERS);
    out.removeAll(List.of(headers));
    return out;
  }

  private static ArmAssembly arms(PageLines page, List<Intervention> listed) {
    ArmAssembly assembly = new ArmAssembly();
    List<String> rows = new ArrayList<>(section(page, ARMS));
    rows.remove(ARM_TABLE_HEADER);
    List<String> names = listed.stream().map(Intervention::name).toList();
    List<String> cleanRows = rows.stream().map(RegistryText::unescape).toList();
    for (ArmRow row : RunTogetherRows.armRows(cleanRows, names)) {
      assembly.add(row.label(), row.description(), row.intervention());
    }
    return assembly;
  }

  /** Outcome rows alternate with their description paragraphs. */
  private static void outcomes(
      PageLines page, String header, Outcome.Kind kind, List<Outcome> out) {
    int start = page.find(header);
    if (start < 0) {
      return;
    }
    List<String> paragraphs = new ArrayList<>(page.paragraphs(start + 1, end(page, start)));
    if (!paragraphs.isEmpty() && paragraphs.get(0).startsWith(OUTCOME_TABLE_HEADER)) {
      String first = paragraphs.remove(0).substring(OUTCOME_TABLE_HEADER.length()).strip();
      if (!first.isEmpty()) {
        paragraphs.add(0, first);
      }
    }
    for (int i = 0; i < paragraphs.size(); i += 2) {
      String row = RegistryText.unescape(paragraphs.get(i));
      String description =
          i + 1 < paragraphs.size() ? SeedValues.description(paragraphs.get(i + 1)) : null;
      OutcomeRow split = RunTogetherRows.outcome(row, description);
      out.add(new Outcome(kind, split.measure(), description, split.timeFrame()));
    }
  }

  /**
   * Facility, then a flag line, then "City, State, Country" (or the flag glued to the address). The
   * page footer ends the list; a site listed twice is kept once.
   */
  private static List<Site> sites(PageLines page) {
    int start = -1;
    for (int i = 0; i < page.size(); i++) {
      if (LOCATIONS.matcher(page.line(i).strip()).matches()) {
        start = i;
        break;
      }
    }
    Set<Site> sites = new LinkedHashSet<>();
    if (start < 0) {
      return List.of();
    }
    String facility = null;
    boolean addressNext = false;
    for (String line : page.nonBlank(start + 1, footer(page))) {
      String withoutFlag = stripFlags(line);
      boolean flagged = !withoutFlag.equals(line);
      String address = null;
      if (flagged && withoutFlag.isEmpty()) {
        addressNext = true;
      } else if (flagged || addressNext) {
        address = withoutFlag;
      } else {
        facility = line;
      }
      if (address != null && facility != null) {
        sites.add(SeedValues.site(RegistryText.clean(facility), address));
        facility = null;
        addressNext = false;
      }
    }
    return new ArrayList<>(sites);
  }

  /** Removes regional-indicator flag emoji. */
  private static String stripFlags(String line) {
    StringBuilder out = new StringBuilder();
    line.codePoints().filter(cp -> cp < 0x1F1E6 || cp > 0x1F1FF).forEach(out::appendCodePoint);
    return out.toString().strip();
  }

  /** A section ends at the next header line or at the page footer. */
  private static int end(PageLines page, int start) {
    return Math.min(page.sectionEnd(start, HEADERS), footer(page));
  }

  /** The first footer line ("MedPath" again, "© ..."), or the page end. */
  private static int footer(PageLines page) {
    int brand = page.find(BRAND);
    for (int i = brand + 1; i < page.size(); i++) {
      String line = page.line(i).strip();
      if (line.equals(BRAND) || line.startsWith("©")) {
        return i;
      }
    }
    return page.size();
  }

  /** The non-blank lines of a header's section. */
  private static List<String> section(PageLines page, String header) {
    int start = page.find(header);
    return start < 0 ? List.of() : page.nonBlank(start + 1, end(page, start));
  }

  private static String sectionText(PageLines page, String header) {
    int start = page.find(header);
    return start < 0 ? null : page.text(start + 1, end(page, start));
  }

  private static String first(PageLines page, String header) {
    List<String> lines = section(page, header);
    return lines.isEmpty() ? null : lines.get(0);
  }

  private static List<String> cleanLines(List<String> lines) {
    return lines.stream().map(RegistryText::clean).filter(s -> s != null).toList();
  }
}
