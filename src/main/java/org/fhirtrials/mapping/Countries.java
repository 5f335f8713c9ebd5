package org.fhirtrials.mapping;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Country names as the registry spells them to ISO 3166-1 alpha-2 codes. Names come from the JDK's
 * English country names plus the registry spellings that differ from them; an unknown name maps to
 * nothing (the name stays as text).
 */
public final class Countries {
  /** Registry spellings (ClinicalTrials.gov) that differ from the JDK's English names. */
  private static final Map<String, String> REGISTRY_SPELLINGS =
      Map.ofEntries(
          Map.entry("korea, republic of", "KR"),
          Map.entry("korea, democratic people's republic of", "KP"),
          Map.entry("iran, islamic republic of", "IR"),
          Map.entry("russian federation", "RU"),
          Map.entry("taiwan", "TW"),
          Map.entry("vietnam", "VN"),
          Map.entry("viet nam", "VN"),
          Map.entry("czechia", "CZ"),
          Map.entry("czech republic", "CZ"),
          Map.entry("turkey", "TR"),
          Map.entry("türkiye", "TR"),
          Map.entry("moldova, republic of", "MD"),
          Map.entry("macedonia, the former yugoslav republic of", "MK"),
          Map.entry("north macedonia", "MK"),
          Map.entry("syrian arab republic", "SY"),
          Map.entry("tanzania", "TZ"),
          Map.entry("congo, the democratic republic of the", "CD"),
          Map.entry("lao people's democratic republic", "LA"),
          Map.entry("hong kong", "HK"),
          Map.entry("bolivia", "BO"),
          Map.entry("venezuela", "VE"),
          Map.entry("usa", "US"),
          Map.entry("united states of america", "US"));

  private static final Map<String, String> BY_NAME = buildIndex();

  private Countries() {}

  /** The ISO 3166-1 alpha-2 code for a country name; empty when the name is not recognised. */
  public static Optional<String> isoCode(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_NAME.get(name.trim().toLowerCase(Locale.ROOT)));
  }

  private static Map<String, String> buildIndex() {
    Map<String, String> index = new TreeMap<>();
    for (String code : Locale.getISOCountries()) {
      index.put(
          new Locale("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
    }
    index.putAll(REGISTRY_SPELLINGS);
    return Map.copyOf(index);
  }
}
