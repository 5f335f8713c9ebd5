package org.fhirtrials.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fhirtrials.model.MeshTerm;

/**
 * Pairs registry terms (conditions, intervention names) with the MeSH descriptors the registry
 * derived. The registry does not say which descriptor belongs to which term, so a descriptor is
 * attached only to a term with the same text (case-insensitive); every other descriptor becomes a
 * concept of its own. Nothing is guessed.
 */
public final class MeshConcepts {
  private MeshConcepts() {}

  /** A term and its MeSH descriptor (either may be absent, not both). */
  public record Pair(String text, MeshTerm mesh) {}

  public static List<Pair> pair(List<String> terms, List<MeshTerm> mesh) {
    List<Pair> out = new ArrayList<>();
    List<MeshTerm> unused = new ArrayList<>(mesh.stream().filter(MeshConcepts::valid).toList());
    for (String term : terms) {
      if (term == null || term.isBlank()) {
        continue;
      }
      MeshTerm match = unused.stream().filter(m -> same(m.term(), term)).findFirst().orElse(null);
      unused.remove(match);
      out.add(new Pair(term, match));
    }
    unused.forEach(m -> out.add(new Pair(m.term(), m)));
    return out;
  }

  private static boolean valid(MeshTerm m) {
    return m != null && m.id() != null && !m.id().isBlank();
  }

  private static boolean same(String a, String b) {
    return a != null && a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
  }
}
