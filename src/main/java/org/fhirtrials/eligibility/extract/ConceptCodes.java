package org.fhirtrials.eligibility.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fhirtrials.terminology.Terminology.Concept;

/**
 * The codes a constraint's concept matches in patient data, exactly as its FHIRPath expression
 * matches them: Observation codes (the concept and its accepted alternates, e.g. QTc unspecified
 * for QTcF), and for conditions either ICD-10 / ICD-10-CM code prefixes or the one coded concept.
 * For evaluators that work on a fact sheet instead of FHIRPath (DESIGN D4).
 */
public final class ConceptCodes {
  private static final Map<String, Codes> BY_NAME = new HashMap<>();

  static {
    for (ConceptCatalog.Def d : ConceptCatalog.ALL) {
      List<Concept> observation = new ArrayList<>();
      if (d.concept() != null) {
        observation.add(d.concept());
      }
      observation.addAll(d.alternates());
      BY_NAME.put(d.name(), new Codes(d.key(), observation, d.icd10Prefixes()));
    }
  }

  private ConceptCodes() {}

  /**
   * Codes of one concept.
   *
   * @param key the concept's stable key (e.g. {@code platelets})
   * @param codes the concept's code followed by accepted alternates; empty when uncoded
   * @param icd10Prefixes for conditions: ICD-10 / ICD-10-CM code prefixes matched instead of the
   *     concept's code (e.g. {@code B20}..{@code B24} for HIV disease); empty otherwise
   */
  public record Codes(String key, List<Concept> codes, List<String> icd10Prefixes) {
    public Codes {
      codes = List.copyOf(codes);
      icd10Prefixes = List.copyOf(icd10Prefixes);
    }
  }

  /** The codes of a constraint's concept; never null for constraints built by the extractor. */
  public static Codes of(Constraint c) {
    Codes codes = BY_NAME.get(c.name());
    if (codes == null) {
      throw new IllegalArgumentException("unknown concept " + c.name());
    }
    return codes;
  }
}
