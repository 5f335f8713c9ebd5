package org.fhirtrials.ingest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fhirtrials.model.Eligibility.Sex;
import org.fhirtrials.model.Intervention;
import org.fhirtrials.model.PartialDate;
import org.fhirtrials.model.Phase;
import org.fhirtrials.model.RecruitmentStatus;
import org.fhirtrials.model.Site;

/** Value parsing shared by the seed page layouts. Unknown values give null, never a guess. */
final class SeedValues {
  /** Rendered intervention type prefixes ("Drug:") to registry codes. */
  private static final Map<String, String> INTERVENTION_TYPES =
      Map.ofEntries(
          Map.entry("drug", "DRUG"),
          Map.entry("device", "DEVICE"),
          Map.entry("biological", "BIOLOGICAL"),
          Map.entry("procedure", "PROCEDURE"),
          Map.entry("procedure/surgery", "PROCEDURE"),
          Map.entry("radiation", "RADIATION"),
          Map.entry("behavioral", "BEHAVIORAL"),
          Map.entry("genetic", "GENETIC"),
          Map.entry("dietary supplement", "DIETARY_SUPPLEMENT"),
          Map.entry("combination product", "COMBINATION_PRODUCT"),
          Map.entry("diagnostic test", "DIAGNOSTIC_TEST"),
          Map.entry("other", "OTHER"));

  private static final Pattern TYPED_INTERVENTION = Pattern.compile("^([A-Za-z /]+):\\s*(.+)$");

  static final Set<String> STUDY_TYPES =
      Set.of("INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS");
  static final Set<String> ALLOCATIONS = Set.of("RANDOMIZED", "NON_RANDOMIZED", "NA");
  static final Set<String> INTERVENTION_MODELS =
      Set.of("SINGLE_GROUP", "PARALLEL", "CROSSOVER", "FACTORIAL", "SEQUENTIAL");
  static final Set<String> PRIMARY_PURPOSES =
      Set.of(
          "TREATMENT",
          "PREVENTION",
          "DIAGNOSTIC",
          "ECT",
          "SUPPORTIVE_CARE",
          "SCREENING",
          "HEALTH_SERVICES_RESEARCH",
          "BASIC_SCIENCE",
          "DEVICE_FEASIBILITY",
          "OTHER");
  static final Set<String> MASKINGS = Set.of("NONE", "SINGLE", "DOUBLE", "TRIPLE", "QUADRUPLE");

  /** Statuses after which an enrolment count can no longer be a target. */
  private static final Set<RecruitmentStatus> FINAL =
      EnumSet.of(
          RecruitmentStatus.COMPLETED, RecruitmentStatus.TERMINATED, RecruitmentStatus.WITHDRAWN);

  private static final DateTimeFormatter MONTH_DAY_YEAR =
      DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter MONTH_YEAR =
      DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
  private static final Pattern INTEGER = Pattern.compile("\\d[\\d,]*");

  private SeedValues() {}

  /**
   * "Drug: NRT6003 Injection" → DRUG / "NRT6003 Injection"; an unknown prefix stays in the name.
   */
  static Intervention intervention(String line) {
    Matcher m = TYPED_INTERVENTION.matcher(line.strip());
    if (m.matches()) {
      String type = INTERVENTION_TYPES.get(m.group(1).strip().toLowerCase(Locale.ROOT));
      if (type != null) {
        return new Intervention(type, m.group(2).strip(), null, null, null);
      }
    }
    return new Intervention(null, line.strip(), null, null, null);
  }

  /** The type code for a rendered type label ("Procedure", "Procedure:"), or null. */
  static String interventionType(String label) {
    String key = label.strip().replaceAll(":$", "").toLowerCase(Locale.ROOT);
    return INTERVENTION_TYPES.get(key);
  }

  /**
   * "Phase 1", "PHASE2", "Phase 1/Phase 2", "PHASE1, PHASE2", "Not Applicable"; unknown → empty.
   */
  static List<Phase> phases(String text) {
    List<Phase> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    Phase whole = Phase.parse(text).orElse(null);
    if (whole != null) {
      out.add(whole);
      return out;
    }
    for (String part : text.split("[/,|]|\\band\\b")) {
      Phase.parse(part).ifPresent(out::add);
    }
    return out;
  }

  static RecruitmentStatus status(String text) {
    return RecruitmentStatus.parse(text).orElse(null);
  }

  static Sex sex(String text) {
    if (text == null) {
      return null;
    }
    return switch (text.strip().toUpperCase(Locale.ROOT)) {
      case "ALL", "BOTH" -> Sex.ALL;
      case "FEMALE" -> Sex.FEMALE;
      case "MALE" -> Sex.MALE;
      default -> null;
    };
  }

  /** "Yes" / "No" → true / false; else null. */
  static Boolean yesNo(String text) {
    if (text == null) {
      return null;
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "yes" -> Boolean.TRUE;
      case "no" -> Boolean.FALSE;
      default -> null;
    };
  }

  /**
   * A registry code from a label: "Interventional" → INTERVENTIONAL; null unless in {@code known}.
   */
  static String code(String text, Set<String> known) {
    if (text == null) {
      return null;
    }
    String code = text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    return known.contains(code) ? code : null;
  }

  static Integer integer(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = INTEGER.matcher(text);
    return m.find() ? Integer.valueOf(m.group().replace(",", "")) : null;
  }

  /**
   * Whether an enrolment count is a target: true when the page labels it so ("Target", "Est.") and
   * the trial is not finished; null (unknown) otherwise.
   */
  static Boolean enrollmentEstimated(boolean labelledTarget, RecruitmentStatus status) {
    return labelledTarget && !FINAL.contains(status) ? Boolean.TRUE : null;
  }

  /** "November 8, 2023", "April 2024" or ISO; null when it is none of them. */
  static PartialDate date(String text, boolean estimated) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    if (ISO_DATE.matcher(t).matches()) {
      return new PartialDate(t, estimated);
    }
    try {
      return new PartialDate(LocalDate.parse(t, MONTH_DAY_YEAR).toString(), estimated);
    } catch (DateTimeParseException e) {
      // try month and year
    }
    try {
      return new PartialDate(YearMonth.parse(t, MONTH_YEAR).toString(), estimated);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * A site from "City, State, Country" or "City, Country" (an empty state, "Beijing, , China", is
   * allowed); more parts: first is the city, last the country, the middle the state.
   */
  static Site site(String facility, String address) {
    String[] parts = address.split(",", -1);
    String city = null;
    String state = null;
    String country = null;
    if (parts.length == 1) {
      country = blankToNull(parts[0]);
    } else {
      city = blankToNull(parts[0]);
      country = blankToNull(parts[parts.length - 1]);
      if (parts.length > 2) {
        StringBuilder middle = new StringBuilder();
        for (int i = 1; i < parts.length - 1; i++) {
          if (!parts[i].isBlank()) {
            middle.append(middle.length() > 0 ? ", " : "").append(parts[i].strip());
          }
        }
        state = blankToNull(middle.toString());
      }
    }
    return new Site(facility, null, city, state, null, country, null, null);
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** Page text for a description: markdown escapes removed; "Not available" means absent. */
  static String description(String text) {
    String clean = RegistryText.clean(text);
    return clean == null || clean.equalsIgnoreCase("Not available") ? null : clean;
  }
}
