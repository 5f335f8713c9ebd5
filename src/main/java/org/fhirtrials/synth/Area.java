package org.fhirtrials.synth;

/** A therapeutic area: decides phase mix, outcome vocabulary and the area's criteria. */
enum Area {
  ONCOLOGY("Oncology"),
  CARDIOLOGY("Cardiology"),
  METABOLIC("Metabolic"),
  INFECTIOUS("Infectious Disease"),
  NEUROLOGY("Neurology"),
  PSYCHIATRY("Psychiatry"),
  RESPIRATORY("Respiratory"),
  RARE("Rare Disease");

  private final String label;

  Area(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
