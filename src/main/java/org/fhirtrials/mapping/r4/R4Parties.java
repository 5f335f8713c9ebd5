package org.fhirtrials.mapping.r4;

import static org.fhirtrials.mapping.r4.R4Types.present;
import static org.fhirtrials.mapping.r4.R4Types.ref;

import java.util.ArrayList;
import java.util.List;
import org.fhirtrials.mapping.Countries;
import org.fhirtrials.mapping.FhirUrls;
import org.fhirtrials.mapping.RegistryCodes;
import org.fhirtrials.mapping.RegistryCodes.Domain;
import org.fhirtrials.mapping.ResourceIds;
import org.fhirtrials.model.Contact;
import org.fhirtrials.model.Official;
import org.fhirtrials.model.Site;
import org.fhirtrials.terminology.Terminology;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** R4 Organization, Practitioner(Role) and Location resources of a trial. */
final class R4Parties {
  private R4Parties() {}

  static Organization organization(String id, org.fhirtrials.model.Organization org) {
    Organization o = new Organization();
    o.setId(id);
    o.setName(org.name());
    if (org.agencyClass() != null) {
      CodeableConcept type = R4Types.registry(Domain.AGENCY_CLASS, org.agencyClass());
      RegistryCodes.organizationType(org.agencyClass())
          .ifPresent(code -> type.addCoding(new Coding(Terminology.ORGANIZATION_TYPE, code, null)));
      o.addType(type);
    }
    return o;
  }

  /** Practitioner + PractitionerRole for an overall official; returns [Practitioner, Role]. */
  static List<Resource> official(String id, Official official) {
    Practitioner p = new Practitioner();
    p.setId(id);
    // The registry name keeps degrees ("Jane Doe, MD"): kept as text, not parsed into parts.
    p.addName().setText(official.name());
    PractitionerRole role = new PractitionerRole();
    role.setId(id);
    role.setPractitioner(ref("Practitioner", id).setDisplay(official.name()));
    if (present(official.affiliation())) {
      // No Organization resource for affiliations: display-only reference.
      role.setOrganization(new Reference().setDisplay(official.affiliation()));
    }
    role.addCode(roleCode(official.role()));
    return List.of(p, role);
  }

  /**
   * PractitionerRole (and a Practitioner when the contact is an investigator, i.e. names a person)
   * for a central or site contact.
   */
  static List<Resource> contact(String id, Contact contact, Reference location) {
    List<Resource> out = new ArrayList<>();
    PractitionerRole role = new PractitionerRole();
    role.setId(id);
    boolean investigator = contact.role() != null && !"CONTACT".equals(contact.role());
    if (investigator && present(contact.name())) {
      Practitioner p = new Practitioner();
      p.setId(id);
      p.addName().setText(contact.name());
      out.add(p);
      role.setPractitioner(ref("Practitioner", id).setDisplay(contact.name()));
    } else if (present(contact.name())) {
      role.setPractitioner(new Reference().setDisplay(contact.name()));
    }
    role.addCode(roleCode(contact.role() == null ? "CONTACT" : contact.role()));
    if (location != null) {
      role.addLocation(location);
    }
    R4Types.phone(contact).ifPresent(role::addTelecom);
    R4Types.email(contact).ifPresent(role::addTelecom);
    out.add(role); // after its Practitioner, as for officials
    return out;
  }

  static CodeableConcept roleCode(String registryRole) {
    CodeableConcept cc =
        registryRole == null
            ? new CodeableConcept().setText("Official")
            : R4Types.registry(Domain.ROLE, registryRole);
    if (registryRole != null && !"CONTACT".equals(registryRole)) {
      cc.addCoding(
          new Coding(
              Terminology.PRACTITIONER_ROLE, Terminology.PRACTITIONER_ROLE_RESEARCHER, null));
    }
    return cc;
  }

  /** Location for a site, followed by its contacts' roles. */
  static List<Resource> site(String nctId, int index, Site site) {
    List<Resource> out = new ArrayList<>();
    String id = ResourceIds.site(nctId, index);
    Location l = new Location();
    l.setId(id);
    l.setMode(Location.LocationMode.INSTANCE);
    l.setName(present(site.facility()) ? site.facility() : null);
    Address a = new Address();
    a.setCity(site.city()).setState(site.state()).setPostalCode(site.zip());
    // Address.country keeps the registry's name; the ISO code goes into the study's jurisdiction.
    a.setCountry(site.country());
    if (!a.isEmpty()) {
      l.setAddress(a);
    }
    if (site.geoPoint() != null) {
      l.getPosition()
          .setLatitudeElement(new DecimalType(site.geoPoint().lat()))
          .setLongitudeElement(new DecimalType(site.geoPoint().lon()));
    }
    if (site.status() != null) {
      l.addExtension(
          FhirUrls.EXT_RECRUITMENT_STATUS,
          R4Types.coding(Domain.RECRUITMENT_STATUS.concept(site.status().name()).orElseThrow()));
    }
    for (Contact c : site.contacts()) {
      R4Types.phone(c).ifPresent(l::addTelecom);
      R4Types.email(c).ifPresent(l::addTelecom);
    }
    out.add(l);
    int ci = 1;
    for (Contact c : site.contacts()) {
      out.addAll(contact(ResourceIds.siteContact(nctId, index, ci++), c, ref("Location", id)));
    }
    return out;
  }

  /** Jurisdiction concept for a country name: ISO 3166 when recognised, text always. */
  static CodeableConcept country(String name) {
    CodeableConcept cc = new CodeableConcept().setText(name);
    Countries.isoCode(name)
        .ifPresent(code -> cc.addCoding(new Coding(Terminology.ISO_3166, code, null)));
    return cc;
  }
}
