package org.fhirtrials.mapping;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stable, version-neutral logical ids of the resources derived from one trial (DESIGN D2: the same
 * ids on R4 and R5). Every id starts with the trial's NCT id, so any resource can be resolved back
 * to its trial with {@link #trialOf(String)}. Indexes are 1-based, in record order.
 *
 * <pre>
 * ResearchStudy/NCT06310590
 * PlanDefinition/NCT06310590                      protocol (arms and interventions)
 * Group/NCT06310590-eligibility                  eligibility criteria
 * Location/NCT06310590-site-3                    third site
 * Organization/NCT06310590-sponsor               lead sponsor
 * Organization/NCT06310590-collaborator-2        second collaborator
 * Practitioner/NCT06310590-official-1            first overall official
 * PractitionerRole/NCT06310590-official-1
 * PractitionerRole/NCT06310590-contact-1         first central contact
 * PractitionerRole/NCT06310590-site-3-contact-1  first contact of the third site
 * Practitioner/... same suffixes as PractitionerRole for contacts that name a person
 * </pre>
 */
public final class ResourceIds {
  private static final Pattern NCT = Pattern.compile("^(NCT\\d{8})(?:-.*)?$");

  private ResourceIds() {}

  public static String study(String nctId) {
    return nctId;
  }

  public static String protocol(String nctId) {
    return nctId;
  }

  public static String eligibility(String nctId) {
    return nctId + "-eligibility";
  }

  public static String site(String nctId, int index) {
    return nctId + "-site-" + index;
  }

  public static String leadSponsor(String nctId) {
    return nctId + "-sponsor";
  }

  public static String collaborator(String nctId, int index) {
    return nctId + "-collaborator-" + index;
  }

  public static String official(String nctId, int index) {
    return nctId + "-official-" + index;
  }

  public static String centralContact(String nctId, int index) {
    return nctId + "-contact-" + index;
  }

  public static String siteContact(String nctId, int siteIndex, int contactIndex) {
    return nctId + "-site-" + siteIndex + "-contact-" + contactIndex;
  }

  /** The NCT id a derived resource id belongs to; empty when the id is not one of ours. */
  public static Optional<String> trialOf(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Matcher m = NCT.matcher(id);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
