package org.fhirtrials.cds;

import java.util.List;
import java.util.Locale;
import org.fhirtrials.match.MatchConfig;
import org.fhirtrials.match.MatchFilter;
import org.fhirtrials.match.TrialMatch;
import org.fhirtrials.match.TrialMatchService;
import org.fhirtrials.match.TrialTraits;
import org.fhirtrials.model.GeoPoint;
import org.fhirtrials.patient.PatientDataException;
import org.fhirtrials.patient.PatientFacts;
import org.fhirtrials.patient.PatientFactsReader;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/** The {@code trial-matching} patient-view service: request → patient facts → ranked cards. */
public final class TrialMatchingHook {
  public static final String ID = "trial-matching";
  static final String TITLE = "Clinical trial matching";
  static final String DESCRIPTION =
      "Shows recruiting clinical trials the patient is eligible or possibly eligible for, with the"
          + " criteria met, not met and still unknown.";

  /** The HL7 geolocation extension on Address (latitude / longitude sub-extensions). */
  static final String GEOLOCATION = "http://hl7.org/fhir/StructureDefinition/geolocation";

  private final TrialMatchService matcher;
  private final PatientDataLoader loader;
  private final TrialCards cards;
  private final CdsProperties properties;
  private final MatchConfig.AsOf asOf;
  private final PatientFactsReader reader = new PatientFactsReader();

  TrialMatchingHook(
      TrialMatchService matcher,
      FhirServerFetcher fetcher,
      IssuedCards issued,
      CdsProperties properties,
      MatchConfig.AsOf asOf) {
    this.matcher = matcher;
    this.loader =
        new PatientDataLoader(
            fetcher, new FhirServerAllowList(properties.fetch().allowedServers()));
    this.cards = new TrialCards(fetcher.context(), properties, issued);
    this.properties = properties;
    this.asOf = asOf;
  }

  static Card.Service definition() {
    return new Card.Service(
        HookRequest.PATIENT_VIEW, TITLE, DESCRIPTION, ID, PrefetchTemplates.all());
  }

  Card.Response call(HookRequest request, String baseUrl) {
    List<Resource> resources = loader.load(request);
    PatientFacts facts;
    try {
      facts = reader.readR4(resources);
    } catch (PatientDataException e) {
      throw CdsException.badRequest("patient data cannot be read: " + e.getMessage());
    }
    GeoPoint home = location(resources);
    MatchFilter filter = new MatchFilter(properties.phases(), properties.statuses(), home, null);
    List<TrialMatch> ranked =
        matcher
            .match(facts, filter, this::conditionAllowed, asOf.get(), properties.maxCards(), false)
            .matches();
    List<Card> out = cards.cards(ranked, request.patientId(), baseUrl);
    return new Card.Response(out);
  }

  private boolean conditionAllowed(TrialTraits trial) {
    if (properties.conditions().isEmpty()) {
      return true;
    }
    for (String c : trial.conditions()) {
      String lc = c.toLowerCase(Locale.ROOT);
      for (String wanted : properties.conditions()) {
        if (lc.contains(wanted.toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The first patient address with geolocation coordinates, or null. */
  static GeoPoint location(List<Resource> resources) {
    for (Resource r : resources) {
      if (r instanceof Patient p) {
        for (Address a : p.getAddress()) {
          Extension geo = a.getExtensionByUrl(GEOLOCATION);
          if (geo == null) {
            continue;
          }
          Double lat = decimal(geo.getExtensionByUrl("latitude"));
          Double lon = decimal(geo.getExtensionByUrl("longitude"));
          if (lat != null && lon != null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
            return new GeoPoint(lat, lon);
          }
        }
      }
    }
    return null;
  }

  private static Double decimal(Extension e) {
    if (e != null && e.getValue() instanceof DecimalType d && d.getValue() != null) {
      return d.getValue().doubleValue();
    }
    return null;
  }
}
