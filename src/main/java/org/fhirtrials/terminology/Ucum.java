package org.fhirtrials.terminology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;

/** The UCUM essence (org.fhir:ucum), loaded from its jar: the one place that reads it. */
public final class Ucum {
  private Ucum() {}

  /**
   * A new UCUM service. It is not thread-safe: callers that share one synchronise on it (see {@link
   * #shared()}); an engine that calls it internally should get its own.
   */
  public static UcumEssenceService load() {
    try (InputStream in = UcumEssenceService.class.getResourceAsStream("/ucum-essence.xml")) {
      if (in == null) {
        throw new IllegalStateException("ucum-essence.xml not on the classpath (org.fhir:ucum)");
      }
      return new UcumEssenceService(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UcumException e) {
      throw new IllegalStateException("cannot load the UCUM essence", e);
    }
  }

  /** One process-wide service, loaded on first use; synchronise on it around every call. */
  public static UcumEssenceService shared() {
    return Holder.SHARED;
  }

  private static final class Holder {
    static final UcumEssenceService SHARED = load();
  }
}
