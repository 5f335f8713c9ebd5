package org.fhirtrials.model;

import java.util.List;

/**
 * A trial location.
 *
 * @param facility facility name
 * @param status site recruitment status, null if not given
 * @param city city
 * @param state state or province
 * @param zip postal code
 * @param country country name as the registry spells it
 * @param geoPoint coordinates, null when the record has none
 * @param contacts site contacts and investigators
 */
public record Site(
    String facility,
    RecruitmentStatus status,
    String city,
    String state,
    String zip,
    String country,
    GeoPoint geoPoint,
    List<Contact> contacts) {
  public Site {
    contacts = Lists.copy(contacts);
  }
}
