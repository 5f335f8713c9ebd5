package org.fhirtrials.eligibility.quality;

import java.util.ArrayList;
import java.util.List;
import org.fhirtrials.eligibility.extract.Category;
import org.fhirtrials.eligibility.extract.Constraint;
import org.fhirtrials.eligibility.extract.ExtractedCriterion;
import org.fhirtrials.eligibility.extract.Threshold;

/**
 * The scored items of one extraction: every threshold of a scored concept, and Child-Pugh classes.
 *
 * <p>A constraint whose comparator the extractor itself does not trust (lost in the source, or a
 * bare "=") is not a prediction: it is kept as text, which is the safe outcome, and counts as a
 * miss when the gold has a bound there. A constraint the extractor marks not computable for another
 * reason (no verified code, unit that does not fit) still counts: the threshold was read. A lower
 * bound restated in another unit counts once. A lower bound of 0 on ECOG ("ECOG 0-2") is implied by
 * the scale and dropped on both sides.
 */
final class Predictions {
  private Predictions() {}

  static List<Item> of(ExtractedCriterion e) {
    List<Item> out = new ArrayList<>();
    for (Constraint c : e.constraints()) {
      QualityKey key = QualityKey.of(c);
      if (key == null || untrustedComparator(c)) {
        continue;
      }
      String unit =
          switch (c.reference()) {
            case ULN_MULTIPLE -> Item.ULN;
            case LLN_MULTIPLE -> Item.LLN;
            case ABSOLUTE -> c.unit();
          };
      for (Threshold t : c.thresholds()) {
        Item item = Item.canonical(key, t.comparator().fhirCode(), t.value(), unit);
        if (!impliedByScale(item) && !out.contains(item)) { // "1.5 x 10^9/L (1500/uL)": one bound
          out.add(item);
        }
      }
      if (c.category() == Category.LIVER_SCORE) {
        c.allowedValues().forEach(v -> out.add(Item.ordinal(key, v)));
      }
    }
    return out;
  }

  private static boolean untrustedComparator(Constraint c) {
    return !c.computable() && c.reason() != null && c.reason().contains("comparator");
  }

  /** "ECOG ≥ 0" says nothing: every ECOG value is ≥ 0. */
  static boolean impliedByScale(Item item) {
    return item.key() == QualityKey.ECOG
        && item.comparator().equals(">=")
        && item.value().equals("0");
  }
}
