package org.fhirtrials;

public class FhirTrialsApplication {
  public static void main(String[] args) {}
}
