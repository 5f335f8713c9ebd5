package org.fhirtrials.patient;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Parses patient bundles for tests (one FhirContext per version, they are expensive). */
final class Fixtures {
  static final FhirContext R4 = FhirContext.forR4Cached();
  static final FhirContext R5 = FhirContext.forR5Cached();

  private Fixtures() {}

  static org.hl7.fhir.r4.model.Bundle r4(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/patients/" + name)) {
      return R4.newJsonParser().parseResource(org.hl7.fhir.r4.model.Bundle.class, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses keeping invalid primitive values (HAPI's default rejects them at parse time), as a
   * lenient client or a Bundle built in code would hand them to the reader.
   */
  static org.hl7.fhir.r4.model.Bundle r4Lenient(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/patients/" + name)) {
      return R4.newJsonParser()
          .setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(false))
          .parseResource(org.hl7.fhir.r4.model.Bundle.class, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static org.hl7.fhir.r5.model.Bundle r5(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/patients/" + name)) {
      return R5.newJsonParser().parseResource(org.hl7.fhir.r5.model.Bundle.class, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static org.hl7.fhir.r4.model.Bundle r4(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return R4.newJsonParser().parseResource(org.hl7.fhir.r4.model.Bundle.class, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
