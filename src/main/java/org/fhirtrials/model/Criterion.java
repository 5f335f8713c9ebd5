package org.fhirtrials.model;

import java.util.Objects;

/**
 * One eligibility criterion, split from the criteria text.
 *
 * @param id stable id within the trial: {@code inc-8}, {@code inc-8.3}, {@code exc-1}... (parent
 *     number, then sub-item number, in source order)
 * @param exclusion true for an exclusion criterion
 * @param text the criterion text, verbatim from the source (only list markers and surrounding white
 *     space removed)
 * @param parentText for a sub-item, the text of the item it belongs to (its lead-in), else null
 * @param comparatorLost true when the source lost a comparator symbol (e.g. "= 2,500/µL" where ≥ or
 *     ≤ was rendered as "="), so any threshold in it must not be trusted
 */
public record Criterion(
    String id, boolean exclusion, String text, String parentText, boolean comparatorLost) {
  public Criterion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
  }
}
