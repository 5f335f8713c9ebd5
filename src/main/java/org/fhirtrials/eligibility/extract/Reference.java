package org.fhirtrials.eligibility.extract;

/**
 * What a threshold value is measured against: an absolute quantity, or a multiple of the
 * Observation's reference range (upper or lower limit of normal), evaluated later against {@code
 * Observation.referenceRange}.
 */
public enum Reference {
  ABSOLUTE,
  ULN_MULTIPLE,
  LLN_MULTIPLE
}
