package org.fhirtrials.mapping;

import java.util.Optional;

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
  /** What {@code .} in a regular expression does not match. */
  private static final String LINE_END = "\n\r\u0085\u2028\u2029";

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
    // "NCT" and 8 digits, alone or before '-' and anything on one line (asked for every entry of
    // every page: checked by hand, several times cheaper than a regular expression)
    if (id.length() < 11 || !id.startsWith("NCT") || id.length() > 11 && id.charAt(11) != '-') {
      return Optional.empty();
    }
    for (int i = 3; i < 11; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.empty();
      }
    }
    for (int i = 12; i < id.length(); i++) {
      if (LINE_END.indexOf(id.charAt(i)) >= 0) {
        return Optional.empty();
      }
    }
    return Optional.of(id.length() == 11 ? id : id.substring(0, 11));
  }
}
