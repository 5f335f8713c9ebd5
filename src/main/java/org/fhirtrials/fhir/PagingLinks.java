package org.fhirtrials.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.util.BundleUtil;
import ca.uhn.fhir.util.FhirTerser;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

/**
 * Adds the {@code first} and {@code last} links HAPI's plain server leaves out of a paged searchset
 * (it writes {@code self}, {@code next} and {@code previous}): the same stored result, at offset 0
 * and at the start of the last page. HAPI's R5 {@code prev} is written {@code previous}, the
 * relation the FHIR search page names, as on R4.
 */
@Interceptor
public final class PagingLinks {
  private static final Pattern OFFSET = Pattern.compile("([?&]_getpagesoffset=)(\\d+)");
  private static final Pattern COUNT = Pattern.compile("[?&]_count=(\\d+)");

  private final FhirContext ctx;

  public PagingLinks(FhirContext ctx) {
    this.ctx = ctx;
  }

  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public boolean addFirstAndLast(ResponseDetails response) {
    if (!(response.getResponseResource() instanceof IBaseBundle bundle)
        || !"searchset".equals(BundleUtil.getBundleType(ctx, bundle))) {
      return true;
    }
    FhirTerser terser = ctx.newTerser();
    for (IBase link : terser.getValues(bundle, "Bundle.link")) {
      for (IBase relation : terser.getValues(link, "relation")) {
        if (relation instanceof IPrimitiveType<?> p && "prev".equals(p.getValueAsString())) {
          p.setValueAsString("previous");
        }
      }
    }
    String template = BundleUtil.getLinkUrlOfType(ctx, bundle, "next");
    if (template == null) {
      template = BundleUtil.getLinkUrlOfType(ctx, bundle, "previous");
    }
    Integer total = BundleUtil.getTotal(ctx, bundle);
    Matcher count = template == null ? null : COUNT.matcher(template);
    if (total == null || count == null || !count.find() || !OFFSET.matcher(template).find()) {
      return true;
    }
    int pageSize = Math.max(1, Integer.parseInt(count.group(1)));
    int last = Math.max(0, (total - 1) / pageSize * pageSize);
    add(bundle, "first", offset(template, 0));
    add(bundle, "last", offset(template, last));
    return true;
  }

  private static String offset(String url, int offset) {
    return OFFSET.matcher(url).replaceFirst("$1" + offset);
  }

  private void add(IBaseBundle bundle, String relation, String url) {
    if (BundleUtil.getLinkUrlOfType(ctx, bundle, relation) != null) {
      return;
    }
    FhirTerser terser = ctx.newTerser();
    IBase link = terser.addElement(bundle, "link");
    terser.addElement(link, "relation", relation);
    terser.addElement(link, "url", url);
  }
}
