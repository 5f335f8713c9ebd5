package org.fhirtrials.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fhirtrials.model.Age;
import org.fhirtrials.model.Contact;
import org.fhirtrials.model.Design;
import org.fhirtrials.model.Eligibility.Sex;
import org.fhirtrials.model.Intervention;
import org.fhirtrials.model.Official;
import org.fhirtrials.model.Organization;
import org.fhirtrials.model.PartialDate;
import org.fhirtrials.model.Phase;
import org.fhirtrials.model.RecruitmentStatus;
import org.fhirtrials.model.SecondaryId;
import org.fhirtrials.model.Site;
import org.fhirtrials.model.StudyStatus;
import org.fhirtrials.model.TrialBuilder;

/**
 * Site C: the title, "NCT ID: ...", then sections whose header line is followed by one line of site
 * blurb; values are unlabelled registry codes ("RECRUITING", "PHASE2", "RANDOMIZED") and
 * ClinicalTrials.gov markdown escapes leak through ({@code \[90Y\]}).
 *
 * <p>Unlabelled values are told apart by their vocabulary. The two ISO dates under "Basic
 * Information" are read as start and completion date; a date after the page's "Last Updated" date
 * cannot be actual and is marked estimated. The age lines after the criteria are read as minimum
 * then maximum only when there are two of them.
 */
final class SectionedLayout implements SeedLayout {
  private static final Pattern NCT_LINE = Pattern.compile("^NCT ID:\\s*(NCT\\d{8})$");
  private static final Pattern LAST_UPDATED = Pattern.compile("^Last Updated:\\s*(\\S+)$");
  private static final Pattern PARTICIPANTS = Pattern.compile("^(\\d[\\d,]*) participants?$");
  private static final Pattern ISO = Pattern.compile("^\\d{4}-\\d{2}(-\\d{2})?$");
  private static final Pattern AGE = Pattern.compile("^\\d+ (Years?|Months?|Weeks?|Days?)$");
  private static final Pattern ROLE = Pattern.compile("^Role:\\s*(\\S+)$");
  private static final Pattern EMAIL = Pattern.compile("^\\S+@\\S+\\.\\S+$");
  private static final Pattern PHONE =
      Pattern.compile("^\\+?[\\d ()\\-]{6,}(?:\\s*(?:ext\\.?|x)\\s*\\d+)?$");
  private static final Pattern IDENTIFIER_SOURCE =
      Pattern.compile("^Identifier Source:\\s*(\\S+)$");
  private static final Pattern IDENTIFIER_TYPE = Pattern.compile("^Identifier Type:\\s*(.*)$");
  private static final Set<String> AGENCY_CLASSES =
      Set.of(
          "INDUSTRY", "NIH", "FED", "OTHER_GOV", "INDIV", "NETWORK", "AMBIG", "OTHER", "UNKNOWN");

  private static final String BASIC = "Basic Information";
  private static final String BRIEF_SUMMARY = "Brief Summary";
  private static final String DETAILED_DESCRIPTION = "Detailed Description";
  private static final String CONDITIONS = "Conditions";
  private static final String STUDY_DESIGN = "Study Design";
  private static final String STUDY_GROUPS = "Study Groups";
  private static final String INTERVENTIONS = "Interventions";
  private static final String ELIGIBILITY = "Eligibility Criteria";
  private static final String SPONSORS = "Sponsors";
  private static final String INVESTIGATORS = "Principal Investigators";
  private static final String LOCATIONS = "Locations";
  private static final String CENTRAL_CONTACTS = "Central Contacts";
  private static final String OTHER_IDENTIFIERS = "Other Identifiers";

  private static final List<String> HEADERS =
      List.of(
          "Study Results",
          BASIC,
          BRIEF_SUMMARY,
          "Related Clinical Trials",
          DETAILED_DESCRIPTION,
          CONDITIONS,
          STUDY_DESIGN,
          STUDY_GROUPS,
          INTERVENTIONS,
          "Other Intervention Names",
          ELIGIBILITY,
          SPONSORS,
          "Responsible Party",
          INVESTIGATORS,
          LOCATIONS,
          "Countries",
          CENTRAL_CONTACTS,
          "Facility Contacts",
          OTHER_IDENTIFIERS,
          "More Related Trials");

  @Override
  public String name() {
    return "sectioned";
  }

  @Override
  public boolean recognizes(PageLines page) {
    return page.findStarting("NCT ID:", 0) >= 0 && page.find(BASIC) >= 0;
  }

  @Override
  public String nctId(PageLines page) {
    int i = page.findStarting("NCT ID:", 0);
    Matcher m = i < 0 ? null : NCT_LINE.matcher(page.line(i).strip());
    return m != null && m.matches() ? m.group(1) : null;
  }

  @Override
  public void read(PageLines page, TrialBuilder trial) {
    List<String> head = page.nonBlank(0, page.findStarting("NCT ID:", 0));
    trial.briefTitle(head.isEmpty() ? null : RegistryText.clean(head.get(0)));
    basicInformation(page, trial);
    trial.briefSummary(SeedValues.description(sectionText(page, BRIEF_SUMMARY)));
    trial.detailedDescription(SeedValues.description(sectionText(page, DETAILED_DESCRIPTION)));
    trial.conditions(section(page, CONDITIONS).stream().map(RegistryText::clean).toList());
    List<Intervention> listed = interventions(page);
    ArmAssembly arms = studyGroups(page, listed);
    trial.arms(arms.arms());
    trial.interventions(arms.link(listed));
    eligibility(page, trial);
    sponsors(page, trial);
    trial.overallOfficials(investigators(page));
    trial.sites(sites(page));
    trial.centralContacts(contacts(section(page, CENTRAL_CONTACTS)));
    identifiers(page, trial);
  }

  private void basicInformation(PageLines page, TrialBuilder trial) {
    RecruitmentStatus status = null;
    List<Phase> phases = new ArrayList<>();
    Integer enrollment = null;
    String studyType = null;
    List<String> dates = new ArrayList<>();
    for (String line : section(page, BASIC)) {
      Matcher participants = PARTICIPANTS.matcher(line);
      if (ISO.matcher(line).matches()) {
        dates.add(line);
      } else if (participants.matches()) {
        enrollment = SeedValues.integer(participants.group(1));
      } else if (SeedValues.code(line, SeedValues.STUDY_TYPES) != null) {
        studyType = SeedValues.code(line, SeedValues.STUDY_TYPES);
      } else if (!SeedValues.phases(line).isEmpty()) {
        phases = SeedValues.phases(line);
      } else if (status == null) {
        status = SeedValues.status(line);
      }
    }
    String lastUpdated = lastUpdated(page);
    PartialDate start = dates.size() > 0 ? date(dates.get(0), lastUpdated) : null;
    PartialDate completion = dates.size() > 1 ? date(dates.get(1), lastUpdated) : null;
    trial.status(
        new StudyStatus(
            status,
            null,
            null,
            start,
            null,
            completion,
            null,
            null,
            null,
            lastUpdated == null ? null : SeedValues.date(lastUpdated, false)));
    String allocation = null;
    String model = null;
    String purpose = null;
    String masking = null;
    for (String line : section(page, STUDY_DESIGN)) {
      if (allocation == null && SeedValues.code(line, SeedValues.ALLOCATIONS) != null) {
        allocation = SeedValues.code(line, SeedValues.ALLOCATIONS);
      } else if (model == null && SeedValues.code(line, SeedValues.INTERVENTION_MODELS) != null) {
        model = SeedValues.code(line, SeedValues.INTERVENTION_MODELS);
      } else if (purpose == null && SeedValues.code(line, SeedValues.PRIMARY_PURPOSES) != null) {
        purpose = SeedValues.code(line, SeedValues.PRIMARY_PURPOSES);
      } else if (masking == null && SeedValues.code(line, SeedValues.MASKINGS) != null) {
        masking = SeedValues.code(line, SeedValues.MASKINGS);
      }
    }
    trial.design(
        new Design(
            studyType,
            phases,
            allocation,
            model,
            null,
            purpose,
            null,
            null,
            masking,
            null,
            null,
            enrollment,
            null));
  }

  private static String lastUpdated(PageLines page) {
    int i = page.findStarting("Last Updated:", 0);
    Matcher m = i < 0 ? null : LAST_UPDATED.matcher(page.line(i).strip());
    return m != null && m.matches() && ISO.matcher(m.group(1)).matches() ? m.group(1) : null;
  }

  /** ISO dates compare as strings; a date after the last update is necessarily an estimate. */
  private static PartialDate date(String iso, String lastUpdated) {
    return SeedValues.date(iso, lastUpdated != null && iso.compareTo(lastUpdated) > 0);
  }

  /** Name line, description line, repeated. */
  private static List<Intervention> interventions(PageLines page) {
    List<String> lines = section(page, INTERVENTIONS);
    List<Intervention> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i += 2) {
      String description = i + 1 < lines.size() ? lines.get(i + 1) : null;
      out.add(
          new Intervention(
              null,
              RegistryText.clean(lines.get(i)),
              SeedValues.description(description),
              null,
              null));
    }
    return out;
  }

  /**
   * "Group A", its description, then (intervention name, intervention description) pairs while the
   * line is a listed intervention name; the next other line is the next group's label.
   */
  private static ArmAssembly studyGroups(PageLines page, List<Intervention> listed) {
    List<String> names = listed.stream().map(Intervention::name).toList();
    List<String> lines = section(page, STUDY_GROUPS);
    ArmAssembly arms = new ArmAssembly();
    int i = 0;
    while (i < lines.size()) {
      String label = RegistryText.clean(lines.get(i));
      String description = i + 1 < lines.size() ? lines.get(i + 1) : null;
      arms.add(label, description, null);
      i += 2;
      while (i < lines.size() && names.contains(RegistryText.clean(lines.get(i)))) {
        arms.add(label, null, RegistryText.clean(lines.get(i)));
        i += 2;
      }
    }
    return arms;
  }

  /** The criteria, then trailing value lines: ages, sex, healthy volunteers. */
  private static void eligibility(PageLines page, TrialBuilder trial) {
    int start = page.find(ELIGIBILITY);
    if (start < 0) {
      return;
    }
    int end = page.sectionEnd(start, HEADERS);
    int valuesStart = end;
    List<Age> ages = new ArrayList<>();
    Sex sex = null;
    Boolean healthy = null;
    while (valuesStart - 1 > start + 1) {
      String line = page.line(valuesStart - 1).strip();
      if (line.isEmpty()) {
        valuesStart--;
      } else if (AGE.matcher(line).matches()) {
        ages.add(0, Age.parse(line).orElse(null));
        valuesStart--;
      } else if (sex == null && SeedValues.sex(line) != null) {
        sex = SeedValues.sex(line);
        valuesStart--;
      } else if (healthy == null && SeedValues.yesNo(line) != null) {
        healthy = SeedValues.yesNo(line);
        valuesStart--;
      } else {
        break;
      }
    }
    Age min = ages.size() == 2 ? ages.get(0) : null;
    Age max = ages.size() == 2 ? ages.get(1) : null;
    trial.eligibility(
        SeedEligibility.of(page.text(start + 2, valuesStart), sex, min, max, healthy));
  }

  /** Name line then an optional agency class line; the first is the lead sponsor. */
  private static void sponsors(PageLines page, TrialBuilder trial) {
    List<String> lines = section(page, SPONSORS);
    boolean lead = true;
    for (int i = 0; i < lines.size(); i++) {
      String agencyClass = null;
      if (i + 1 < lines.size() && AGENCY_CLASSES.contains(lines.get(i + 1))) {
        agencyClass = lines.get(i + 1);
      }
      Organization org = new Organization(RegistryText.clean(lines.get(i)), agencyClass);
      if (lead) {
        trial.leadSponsor(org);
        lead = false;
      } else {
        trial.addCollaborator(org);
      }
      if (agencyClass != null) {
        i++;
      }
    }
  }

  /** Name, "Role: CODE", affiliation. */
  private static List<Official> investigators(PageLines page) {
    List<String> lines = section(page, INVESTIGATORS);
    List<Official> out = new ArrayList<>();
    int i = 0;
    while (i + 1 < lines.size()) {
      Matcher role = ROLE.matcher(lines.get(i + 1));
      if (!role.matches()) {
        i++;
        continue;
      }
      boolean nextIsName = i + 3 < lines.size() && ROLE.matcher(lines.get(i + 3)).matches();
      String affiliation =
          i + 2 < lines.size() && !nextIsName ? RegistryText.clean(lines.get(i + 2)) : null;
      out.add(new Official(RegistryText.clean(lines.get(i)), affiliation, role.group(1)));
      i += affiliation != null ? 3 : 2;
    }
    return out;
  }

  /** Facility line, "City, State, Country" line. */
  private static List<Site> sites(PageLines page) {
    List<String> lines = section(page, LOCATIONS);
    List<Site> out = new ArrayList<>();
    for (int i = 0; i + 1 < lines.size(); i += 2) {
      out.add(SeedValues.site(RegistryText.clean(lines.get(i)), lines.get(i + 1)));
    }
    return out;
  }

  /** Name line followed by phone / e-mail lines. */
  private static List<Contact> contacts(List<String> lines) {
    List<Contact> out = new ArrayList<>();
    String name = null;
    String phone = null;
    String email = null;
    for (String line : lines) {
      if (EMAIL.matcher(line).matches()) {
        email = line;
      } else if (PHONE.matcher(line).matches()) {
        phone = line;
      } else {
        if (name != null || phone != null || email != null) {
          out.add(new Contact(name, "CONTACT", phone, null, email));
        }
        name = RegistryText.clean(line);
        phone = null;
        email = null;
      }
    }
    if (name != null || phone != null || email != null) {
      out.add(new Contact(name, "CONTACT", phone, null, email));
    }
    return out;
  }

  /** Identifier line, "Identifier Type: ...", "Identifier Source: org_study_id | secondary_id". */
  private static void identifiers(PageLines page, TrialBuilder trial) {
    List<String> lines = section(page, OTHER_IDENTIFIERS);
    for (int i = 0; i + 2 < lines.size(); i += 3) {
      Matcher type = IDENTIFIER_TYPE.matcher(lines.get(i + 1));
      Matcher source = IDENTIFIER_SOURCE.matcher(lines.get(i + 2));
      if (!type.matches() || !source.matches()) {
        continue;
      }
      String id = RegistryText.clean(lines.get(i));
      if (source.group(1).equals("org_study_id")) {
        trial.orgStudyId(id);
      } else {
        String t = type.group(1).strip();
        trial.addSecondaryId(
            new SecondaryId(id, t.equals("-") || t.isEmpty() ? null : t, null, null));
      }
    }
  }

  /** Content lines of a section: after its header and its blurb line. */
  private static List<String> section(PageLines page, String header) {
    int start = page.find(header);
    return start < 0 ? List.of() : page.nonBlank(start + 2, page.sectionEnd(start, HEADERS));
  }

  private static String sectionText(PageLines page, String header) {
    int start = page.find(header);
    return start < 0 ? null : page.text(start + 2, page.sectionEnd(start, HEADERS));
  }
}
