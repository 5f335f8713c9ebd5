package org.fhirtrials.mapping.r4;

import java.util.Optional;
import org.fhirtrials.mapping.FhirUrls;
import org.fhirtrials.mapping.RegistryCodes;
import org.fhirtrials.mapping.RegistryCodes.Concept;
import org.fhirtrials.mapping.RegistryCodes.Domain;
import org.fhirtrials.model.Contact;
import org.fhirtrials.model.PartialDate;
import org.hl7.fhir.instance.model.api.IBaseExtension;
import org.hl7.fhir.instance.model.api.IBaseHasExtensions;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/** Small R4 datatype builders shared by the R4 mappers. */
final class R4Types {
  private R4Types() {}

  static Coding coding(Concept c) {
    return new Coding(c.system(), c.code(), c.display());
  }

  static CodeableConcept concept(Concept c, String text) {
    return new CodeableConcept().addCoding(coding(c)).setText(text);
  }

  static CodeableConcept text(String text) {
    return new CodeableConcept().setText(text);
  }

  /** The registry value as a coded concept when known, else as text only. */
  static CodeableConcept registry(Domain domain, String value) {
    CodeableConcept cc = new CodeableConcept().setText(RegistryCodes.display(value));
    domain.concept(value).ifPresent(c -> cc.addCoding(coding(c)));
    return cc;
  }

  static Reference ref(String type, String id) {
    return new Reference(type + "/" + id);
  }

  static Extension ext(String url, org.hl7.fhir.r4.model.Type value) {
    return new Extension(url, value);
  }

  static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  /** A date with its estimated flag as an extension on the primitive. */
  static DateTimeType date(PartialDate d) {
    DateTimeType t = new DateTimeType(d.value());
    t.addExtension(FhirUrls.EXT_ESTIMATED, new BooleanType(d.estimated()));
    return t;
  }

  static Optional<ContactPoint> phone(Contact c) {
    if (!present(c.phone())) {
      return Optional.empty();
    }
    // Lossy: ContactPoint has no extension element for a phone extension; it is appended.
    String value = present(c.phoneExt()) ? c.phone() + " ext. " + c.phoneExt() : c.phone();
    return Optional.of(
        new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(value));
  }

  static Optional<ContactPoint> email(Contact c) {
    if (!present(c.email())) {
      return Optional.empty();
    }
    return Optional.of(
        new ContactPoint().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(c.email()));
  }

  static void addString(IBaseHasExtensions e, String url, String value) {
    if (present(value)) {
      IBaseExtension<?, ?> ext = e.addExtension();
      ext.setUrl(url);
      ext.setValue(new StringType(value));
    }
  }
}
