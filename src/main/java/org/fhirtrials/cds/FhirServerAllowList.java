package org.fhirtrials.cds;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The FHIR servers this service may call with a CDS client's access token ({@code
 * fhirtrials.cds.fetch.allowed-servers}). A request's {@code fhirServer} is chosen by the caller,
 * so without this list the service could be made to send a patient-data token, or its own network
 * position, anywhere (token leakage, server-side request forgery).
 *
 * <p>Default: empty, which allows no server. Data missing from prefetch is then not fetched and the
 * call answers 412 naming this setting: a hospital lists its own EHR's FHIR base(s) explicitly.
 *
 * <p>Matching: scheme, host and port exactly (case-insensitive host; default ports filled in), and
 * the path equal to the entry's or below it at a segment boundary ({@code https://ehr/fhir} allows
 * {@code https://ehr/fhir/tenant-a}, never {@code https://ehr/fhir-evil}). An {@code http} entry
 * must be listed as such: {@code https://ehr} does not allow {@code http://ehr}.
 */
final class FhirServerAllowList {
  private record Base(String scheme, String host, int port, String path) {}

  private final List<Base> allowed;

  FhirServerAllowList(List<String> entries) {
    List<Base> out = new ArrayList<>();
    for (String e : entries) {
      try {
        out.add(base(new URI(e)));
      } catch (URISyntaxException | IllegalArgumentException x) {
        throw new IllegalArgumentException(
            "fhirtrials.cds.fetch.allowed-servers: '"
                + e
                + "' is not an absolute http(s) base URL without query, fragment or user info",
            x);
      }
    }
    this.allowed = List.copyOf(out);
  }

  boolean isEmpty() {
    return allowed.isEmpty();
  }

  /** The configured bases, for the log. */
  List<String> describe() {
    return allowed.stream()
        .map(b -> b.scheme() + "://" + b.host() + ":" + b.port() + b.path())
        .toList();
  }

  /**
   * Refuses a {@code fhirServer} the service must not call (412: the data cannot be had), before
   * any connection is made.
   */
  void check(URI fhirServer) {
    Base b;
    try {
      b = base(fhirServer);
    } catch (IllegalArgumentException e) {
      throw CdsException.badRequest(
          "fhirServer must be an absolute http(s) base URL without query, fragment, user info,"
              + " dot segments or percent-encoding, was '"
              + fhirServer
              + "'");
    }
    for (Base a : allowed) {
      if (a.scheme().equals(b.scheme())
          && a.host().equals(b.host())
          && a.port() == b.port()
          && (b.path().equals(a.path()) || b.path().startsWith(a.path() + "/"))) {
        return;
      }
    }
    throw CdsException.preconditionFailed(
        "data missing from prefetch cannot be fetched: fhirServer "
            + fhirServer
            + " is not on this service's allow-list"
            + (allowed.isEmpty() ? " (none configured)" : "")
            + "; send the data as prefetch, or have the service operator add the server to"
            + " fhirtrials.cds.fetch.allowed-servers");
  }

  /** Normalised base; IllegalArgumentException when not a plain http(s) base URL. */
  private static Base base(URI u) {
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("not http(s)");
    }
    if (u.getHost() == null
        || u.getRawUserInfo() != null
        || u.getRawQuery() != null
        || u.getRawFragment() != null) {
      throw new IllegalArgumentException("not a plain base URL");
    }
    String path = u.getRawPath() == null ? "" : u.getRawPath();
    for (String segment : path.split("/")) {
      if (segment.equals(".") || segment.equals("..") || segment.contains("%")) {
        throw new IllegalArgumentException("dot or encoded segment");
      }
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    int port = u.getPort() >= 0 ? u.getPort() : scheme.equals("https") ? 443 : 80;
    return new Base(scheme, u.getHost().toLowerCase(Locale.ROOT), port, path);
  }
}
