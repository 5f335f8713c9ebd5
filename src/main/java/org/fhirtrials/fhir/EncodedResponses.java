package org.fhirtrials.fhir;

import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.api.server.IRestfulResponse;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import ca.uhn.fhir.util.DateUtils;
import ca.uhn.fhir.util.FhirTerser;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPOutputStream;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Serves reads and search pages from the cached JSON of each stored resource version instead of
 * encoding the resources per request (the bulk of a request's CPU). HAPI still runs the request:
 * method binding, {@code If-None-Match}, interceptors, paging; the response is written here through
 * HAPI's own response object (so gzip and the common headers are HAPI's), with the headers HAPI
 * would add ({@code ETag}, {@code Last-Modified}, {@code Content-Location}, content type) and the
 * body HAPI would encode, taken from the cache. A search page is the Bundle HAPI built, encoded by
 * HAPI without its entries, which are written here around each resource's cached JSON (or, for an
 * entry with more than {@link PlainEntry}'s parts, encoded with a placeholder per entry resource,
 * each placeholder then replaced by that resource's cached JSON); the parts are written as they
 * are, with a {@code Content-Length}.
 *
 * <p>Only requests whose encoding is the cached one take this path: JSON, not pretty, no {@code
 * _summary} (other than {@code false}), {@code _elements}, {@code _count=0} or explicit {@code
 * _pretty}; browsers are answered by HAPI's highlighter, which runs first. Everything else, and
 * every other operation ({@code $match}, {@code $validate}, capabilities), is encoded by HAPI.
 * {@code EncodedResponsesIT} proves the bodies and headers equal HAPI's own.
 */
@Interceptor
public final class EncodedResponses {
  /** After HAPI's response highlighter (order 10000), which answers browsers. */
  static final int ORDER = 20_000;

  /** Before every other hook (paging links, the highlighter). */
  static final int REALISE_ORDER = -1_000;

  private static final JsonStringEncoder JSON = JsonStringEncoder.getInstance();

  private static final Set<RestOperationTypeEnum> CACHED =
      Set.of(
          RestOperationTypeEnum.READ,
          RestOperationTypeEnum.SEARCH_TYPE,
          RestOperationTypeEnum.GET_PAGE);

  /** Request user data key of the {@link #plain} decision. */
  private static final String PLAIN = EncodedResponses.class.getName() + ".plain";

  private final TrialResources resources;
  private final FhirContext ctx;
  private final LongAdder served = new LongAdder();

  /**
   * The JSON of the placeholder of each entry position, as HAPI encodes it (the same every time).
   */
  private final Map<Integer, String> placeholderJson = new ConcurrentHashMap<>();

  public EncodedResponses(TrialResources resources) {
    this.resources = resources;
    this.ctx = resources.context();
  }

  /**
   * Before any other hook sees a search page that will not be served from cached JSON (another
   * encoding, {@code _summary}, {@code _elements}, a browser), its stand-ins become full copies.
   */
  @Hook(value = Pointcut.SERVER_OUTGOING_RESPONSE, order = REALISE_ORDER)
  public boolean realise(RequestDetails request, ResponseDetails response) {
    if (response.getResponseResource() instanceof IBaseBundle bundle && !plain(request)) {
      FhirTerser terser = ctx.newTerser();
      for (IBase entry : terser.getValues(bundle, "Bundle.entry")) {
        IBaseResource resource =
            terser.getSingleValueOrNull(entry, "resource", IBaseResource.class);
        if (resource != null) {
          setResource(entry, resources.realise(resource));
        }
      }
    }
    return true;
  }

  @Hook(value = Pointcut.SERVER_OUTGOING_RESPONSE, order = ORDER)
  public boolean substitute(RequestDetails request, ResponseDetails response) throws IOException {
    IBaseResource resource = response.getResponseResource();
    if (resource == null || !plain(request)) {
      return true;
    }
    String base = request.getFhirServerBase();
    IRestfulResponse out = request.getResponse();
    List<byte[]> body;
    if (resource instanceof IBaseBundle bundle) {
      body = bundle(bundle, base);
    } else if (resource.getMeta().getVersionId() != null) {
      body = List.of(resources.json(resource, base));
      // the headers HAPI adds to a read (RestfulServerUtils.streamResponseAsResource)
      out.addHeader(
          Constants.HEADER_CONTENT_LOCATION,
          resource.getIdElement().withServerBase(base, ctx.getResourceType(resource)).getValue());
      out.addHeader(
          Constants.HEADER_ETAG, RestfulServerUtils.createEtag(resource.getMeta().getVersionId()));
    } else {
      return true;
    }
    Date lastUpdated = resource.getMeta().getLastUpdated();
    if (lastUpdated != null) {
      out.addHeader(Constants.HEADER_LAST_MODIFIED, DateUtils.formatDate(lastUpdated));
    }
    String contentType =
        RestfulServerUtils.determineResponseEncodingWithDefault(request).getResourceContentType();
    boolean gzip = request.isRespondGzip();
    if (gzip) {
      out.addHeader(Constants.HEADER_CONTENT_ENCODING, Constants.ENCODING_GZIP);
    }
    served.increment(); // before the client can have the answer
    // the cached bytes as they are: no per-request string of the whole page, no re-encoding
    OutputStream stream =
        out.getResponseOutputStream(
            response.getResponseCode(),
            contentType,
            gzip ? null : body.stream().mapToInt(b -> b.length).sum());
    if (request instanceof ServletRequestDetails servlet) {
      // HAPI's stream path clears the charset its writer path declares
      servlet.getServletResponse().setCharacterEncoding(Constants.CHARSET_NAME_UTF8);
    }
    OutputStream target = gzip ? new GZIPOutputStream(stream) : stream;
    for (byte[] part : body) {
      target.write(part);
    }
    if (target instanceof GZIPOutputStream z) {
      z.finish();
    }
    out.commitResponse(stream);
    return false;
  }

  /** Responses served from cached JSON so far. */
  long served() {
    return served.sum();
  }

  /**
   * Whether HAPI would encode this request's response exactly as the cache holds it (and {@link
   * #substitute} will serve it from there). Decided once per request, so the provider that hands
   * out stand-ins and the hooks that serve or realise them agree.
   */
  static boolean plain(RequestDetails request) {
    if (request == null) {
      return false;
    }
    return (Boolean) request.getUserData().computeIfAbsent(PLAIN, k -> decide(request));
  }

  private static boolean decide(RequestDetails request) {
    if (!CACHED.contains(request.getRestOperationType())) {
      return false;
    }
    Map<String, String[]> params = request.getParameters();
    if (params.containsKey(Constants.PARAM_PRETTY)
        || params.containsKey(Constants.PARAM_ELEMENTS)
        || params.containsKey(Constants.PARAM_ELEMENTS + Constants.PARAM_ELEMENTS_EXCLUDE_MODIFIER)
        || params.containsKey(Constants.PARAM_NARRATIVE)
        || isZero(params.get(Constants.PARAM_COUNT))
        || mentionsHtml(params.get(Constants.PARAM_FORMAT))
        || mentionsHtml(new String[] {request.getHeader(Constants.HEADER_ACCEPT)})) {
      // HTML goes to HAPI's response highlighter, which renders the real resource
      return false;
    }
    if (!RestfulServerUtils.determineSummaryMode(request).equals(Set.of(SummaryEnum.FALSE))) {
      return false;
    }
    return RestfulServerUtils.determineResponseEncodingWithDefault(request).getEncoding()
            == EncodingEnum.JSON
        && !RestfulServerUtils.prettyPrintResponse(request.getServer(), request);
  }

  private static boolean mentionsHtml(String[] values) {
    if (values != null) {
      for (String v : values) {
        if (v != null && v.toLowerCase(java.util.Locale.ROOT).contains("html")) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isZero(String[] values) {
    return values != null && values.length > 0 && "0".equals(values[0]);
  }

  /** The Bundle as HAPI encodes it, with each entry resource's cached JSON. */
  List<byte[]> bundle(IBaseBundle bundle, String base) {
    List<byte[]> plain = plainBundle(bundle, base);
    return plain != null ? plain : withPlaceholders(bundle, base);
  }

  /**
   * A Bundle whose entries are all {@link PlainEntry plain} (every search page this server makes):
   * HAPI encodes it without its entries, and the entries are written here in HAPI's element order
   * and escaping (Jackson's, which HAPI's JSON writer uses). HAPI's encoder walks every element of
   * every entry by reflection, which took a quarter of a search's CPU. Null for any other Bundle.
   */
  private List<byte[]> plainBundle(IBaseBundle bundle, String base) {
    @SuppressWarnings("unchecked")
    List<IBase> live = (List<IBase>) resources.binding().entriesIfLast(bundle);
    if (live == null || live.isEmpty()) {
      return null;
    }
    List<PlainEntry> entries = new ArrayList<>(live.size());
    for (IBase entry : live) {
      PlainEntry plain = resources.binding().plainEntry(entry).orElse(null);
      if (plain == null) {
        return null;
      }
      entries.add(plain);
    }
    List<IBase> saved = new ArrayList<>(live);
    String envelope;
    live.clear();
    try {
      envelope = encode(bundle, base);
    } finally {
      live.addAll(saved);
    }
    if (!envelope.endsWith("}")) {
      throw new IllegalStateException("unexpected end of the encoded Bundle");
    }
    List<byte[]> out = new ArrayList<>(2 * entries.size() + 2);
    StringBuilder text = new StringBuilder(envelope.length() + 16);
    text.append(envelope, 0, envelope.length() - 1).append(",\"entry\":[");
    for (int i = 0; i < entries.size(); i++) {
      PlainEntry e = entries.get(i);
      text.append(i == 0 ? "{" : ",{");
      boolean first = true;
      if (e.fullUrl() != null) {
        member(text, "fullUrl").append('"').append(JSON.quoteAsString(e.fullUrl())).append('"');
        first = false;
      }
      if (e.resource() != null) {
        member(first ? text : text.append(','), "resource");
        out.add(text.toString().getBytes(StandardCharsets.UTF_8));
        out.add(resources.json(e.resource(), base));
        text.setLength(0);
        first = false;
      }
      if (e.mode() != null) {
        member(first ? text : text.append(','), "search").append('{');
        member(text, "mode").append('"').append(JSON.quoteAsString(e.mode())).append("\"}");
      }
      text.append('}');
    }
    text.append("]}");
    out.add(text.toString().getBytes(StandardCharsets.UTF_8));
    return out;
  }

  private static StringBuilder member(StringBuilder text, String name) {
    return text.append('"').append(name).append("\":");
  }

  /**
   * The Bundle as HAPI encodes it: each entry resource is swapped for a placeholder while the
   * Bundle is encoded, then the placeholder text is replaced by the resource's JSON.
   */
  private List<byte[]> withPlaceholders(IBaseBundle bundle, String base) {
    FhirTerser terser = ctx.newTerser();
    List<IBase> entries = terser.getValues(bundle, "Bundle.entry");
    List<IBaseResource> originals = new ArrayList<>(entries.size());
    List<String> placeholders = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      IBase entry = entries.get(i);
      IBaseResource original = terser.getSingleValueOrNull(entry, "resource", IBaseResource.class);
      originals.add(original);
      if (original == null) {
        placeholders.add(null);
        continue;
      }
      IBaseResource placeholder = ctx.getResourceDefinition("Basic").newInstance();
      placeholder.setId("fhirtrials-entry-" + i);
      setResource(entry, placeholder);
      placeholders.add(placeholderJson.computeIfAbsent(i, k -> encode(placeholder)));
    }
    String envelope;
    try {
      envelope = encode(bundle, base);
    } finally {
      for (int i = 0; i < entries.size(); i++) {
        if (originals.get(i) != null) {
          setResource(entries.get(i), originals.get(i));
        }
      }
    }
    List<byte[]> out = new ArrayList<>(2 * entries.size() + 1);
    int from = 0;
    for (int i = 0; i < entries.size(); i++) {
      if (placeholders.get(i) == null) {
        continue;
      }
      int at = envelope.indexOf(placeholders.get(i), from);
      if (at < 0) {
        throw new IllegalStateException("entry " + i + " not found in the encoded Bundle");
      }
      out.add(envelope.substring(from, at).getBytes(StandardCharsets.UTF_8));
      out.add(resources.json(originals.get(i), base));
      from = at + placeholders.get(i).length();
    }
    out.add(envelope.substring(from).getBytes(StandardCharsets.UTF_8));
    return out;
  }

  private void setResource(IBase entry, IBaseResource resource) {
    ((BaseRuntimeElementCompositeDefinition<?>) ctx.getElementDefinition(entry.getClass()))
        .getChildByName("resource")
        .getMutator()
        .setValue(entry, resource);
  }

  private String encode(IBaseResource resource) {
    return ctx.newJsonParser().encodeResourceToString(resource);
  }

  private String encode(IBaseBundle bundle, String base) {
    return ctx.newJsonParser()
        .setPrettyPrint(false)
        .setServerBaseUrl(base)
        .encodeResourceToString(bundle);
  }
}
