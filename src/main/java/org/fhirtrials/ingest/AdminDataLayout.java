package org.fhirtrials.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fhirtrials.model.Age;
import org.fhirtrials.model.Contact;
import org.fhirtrials.model.Design;
import org.fhirtrials.model.Intervention;
import org.fhirtrials.model.Organization;
import org.fhirtrials.model.Outcome;
import org.fhirtrials.model.Oversight;
import org.fhirtrials.model.RecruitmentStatus;
import org.fhirtrials.model.Reference;
import org.fhirtrials.model.SecondaryId;
import org.fhirtrials.model.Site;
import org.fhirtrials.model.StudyStatus;
import org.fhirtrials.model.TrialBuilder;

/**
 * Site B ("Clinical Trial Details — Administrative data"): "Label value" lines, a one-line
 * eligibility text, and tables rendered as space-separated text.
 *
 * <p>The page has no title; the brief title is then the NCT id (the model requires one). Column
 * boundaries of its tables are not marked, so: a location row is "Country Facility City" where the
 * country is one of those listed under "Country where clinical trial is conducted" and the city is
 * taken as the last word (the State column is empty on the seed page); an outcome row is "Type
 * rest" where the time frame starts at the first time-frame phrase ("Time of", "Baseline",
 * "Within", "Up to") and measure and description stay together as the measure.
 */
final class AdminDataLayout implements SeedLayout {
  private static final String MARKER = "Clinical Trial Details";
  private static final String ADMINISTRATIVE = "Administrative data";

  /** "Label value" fields, longest label first where one label starts another. */
  private static final List<String> LABELS =
      List.of(
          "NCT number",
          "Other study ID #",
          "Secondary ID",
          "Status",
          "Phase",
          "First received",
          "Last updated",
          "Start date",
          "Est. primary completion date",
          "Primary completion date",
          "Est. completion date",
          "Completion date",
          "Verified date",
          "Source",
          "Contact",
          "Phone",
          "Email",
          "Is FDA regulated",
          "Health authority",
          "Study type",
          "Enrollment",
          "Est. enrollment",
          "Accepts healthy volunteers",
          "Gender",
          "Age group",
          "Eligibility");

  private static final String SUMMARY = "Clinical Trial Summary";
  private static final String DESCRIPTION = "Description:";
  private static final String RECRUITMENT = "Recruitment information / eligibility";
  private static final String STUDY_DESIGN = "Study Design";
  private static final String INTERVENTION = "Intervention";
  private static final String LOCATIONS = "Locations";
  private static final String LOCATION_COLUMNS = "Country Name City State";
  private static final String COUNTRIES = "Country where clinical trial is conducted";
  private static final String OUTCOME = "Outcome";
  private static final String OUTCOME_COLUMNS = "Type Measure Description Time frame Safety issue";
  private static final String SEE_ALSO = "See also";
  private static final Pattern VIEW_CITATION =
      Pattern.compile("[\\s\\u00a0]*—[\\s\\u00a0]*View Citation[\\s\\u00a0]*$");

  private static final Pattern NCT = Pattern.compile("^NCT\\d{8}$");
  private static final Pattern SPONSORS = Pattern.compile("^Sponsors \\(\\d+\\)$");
  private static final Pattern REFERENCES =
      Pattern.compile("^References & Publications \\(\\d+\\)$");
  private static final Pattern AGE_GROUP =
      Pattern.compile(
          "(?i)^(?:(\\d+ \\w+?) and older|up to (\\d+ \\w+)|(\\d+ \\w+) to (\\d+ \\w+))$");
  private static final Pattern OUTCOME_ROW = Pattern.compile("^(Primary|Secondary|Other) (.+)$");
  private static final Pattern TIME_FRAME =
      Pattern.compile("\\s(?=(?:Time of |Baseline\\b|Within |Up to ))");

  @Override
  public String name() {
    return "admin-data";
  }

  @Override
  public boolean recognizes(PageLines page) {
    return page.findStarting(MARKER, 0) >= 0 && page.find(ADMINISTRATIVE) >= 0;
  }

  @Override
  public String nctId(PageLines page) {
    String value = fields(page).get("NCT number");
    return value != null && NCT.matcher(value).matches() ? value : null;
  }

  @Override
  public void read(PageLines page, TrialBuilder trial) {
    Map<String, String> f = fields(page);
    trial.orgStudyId(f.get("Other study ID #"));
    if (f.get("Secondary ID") != null) {
      trial.addSecondaryId(new SecondaryId(f.get("Secondary ID"), null, null, null));
    }
    RecruitmentStatus status = SeedValues.status(f.get("Status"));
    trial.status(
        new StudyStatus(
            status,
            null,
            SeedValues.date(f.get("Verified date"), false),
            SeedValues.date(f.get("Start date"), false),
            dated(f, "Primary completion date"),
            dated(f, "Completion date"),
            SeedValues.date(f.get("First received"), false),
            null,
            null,
            SeedValues.date(f.get("Last updated"), false)));
    if (f.get("Contact") != null || f.get("Email") != null || f.get("Phone") != null) {
      trial.addCentralContact(
          new Contact(f.get("Contact"), "CONTACT", f.get("Phone"), null, f.get("Email")));
    }
    Boolean fdaRegulated = SeedValues.yesNo(f.get("Is FDA regulated"));
    if (Boolean.FALSE.equals(fdaRegulated)) {
      // the legacy "Is FDA regulated" covers drugs and devices; "No" means neither
      trial.oversight(new Oversight(false, false, null));
    }
    Integer enrollment = SeedValues.integer(firstOf(f, "Est. enrollment", "Enrollment"));
    boolean labelledTarget = f.get("Est. enrollment") != null;
    trial.design(
        new Design(
            SeedValues.code(f.get("Study type"), SeedValues.STUDY_TYPES),
            SeedValues.phases(f.get("Phase")),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            enrollment,
            enrollment == null ? null : SeedValues.enrollmentEstimated(labelledTarget, status)));
    trial.briefSummary(SeedValues.description(between(page, SUMMARY, DESCRIPTION, RECRUITMENT)));
    trial.detailedDescription(SeedValues.description(between(page, DESCRIPTION, RECRUITMENT)));
    eligibility(page, f, trial);
    trial.interventions(interventions(page));
    List<String> countries = countries(page);
    trial.sites(sites(page, countries));
    sponsors(page, trial);
    trial.references(references(page));
    trial.outcomes(outcomes(page));
  }

  /** "Label value" lines, first occurrence of each label. */
  private static Map<String, String> fields(PageLines page) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < page.size(); i++) {
      String line = page.line(i).strip();
      for (String label : LABELS) {
        if (line.equals(label) || line.startsWith(label + " ")) {
          out.putIfAbsent(label, SeedValues.blankToNull(line.substring(label.length())));
          break;
        }
      }
    }
    return out;
  }

  /** An actual date under {@code label}, or an estimated one under "Est. " + lower-cased label. */
  private static org.fhirtrials.model.PartialDate dated(Map<String, String> f, String label) {
    String actual = f.get(label);
    if (actual != null) {
      return SeedValues.date(actual, false);
    }
    String est = "Est. " + Character.toLowerCase(label.charAt(0)) + label.substring(1);
    return SeedValues.date(f.get(est), true);
  }

  private static String firstOf(Map<String, String> f, String... labels) {
    for (String label : labels) {
      if (f.get(label) != null) {
        return f.get(label);
      }
    }
    return null;
  }

  private static void eligibility(PageLines page, Map<String, String> f, TrialBuilder trial) {
    Age min = null;
    Age max = null;
    String ageGroup = f.get("Age group");
    if (ageGroup != null) {
      Matcher m = AGE_GROUP.matcher(ageGroup);
      if (m.matches()) {
        min = Age.parse(m.group(1) != null ? m.group(1) : m.group(3)).orElse(null);
        max = Age.parse(m.group(2) != null ? m.group(2) : m.group(4)).orElse(null);
      }
    }
    int start = page.findStarting("Eligibility ", 0);
    String criteria = null;
    if (start >= 0) {
      int end = start + 1;
      while (end < page.size() && !page.line(end).isBlank()) {
        end++;
      }
      criteria = page.text(start, end).strip().substring("Eligibility".length());
    }
    trial.eligibility(
        SeedEligibility.of(
            criteria,
            SeedValues.sex(f.get("Gender")),
            min,
            max,
            SeedValues.yesNo(f.get("Accepts healthy volunteers"))));
  }

  /** "Type:" line, name line, description lines; repeated. */
  private static List<Intervention> interventions(PageLines page) {
    int start = page.find(INTERVENTION, page.find(STUDY_DESIGN));
    List<Intervention> out = new ArrayList<>();
    if (start < 0) {
      return out;
    }
    List<String> lines = page.nonBlank(start + 1, sectionEnd(page, start));
    int i = 0;
    while (i < lines.size()) {
      String type = SeedValues.interventionType(lines.get(i));
      if (type == null || i + 1 >= lines.size()) {
        i++;
        continue;
      }
      String name = RegistryText.clean(lines.get(i + 1));
      StringBuilder description = new StringBuilder();
      int j = i + 2;
      while (j < lines.size() && SeedValues.interventionType(lines.get(j)) == null) {
        description.append(description.length() > 0 ? "\n" : "").append(lines.get(j));
        j++;
      }
      out.add(
          new Intervention(type, name, SeedValues.description(description.toString()), null, null));
      i = j;
    }
    return out;
  }

  /** The section after header line {@code start} ends at the next known header line. */
  private static int sectionEnd(PageLines page, int start) {
    return page.sectionEnd(
        start,
        List.of(LOCATIONS, COUNTRIES, OUTCOME, SEE_ALSO, INTERVENTION, STUDY_DESIGN, SUMMARY));
  }

  /**
   * "Korea, Republic of, " → ["Korea, Republic of"]: a part ending in " of" / " the" or starting in
   * lower case belongs to the country name before it.
   */
  private static List<String> countries(PageLines page) {
    int start = page.find(COUNTRIES);
    List<String> out = new ArrayList<>();
    if (start < 0) {
      return out;
    }
    List<String> lines = page.nonBlank(start + 1, page.size());
    String text = lines.isEmpty() ? "" : lines.get(0);
    for (String part : text.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      boolean continuation =
          !out.isEmpty()
              && (p.endsWith(" of") || p.endsWith(" the") || Character.isLowerCase(p.charAt(0)));
      if (continuation) {
        out.set(out.size() - 1, out.get(out.size() - 1) + ", " + p);
      } else {
        out.add(p);
      }
    }
    return out;
  }

  private static List<Site> sites(PageLines page, List<String> countries) {
    int start = page.find(LOCATION_COLUMNS);
    List<Site> out = new ArrayList<>();
    if (start < 0) {
      return out;
    }
    for (int i = start + 1; i < page.size() && !page.line(i).isBlank(); i++) {
      String row = RegistryText.clean(page.line(i));
      String country = null;
      for (String c : countries) {
        if (row.startsWith(c + " ") && (country == null || c.length() > country.length())) {
          country = c;
        }
      }
      String rest = country == null ? row : row.substring(country.length()).strip();
      int lastSpace = rest.lastIndexOf(' ');
      boolean splittable = lastSpace > 0 && rest.substring(0, lastSpace).contains(" ");
      String facility = splittable ? rest.substring(0, lastSpace) : rest;
      String city = splittable ? rest.substring(lastSpace + 1) : null;
      out.add(new Site(facility, null, city, null, null, country, null, null));
    }
    return out;
  }

  /** "Lead Sponsor Collaborator" columns: the first name is the lead, the rest collaborators. */
  private static void sponsors(PageLines page, TrialBuilder trial) {
    int start = -1;
    for (int i = 0; i < page.size(); i++) {
      if (SPONSORS.matcher(page.line(i).strip()).matches()) {
        start = i;
        break;
      }
    }
    if (start < 0) {
      return;
    }
    List<String> names =
        new ArrayList<>(page.nonBlank(start + 1, page.sectionEnd(start, List.of(COUNTRIES))));
    names.remove("Lead Sponsor Collaborator");
    for (int i = 0; i < names.size(); i++) {
      Organization org = new Organization(RegistryText.clean(names.get(i)), null);
      if (i == 0) {
        trial.leadSponsor(org);
      } else {
        trial.addCollaborator(org);
      }
    }
  }

  private static List<Reference> references(PageLines page) {
    int start = -1;
    for (int i = 0; i < page.size(); i++) {
      if (REFERENCES.matcher(page.line(i).strip()).matches()) {
        start = i;
        break;
      }
    }
    List<Reference> out = new ArrayList<>();
    if (start < 0) {
      return out;
    }
    for (String paragraph : page.paragraphs(start + 1, page.sectionEnd(start, List.of(OUTCOME)))) {
      String citation = VIEW_CITATION.matcher(paragraph).replaceFirst("");
      out.add(new Reference(null, null, RegistryText.clean(citation)));
    }
    return out;
  }

  private static List<Outcome> outcomes(PageLines page) {
    int start = page.find(OUTCOME_COLUMNS);
    List<Outcome> out = new ArrayList<>();
    if (start < 0) {
      return out;
    }
    for (int i = start + 1; i < page.size(); i++) {
      Matcher row = OUTCOME_ROW.matcher(page.line(i).strip());
      if (!row.matches()) {
        break;
      }
      Outcome.Kind kind = Outcome.Kind.valueOf(row.group(1).toUpperCase(java.util.Locale.ROOT));
      String rest = RegistryText.clean(row.group(2));
      Matcher time = TIME_FRAME.matcher(rest);
      if (time.find()) {
        out.add(
            new Outcome(
                kind,
                rest.substring(0, time.start()).strip(),
                null,
                rest.substring(time.end()).strip()));
      } else {
        out.add(new Outcome(kind, rest, null, null));
      }
    }
    return out;
  }

  private static String between(PageLines page, String header, String... ends) {
    int start = page.find(header);
    if (start < 0) {
      return null;
    }
    return page.text(start + 1, page.sectionEnd(start, List.of(ends)));
  }
}
