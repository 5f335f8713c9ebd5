package org.fhirtrials.synth;

import java.util.List;
import org.fhirtrials.model.MeshTerm;

/**
 * One kind of trial population: how registrants name the condition, the MeSH terms the registry
 * derives for it (only ids verified against real records or public MeSH tables; none where
 * unverified), keywords, agents, and condition-specific eligibility criteria.
 *
 * <p>Criteria are "slots": each slot is a list of alternative phrasings of the same criterion, of
 * which a trial uses one. Phrasings may contain the comparator tokens of {@link Phrasing}.
 *
 * @param key stable short name
 * @param area therapeutic area
 * @param labels condition strings as registrants write them
 * @param meshes derived condition MeSH terms
 * @param ancestors derived MeSH ancestors
 * @param keywords registrant keywords
 * @param agents investigational agents
 * @param standardOfCare comparators / backbone therapies
 * @param sex {@code ALL}, {@code FEMALE} or {@code MALE}
 * @param ages typical age band
 * @param traits flags that switch area-level criteria on or off
 * @param inclusions condition-specific inclusion slots
 * @param exclusions condition-specific exclusion slots
 */
record ConditionProfile(
    String key,
    Area area,
    List<String> labels,
    List<MeshTerm> meshes,
    List<MeshTerm> ancestors,
    List<String> keywords,
    List<Agent> agents,
    List<Agent> standardOfCare,
    String sex,
    AgeBand ages,
    List<Trait> traits,
    List<List<String>> inclusions,
    List<List<String>> exclusions) {

  /** Typical eligible ages of a condition's trials. */
  enum AgeBand {
    ADULT,
    OLDER,
    ANY_INCLUDING_CHILDREN,
    PEDIATRIC
  }

  /** Switches for area-level criteria. */
  enum Trait {
    /** Solid tumour: RECIST measurable disease and CNS metastases criteria apply. */
    SOLID_TUMOR,
    /** Liver disease: Child-Pugh and liver-adapted lab thresholds apply. */
    HEPATIC,
    /** Haematological malignancy: marrow-adapted lab thresholds apply. */
    HEME,
    /** Primary brain tumour: no CNS-metastases exclusion. */
    BRAIN,
    /** The condition is itself an infection: no blanket HIV/hepatitis exclusion. */
    VIRAL
  }

  boolean has(Trait trait) {
    return traits.contains(trait);
  }

  /** Eponyms that stay capitalised in running text. */
  private static final java.util.Set<String> PROPER =
      java.util.Set.of(
          "Alzheimer's",
          "Alzheimer",
          "Parkinson's",
          "Parkinson",
          "Hodgkin",
          "Duchenne",
          "Lennox-Gastaut");

  /**
   * The condition's main label for running text: ordinary words lower-cased, acronyms ({@code HIV},
   * {@code NSCLC}), single letters ({@code Hepatitis B}) and eponyms kept.
   */
  String inProse() {
    String[] words = labels.get(0).split(" ");
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      boolean keep =
          w.length() == 1
              || PROPER.contains(w)
              || w.chars().skip(1).anyMatch(Character::isUpperCase);
      sb.append(keep ? w : w.toLowerCase(java.util.Locale.ROOT));
    }
    return sb.toString();
  }
}
