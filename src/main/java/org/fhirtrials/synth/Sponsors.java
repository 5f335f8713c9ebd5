package org.fhirtrials.synth;

import java.util.List;
import java.util.Locale;

/**
 * Sponsors drawn from a small vocabulary that yields a few hundred realistic-looking, fictional
 * names per class (industry names are invented; NIH institutes are the real ones, since that class
 * means exactly them).
 */
final class Sponsors {
  private static final List<String> INDUSTRY_STEMS =
      List.of(
          "Aurelia",
          "Boreal",
          "Cendra",
          "Denali",
          "Everline",
          "Fjordia",
          "Galenix",
          "Halcyon",
          "Iridian",
          "Juniper",
          "Kestrel",
          "Lumora",
          "Meridian",
          "Novagen",
          "Orionis",
          "Pinnacle",
          "Quantara",
          "Rhenova",
          "Solace",
          "Tessera",
          "Umbria",
          "Vireo",
          "Westbrook",
          "Zenithra",
          "Altamira",
          "Bellwood",
          "Crescendo",
          "Nordhaven");
  private static final List<String> INDUSTRY_SUFFIXES =
      List.of(
          "Therapeutics",
          "Pharmaceuticals, Inc.",
          "Biosciences",
          "Oncology, Inc.",
          "Bio, Inc.",
          "Pharma Co., Ltd.",
          "Medical",
          "Biotherapeutics",
          "Life Sciences",
          "Pharma GmbH",
          "Biopharma",
          "Health AG");
  private static final List<String> ACADEMIC_PATTERNS =
      List.of(
          "University of %s",
          "%s University Hospital",
          "%s Medical Center",
          "%s Cancer Institute",
          "%s Heart Institute",
          "%s Clinical Research Center",
          "%s General Hospital",
          "%s Children's Hospital");
  private static final List<String> NIH_INSTITUTES =
      List.of(
          "National Cancer Institute (NCI)",
          "National Heart, Lung, and Blood Institute (NHLBI)",
          "National Institute of Allergy and Infectious Diseases (NIAID)",
          "National Institute of Neurological Disorders and Stroke (NINDS)",
          "National Institute of Diabetes and Digestive and Kidney Diseases (NIDDK)",
          "National Institute on Aging (NIA)",
          "National Institute of Mental Health (NIMH)");
  private static final List<String> NETWORK_REGIONS =
      List.of(
          "Pacific",
          "Atlantic",
          "Nordic",
          "Central European",
          "Asia-Pacific",
          "Midwest",
          "Mediterranean",
          "Transcontinental");
  private static final List<String> NETWORK_KINDS =
      List.of("Trials Group", "Study Group", "Research Network", "Cooperative Group", "Consortium");
  private static final List<Sponsor> FEDERAL =
      List.of(
          new Sponsor("VA Office of Research and Development", "FED", "VA"),
          new Sponsor("Walter Reed National Military Medical Center", "FED", "WRNMMC"));

  private static final Weighted<String> CLASSES =
      Weighted.<String>builder()
          .add(36, "INDUSTRY")
          .add(55, "OTHER")
          .add(3, "NIH")
          .add(2.5, "NETWORK")
          .add(1, "FED")
          .add(1.5, "OTHER_GOV")
          .add(1, "INDIV")
          .build();

  private Sponsors() {}

  /** A lead sponsor for a trial in {@code area}, whose home country is {@code country}. */
  static Sponsor lead(Area area, String country, Rng rng) {
    return of(CLASSES.draw(rng), area, country, rng);
  }

  /** A collaborator (never an individual). */
  static Sponsor collaborator(Area area, String country, Rng rng) {
    String agencyClass = CLASSES.draw(rng);
    return of(agencyClass.equals("INDIV") ? "OTHER" : agencyClass, area, country, rng);
  }

  /** An industry sponsor, e.g. the company supplying the study drug. */
  static Sponsor industry(Rng rng) {
    String name = rng.pick(INDUSTRY_STEMS) + " " + rng.pick(INDUSTRY_SUFFIXES);
    return new Sponsor(name, "INDUSTRY", code(name));
  }

  private static Sponsor of(String agencyClass, Area area, String country, Rng rng) {
    return switch (agencyClass) {
      case "INDUSTRY" -> industry(rng);
      case "NIH" -> named(rng.pick(NIH_INSTITUTES), "NIH");
      case "NETWORK" ->
          named(
              rng.pick(NETWORK_REGIONS) + " " + area.label() + " " + rng.pick(NETWORK_KINDS),
              "NETWORK");
      case "FED" -> rng.pick(FEDERAL);
      case "OTHER_GOV" -> named("Ministry of Health, " + country, "OTHER_GOV");
      case "INDIV" -> named(People.name(country, rng, false), "INDIV");
      default ->
          named(rng.pick(ACADEMIC_PATTERNS).replace("%s", Cities.in(country, rng).name()), "OTHER");
    };
  }

  private static Sponsor named(String name, String agencyClass) {
    return new Sponsor(name, agencyClass, code(name));
  }

  /** Initials of the capitalised words (at most 5), or the first letters of a one-word name. */
  static String code(String name) {
    int paren = name.indexOf('(');
    if (paren > 0 && name.indexOf(')') > paren) {
      return name.substring(paren + 1, name.indexOf(')')).toUpperCase(Locale.ROOT);
    }
    StringBuilder sb = new StringBuilder();
    for (String word : People.slug(name, " ").split(" ")) {
      if (!word.isEmpty() && Character.isLetter(word.charAt(0)) && sb.length() < 5) {
        sb.append(Character.toUpperCase(word.charAt(0)));
      }
    }
    String first = People.slug(name, "");
    if (sb.length() < 3 && first.length() >= 3) {
      return first.substring(0, 3).toUpperCase(Locale.ROOT);
    }
    return sb.toString();
  }
}
