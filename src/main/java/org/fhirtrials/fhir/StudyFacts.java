package org.fhirtrials.fhir;

import java.util.List;

/**
 * The searchable values of one served ResearchStudy, read from the mapped resource so that search
 * matches exactly what is served. Version-neutral: each {@link VersionBinding} extracts them.
 *
 * @param id logical id
 * @param identifiers identifiers (system, value)
 * @param title the title, or null
 * @param status the version's status codes (R4 {@code status}; R5 {@code progressStatus.state})
 * @param conditions conditions
 * @param phases phase concepts
 * @param recruitmentStatus the exact registry recruitment status, from its extension
 */
public record StudyFacts(
    String id,
    List<Token> identifiers,
    String title,
    List<Concept> status,
    List<Concept> conditions,
    List<Concept> phases,
    List<Concept> recruitmentStatus) {

  public StudyFacts {
    identifiers = List.copyOf(identifiers);
    status = List.copyOf(status);
    conditions = List.copyOf(conditions);
    phases = List.copyOf(phases);
    recruitmentStatus = List.copyOf(recruitmentStatus);
  }

  /** A coded value: system may be null. */
  public record Token(String system, String code) {}

  /** A concept: its codings and its texts (CodeableConcept.text and coding displays). */
  public record Concept(List<Token> codings, List<String> texts) {
    public Concept {
      codings = List.copyOf(codings);
      texts = List.copyOf(texts);
    }

    public static Concept ofCode(String system, String code) {
      return new Concept(List.of(new Token(system, code)), List.of());
    }
  }
}
