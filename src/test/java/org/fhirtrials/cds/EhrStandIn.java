package org.fhirtrials.cds;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * An EHR's FHIR R4 server for tests: HAPI's RestfulServer in an embedded Tomcat on a random
 * loopback port, serving one patient's resources. Patient {@code slow} answers after {@link
 * #SLOW_MILLIS}; unknown patients are 404. Every Authorization header received is recorded.
 */
final class EhrStandIn implements AutoCloseable {
  static final String SLOW_PATIENT = "slow";
  static final long SLOW_MILLIS = 3_000;
  static final int PAGE_SIZE = 4;

  final Queue<String> authorizations = new ConcurrentLinkedQueue<>();
  final Queue<String> requests = new ConcurrentLinkedQueue<>();
  private final Tomcat tomcat;
  private final String base;
  private final boolean shared;
  private volatile List<Resource> data;

  /**
   * Patient {@code moved} answers 302 to {@link #redirectTo}{@code /Patient/p}: a server that sends
   * the service (and its bearer token) elsewhere.
   */
  static final String MOVED_PATIENT = "moved";

  volatile String redirectTo = "http://127.0.0.1:1/fhir";

  EhrStandIn(Bundle data) throws Exception {
    this(data, false);
  }

  /**
   * A stand-in that outlives {@link #close()}: the service's allow-list names its port, so one
   * instance is bound once per test class and {@link #serve(Bundle)} swaps its data per test.
   * (Re-binding a fixed port for each test raced with other processes taking it.)
   */
  static EhrStandIn shared() throws Exception {
    return new EhrStandIn(new Bundle(), true);
  }

  private EhrStandIn(Bundle data, boolean shared) throws Exception {
    this.shared = shared;
    serve(data);
    FhirContext ctx = FhirContext.forR4();
    RestfulServer server = new RestfulServer(ctx);
    FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(10);
    paging.setDefaultPageSize(PAGE_SIZE);
    paging.setMaximumPageSize(PAGE_SIZE);
    server.setPagingProvider(paging);
    List<IResourceProvider> providers = new ArrayList<>();
    providers.add(new PatientProvider());
    for (String type :
        List.of(
            "Condition", "Observation", "Procedure", "MedicationStatement", "MedicationRequest")) {
      providers.add(new SearchProvider(ctx.getResourceDefinition(type).getImplementingClass()));
    }
    server.setResourceProviders(providers);
    server.registerInterceptor(new Recorder());

    tomcat = new Tomcat();
    Path dir = Files.createTempDirectory("ehr-standin");
    tomcat.setBaseDir(dir.toString());
    tomcat.setHostname("127.0.0.1");
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    tomcat.getConnector().setThrowOnFailure(true);
    Context context = tomcat.addContext("", dir.toString());
    Tomcat.addServlet(context, "fhir", server);
    context.addServletMappingDecoded("/fhir/*", "fhir");
    tomcat.start();
    base = "http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/fhir";
  }

  String base() {
    return base;
  }

  int port() {
    return tomcat.getConnector().getLocalPort();
  }

  /** Serves {@code bundle} from now on, with the request log cleared and no redirect target. */
  EhrStandIn serve(Bundle bundle) {
    List<Resource> resources = new ArrayList<>();
    for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
      Resource r = e.getResource().copy();
      if (!r.hasIdElement() || r.getIdElement().getIdPart() == null) {
        r.setId(r.fhirType() + "/r" + resources.size());
      }
      resources.add(r);
    }
    data = List.copyOf(resources);
    authorizations.clear();
    requests.clear();
    redirectTo = "http://127.0.0.1:1/fhir";
    return this;
  }

  /** Stops the server; a {@link #shared()} one only forgets its data. */
  @Override
  public void close() throws LifecycleException {
    if (shared) {
      serve(new Bundle());
      return;
    }
    stop();
  }

  void stop() throws LifecycleException {
    tomcat.stop();
    tomcat.destroy();
  }

  /** Records every request, page fetches ({@code ?_getpages=}) included. */
  public final class Recorder {
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
    public boolean incoming(HttpServletRequest request, HttpServletResponse response)
        throws java.io.IOException {
      record(request);
      if (request.getRequestURI().endsWith("/Patient/" + MOVED_PATIENT)) {
        response.sendRedirect(redirectTo + "/Patient/p");
        return false;
      }
      return true;
    }
  }

  private void record(HttpServletRequest request) {
    String auth = request.getHeader("Authorization");
    authorizations.add(auth == null ? "" : auth);
    requests.add(
        request.getRequestURI()
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
  }

  public final class PatientProvider implements IResourceProvider {

    @Override
    public Class<Patient> getResourceType() {
      return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id, HttpServletRequest request)
        throws InterruptedException {
      if (SLOW_PATIENT.equals(id.getIdPart())) {
        Thread.sleep(SLOW_MILLIS);
      }
      for (Resource r : data) {
        if (r instanceof Patient p && p.getIdElement().getIdPart().equals(id.getIdPart())) {
          return p;
        }
      }
      throw new ResourceNotFoundException(id);
    }
  }

  public final class SearchProvider implements IResourceProvider {
    private final Class<? extends IBaseResource> type;

    SearchProvider(Class<? extends IBaseResource> type) {
      this.type = type;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
      return type;
    }

    @Search(allowUnknownParams = true)
    public IBundleProvider search(
        @RequiredParam(name = "patient") ReferenceParam patient,
        @IncludeParam(allow = {"MedicationRequest:medication"}) Set<Include> includes,
        @Sort SortSpec sort,
        HttpServletRequest request) {
      List<IBaseResource> out = new ArrayList<>();
      for (Resource r : data) {
        if (type.isInstance(r)) {
          out.add(r);
        }
      }
      return new SimpleBundleProvider(out);
    }
  }
}
