package org.fhirtrials.cds.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The URL a CDS client called, {@code scheme://host[:port]/path}, which the token's {@code aud}
 * must equal (CDS Hooks 2.0: "the URL of the CDS Service endpoint being invoked"). Scheme and host
 * are lower-cased, the default port (80 for http, 443 for https) is left out, the path is the
 * request URI as sent (context path included, query string excluded).
 *
 * <p>Behind a reverse proxy or TLS terminator the server sees its internal address, not the one the
 * client called. Two ways to fix that:
 *
 * <ul>
 *   <li>{@code server.forward-headers-strategy=native|framework} (Spring Boot): the container
 *       rewrites scheme, host and port for the whole application; leave {@code
 *       fhirtrials.cds.trust-forwarded-headers} false.
 *   <li>{@code fhirtrials.cds.trust-forwarded-headers=true}: this class reads {@code
 *       X-Forwarded-Proto}, {@code X-Forwarded-Host} (may carry a port), {@code X-Forwarded-Port}
 *       and {@code X-Forwarded-Prefix} (first value of each; prefix prepended to the path), the
 *       same way Spring's {@code ForwardedHeaderFilter} does. {@code Forwarded} (RFC 7239) is not
 *       read.
 * </ul>
 *
 * Enable either only when a proxy you control sets (and overwrites) these headers: otherwise any
 * client can choose the audience it is checked against. With them off the headers are ignored.
 */
final class CdsServiceUrl {

  private static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
  private static final String X_FORWARDED_HOST = "X-Forwarded-Host";
  private static final String X_FORWARDED_PORT = "X-Forwarded-Port";
  private static final String X_FORWARDED_PREFIX = "X-Forwarded-Prefix";

  private static final int HTTP_DEFAULT_PORT = 80;
  private static final int HTTPS_DEFAULT_PORT = 443;

  /** A host name, IPv4 address or bracketed IPv6 literal, optionally with a port. */
  private static final Pattern HOST_AND_PORT =
      Pattern.compile("(?<host>[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+])(?::(?<port>\\d{1,5}))?");

  private static final Pattern PORT = Pattern.compile("\\d{1,5}");
  private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9._~%!$&'()*+,;=:@-]+)+/?");

  private CdsServiceUrl() {}

  static String of(HttpServletRequest request, boolean trustForwardedHeaders)
      throws CdsAuthenticationException {
    String scheme = request.getScheme().toLowerCase(Locale.ROOT);
    String host = bracketIpv6(request.getServerName());
    int port = request.getServerPort();
    String prefix = "";
    if (trustForwardedHeaders) {
      String proto = first(request.getHeader(X_FORWARDED_PROTO));
      if (proto != null) {
        scheme = proto.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
          throw badForwardedHeader(X_FORWARDED_PROTO, proto);
        }
        port = defaultPort(scheme);
      }
      String forwardedPort = first(request.getHeader(X_FORWARDED_PORT));
      if (forwardedPort != null) {
        if (!PORT.matcher(forwardedPort).matches()) {
          throw badForwardedHeader(X_FORWARDED_PORT, forwardedPort);
        }
        port = Integer.parseInt(forwardedPort);
      }
      String forwardedHost = first(request.getHeader(X_FORWARDED_HOST));
      if (forwardedHost != null) {
        var matcher = HOST_AND_PORT.matcher(forwardedHost);
        if (!matcher.matches()) {
          throw badForwardedHeader(X_FORWARDED_HOST, forwardedHost);
        }
        host = matcher.group("host");
        if (matcher.group("port") != null) {
          port = Integer.parseInt(matcher.group("port"));
        } else if (forwardedPort == null) {
          port = defaultPort(scheme);
        }
      }
      String forwardedPrefix = first(request.getHeader(X_FORWARDED_PREFIX));
      if (forwardedPrefix != null) {
        if (!PREFIX.matcher(forwardedPrefix).matches()) {
          throw badForwardedHeader(X_FORWARDED_PREFIX, forwardedPrefix);
        }
        prefix =
            forwardedPrefix.endsWith("/")
                ? forwardedPrefix.substring(0, forwardedPrefix.length() - 1)
                : forwardedPrefix;
      }
    }
    StringBuilder url =
        new StringBuilder(scheme).append("://").append(host.toLowerCase(Locale.ROOT));
    if (port > 0 && port != defaultPort(scheme)) {
      url.append(':').append(port);
    }
    return url.append(prefix).append(request.getRequestURI()).toString();
  }

  private static int defaultPort(String scheme) {
    return scheme.equals("https") ? HTTPS_DEFAULT_PORT : HTTP_DEFAULT_PORT;
  }

  private static String bracketIpv6(String host) {
    return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** First element of a comma-separated header value (proxies append), or null. */
  private static String first(String headerValue) {
    if (headerValue == null) {
      return null;
    }
    int comma = headerValue.indexOf(',');
    String value = (comma < 0 ? headerValue : headerValue.substring(0, comma)).strip();
    return value.isEmpty() ? null : value;
  }

  private static CdsAuthenticationException badForwardedHeader(String name, String value) {
    return CdsAuthenticationException.invalidRequest(
        "cannot determine the service URL: malformed "
            + name
            + " header "
            + CdsJwtVerifier.echo(value));
  }
}
