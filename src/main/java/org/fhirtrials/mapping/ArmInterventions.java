package org.fhirtrials.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fhirtrials.model.Arm;
import org.fhirtrials.model.Intervention;
import org.fhirtrials.model.Trial;

/** Which interventions an arm gives. */
public final class ArmInterventions {
  private ArmInterventions() {}

  /**
   * The arm's interventions: those whose armGroupLabels name the arm, else those the arm names
   * ("Drug: X" or "X"), in record order, without duplicates.
   */
  public static List<Intervention> of(Trial trial, Arm arm) {
    List<Intervention> out = new ArrayList<>();
    for (Intervention i : trial.interventions()) {
      boolean byLabel = i.armGroupLabels().contains(arm.label());
      boolean byName = arm.interventionNames().stream().anyMatch(n -> names(n, i));
      if ((byLabel || byName) && !out.contains(i)) {
        out.add(i);
      }
    }
    return out;
  }

  private static boolean names(String armName, Intervention i) {
    if (!isPresent(armName) || !isPresent(i.name())) {
      return false;
    }
    String n = armName.trim().toLowerCase(Locale.ROOT);
    String name = i.name().trim().toLowerCase(Locale.ROOT);
    return n.equals(name) || n.endsWith(": " + name);
  }

  private static boolean isPresent(String s) {
    return s != null && !s.isBlank();
  }
}
