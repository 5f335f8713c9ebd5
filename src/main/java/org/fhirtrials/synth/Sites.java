package org.fhirtrials.synth;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Trial sites: how many (skewed: most trials 1-10, a few 100-200), where (the sponsor's home
 * country, or world-wide for large trials), what they are called, their recruitment status and
 * contacts. Sites are written straight to the JSON stream, never collected.
 */
final class Sites {
  /** The largest site count a trial gets. */
  static final int MAX_SITES = 200;

  private record Band(int lo, int hi) {}

  private static final Weighted<Band> SMALL_TRIALS =
      Weighted.<Band>builder()
          .add(50, new Band(1, 1))
          .add(33, new Band(2, 10))
          .add(12, new Band(11, 50))
          .add(3, new Band(51, 100))
          .add(2, new Band(101, MAX_SITES))
          .build();
  private static final Weighted<Band> LARGE_TRIALS =
      Weighted.<Band>builder()
          .add(8, new Band(1, 1))
          .add(27, new Band(2, 10))
          .add(35, new Band(11, 50))
          .add(16, new Band(51, 100))
          .add(14, new Band(101, MAX_SITES))
          .build();

  private static final Map<String, List<String>> FACILITY_PATTERNS =
      Map.ofEntries(
          Map.entry(
              "United States",
              List.of(
                  "%s Medical Center",
                  "University of %s Hospital",
                  "%s Clinical Research, LLC",
                  "%s Memorial Hospital",
                  "%s Cancer Center",
                  "%s Heart and Vascular Institute",
                  "%s Regional Medical Center")),
          Map.entry(
              "China",
              List.of(
                  "%s People's Hospital",
                  "The First Affiliated Hospital of %s Medical University",
                  "%s Cancer Hospital",
                  "%s Central Hospital",
                  "%s Tongji Hospital")),
          Map.entry(
              "Germany", List.of("Universitätsklinikum %s", "Klinikum %s", "Studienzentrum %s")),
          Map.entry(
              "France",
              List.of(
                  "CHU de %s", "Hôpital Universitaire de %s", "Institut de Cancérologie de %s")),
          Map.entry(
              "Italy",
              List.of(
                  "Azienda Ospedaliera Universitaria di %s",
                  "Ospedale Maggiore di %s", "Istituto Clinico di %s")),
          Map.entry(
              "Spain",
              List.of(
                  "Hospital Universitario de %s",
                  "Hospital Clínic de %s", "Hospital General de %s")),
          Map.entry(
              "Japan",
              List.of(
                  "%s University Hospital",
                  "National Hospital Organization %s Medical Center", "%s City Hospital")),
          Map.entry(
              "Korea, Republic of",
              List.of(
                  "%s National University Hospital",
                  "%s St. Mary's Hospital", "%s Medical Center")));
  private static final List<String> DEFAULT_PATTERNS =
      List.of(
          "%s University Hospital",
          "%s General Hospital", "%s Medical Center", "%s Clinical Research Centre");

  private static final Map<String, Weighted<String>> SITE_STATUS_BY_TRIAL =
      Map.of(
          "RECRUITING",
          Weighted.<String>builder()
              .add(80, "RECRUITING")
              .add(12, "NOT_YET_RECRUITING")
              .add(3, "ACTIVE_NOT_RECRUITING")
              .add(3, "COMPLETED")
              .add(2, "WITHDRAWN")
              .build(),
          "NOT_YET_RECRUITING",
          only("NOT_YET_RECRUITING"),
          "ENROLLING_BY_INVITATION",
          only("ENROLLING_BY_INVITATION"),
          "ACTIVE_NOT_RECRUITING",
          only("ACTIVE_NOT_RECRUITING"),
          "SUSPENDED",
          only("SUSPENDED"));

  private Sites() {}

  private static Weighted<String> only(String status) {
    return Weighted.<String>builder().add(1, status).build();
  }

  /** How many sites a trial has. */
  static int count(String overallStatus, List<String> phases, boolean observational, Rng rng) {
    double none =
        switch (overallStatus) {
          case "WITHDRAWN" -> 0.8;
          case "NOT_YET_RECRUITING" -> 0.2;
          default -> 0.04;
        };
    if (rng.chance(none)) {
      return 0;
    }
    boolean large = !observational && (phases.contains("PHASE3") || rng.chance(0.05));
    Band band = (large ? LARGE_TRIALS : SMALL_TRIALS).draw(rng);
    return rng.between(band.lo(), band.hi());
  }

  /**
   * Writes the {@code locations} array (nothing when {@code count} is 0).
   *
   * @param sponsor the lead sponsor (industry trials often name sites after it)
   */
  static void write(
      JsonGenerator g,
      int count,
      String overallStatus,
      String homeCountry,
      Sponsor sponsor,
      Area area,
      Rng rng)
      throws IOException {
    if (count == 0) {
      return;
    }
    Weighted<String> statuses = SITE_STATUS_BY_TRIAL.get(overallStatus);
    double international = Math.min(0.8, count / 40.0);
    boolean global = count > 3 && rng.chance(international);
    g.writeArrayFieldStart("locations");
    for (int i = 0; i < count; i++) {
      String country = global && rng.chance(0.6) ? Cities.country(rng) : homeCountry;
      City city = Cities.in(country, rng);
      g.writeStartObject();
      g.writeStringField("facility", facility(city, sponsor, area, rng));
      String status = statuses == null ? null : statuses.draw(rng);
      if (status != null) {
        g.writeStringField("status", status);
      }
      g.writeStringField("city", city.name());
      if (city.state() != null) {
        g.writeStringField("state", city.state());
      }
      g.writeStringField("country", city.country());
      if (("RECRUITING".equals(status) || "NOT_YET_RECRUITING".equals(status)) && rng.chance(0.7)) {
        contacts(g, city, rng);
      }
      if (rng.chance(0.99)) { // the registry's geocoder misses the odd site
        g.writeObjectFieldStart("geoPoint");
        g.writeFieldName("lat");
        g.writeNumber(city.latText());
        g.writeFieldName("lon");
        g.writeNumber(city.lonText());
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static String facility(City city, Sponsor sponsor, Area area, Rng rng) {
    if (sponsor.isIndustry() && rng.chance(0.25)) {
      return rng.chance(0.5)
          ? "Research Site"
          : sponsor.name().split(" ")[0] + " Investigational Site";
    }
    List<String> patterns = FACILITY_PATTERNS.getOrDefault(city.country(), DEFAULT_PATTERNS);
    String pattern = rng.pick(patterns);
    if (area != Area.ONCOLOGY && pattern.contains("Cancer")) {
      pattern = "%s Medical Center";
    }
    return pattern.replace("%s", city.name());
  }

  private static void contacts(JsonGenerator g, City city, Rng rng) throws IOException {
    g.writeArrayFieldStart("contacts");
    String contact = People.name(city.country(), rng, rng.chance(0.3));
    g.writeStartObject();
    g.writeStringField("name", contact);
    g.writeStringField("role", "CONTACT");
    g.writeStringField("phone", People.phone(city.country(), rng));
    if (rng.chance(0.8)) {
      g.writeStringField("email", People.email(contact, city.name()));
    }
    g.writeEndObject();
    if (rng.chance(0.5)) {
      g.writeStartObject();
      g.writeStringField("name", People.name(city.country(), rng, true));
      g.writeStringField("role", "PRINCIPAL_INVESTIGATOR");
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
