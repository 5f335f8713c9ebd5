package org.fhirtrials.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fhirtrials.model.Arm;
import org.fhirtrials.model.Intervention;

/**
 * Collects arm rows (some pages list an arm once per intervention) into one {@link Arm} per label,
 * and records on each intervention the arms that use it.
 */
final class ArmAssembly {
  private final Map<String, String> descriptions = new LinkedHashMap<>();
  private final Map<String, List<String>> interventions = new LinkedHashMap<>();

  /** Adds a row; the same label again adds its intervention (and a differing description). */
  void add(String label, String description, String interventionName) {
    List<String> names = interventions.computeIfAbsent(label, k -> new ArrayList<>());
    if (interventionName != null && !names.contains(interventionName)) {
      names.add(interventionName);
    }
    String clean = SeedValues.description(description);
    String known = descriptions.get(label);
    if (known == null) {
      descriptions.put(label, clean);
    } else if (clean != null && !known.contains(clean)) {
      descriptions.put(label, known + "\n\n" + clean);
    }
  }

  List<Arm> arms() {
    List<Arm> out = new ArrayList<>();
    interventions.forEach(
        (label, names) -> out.add(new Arm(label, null, descriptions.get(label), names)));
    return out;
  }

  /** The interventions with {@code armGroupLabels} set from the arms that name them. */
  List<Intervention> link(List<Intervention> listed) {
    List<Intervention> out = new ArrayList<>();
    for (Intervention i : listed) {
      List<String> labels = new ArrayList<>();
      interventions.forEach(
          (label, names) -> {
            if (names.contains(i.name())) {
              labels.add(label);
            }
          });
      out.add(new Intervention(i.type(), i.name(), i.description(), labels, i.otherNames()));
    }
    return out;
  }
}
