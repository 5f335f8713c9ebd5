package org.fhirtrials.synth;

/**
 * A made-up lead sponsor or collaborator.
 *
 * @param name organisation name
 * @param agencyClass registry agency class ({@code INDUSTRY}, {@code OTHER}, {@code NIH}...)
 * @param code short upper-case code used in protocol ids and compound names
 */
record Sponsor(String name, String agencyClass, String code) {
  boolean isIndustry() {
    return agencyClass.equals("INDUSTRY");
  }
}
