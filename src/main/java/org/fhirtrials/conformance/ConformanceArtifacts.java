package org.fhirtrials.conformance;

import ca.uhn.fhir.context.FhirVersionEnum;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fhirtrials.mapping.FhirUrls;
import org.fhirtrials.mapping.RegistryCodes;
import org.fhirtrials.mapping.RegistryCodes.Domain;
import org.fhirtrials.search.SearchParamRegistry;
import org.hl7.fhir.convertors.factory.VersionConvertorFactory_40_50;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.model.BooleanType;
import org.hl7.fhir.r5.model.CodeSystem;
import org.hl7.fhir.r5.model.CodeType;
import org.hl7.fhir.r5.model.ElementDefinition;
import org.hl7.fhir.r5.model.ElementDefinition.DiscriminatorType;
import org.hl7.fhir.r5.model.ElementDefinition.SlicingRules;
import org.hl7.fhir.r5.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r5.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r5.model.Enumerations.SearchParamType;
import org.hl7.fhir.r5.model.Enumerations.VersionIndependentResourceTypesAll;
import org.hl7.fhir.r5.model.Resource;
import org.hl7.fhir.r5.model.SearchParameter;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.model.StructureDefinition.ExtensionContextType;
import org.hl7.fhir.r5.model.StructureDefinition.StructureDefinitionKind;
import org.hl7.fhir.r5.model.StructureDefinition.TypeDerivationRule;
import org.hl7.fhir.r5.model.UriType;

/**
 * Generates the project's conformance resources for R4 or R5: extension and profile
 * StructureDefinitions (differential only; snapshots are generated at load time), the registry
 * CodeSystems and the custom SearchParameters. Built with the R5 model and converted to R4 with the
 * HL7 version convertor, so both versions say the same thing. Deterministic: no dates.
 */
public final class ConformanceArtifacts {
  private static final String PUBLISHER = "fhir-trials";
  private static final String VERSION = "0.1.0";

  private ConformanceArtifacts() {}

  /** Every conformance resource for the version, in a stable order. */
  public static List<IBaseResource> forVersion(FhirVersionEnum version) {
    boolean r4 = version == FhirVersionEnum.R4;
    List<Resource> r5 = new ArrayList<>();
    for (ExtensionDef def : Extensions.ALL) {
      List<String> contexts = r4 ? def.r4Contexts() : def.r5Contexts();
      if (!contexts.isEmpty()) {
        r5.add(extension(def, contexts));
      }
    }
    r5.add(studyProfile());
    r5.add(groupProfile(r4));
    for (Domain d : Domain.values()) {
      r5.add(codeSystem(d));
    }
    r5.add(
        searchParameter(
            "recruitment-status",
            "Exact ClinicalTrials.gov recruitment status (e.g. RECRUITING)",
            "ResearchStudy.extension('" + FhirUrls.EXT_RECRUITMENT_STATUS + "').value"));
    if (r4) {
      r5.add(
          searchParameter(
              "condition", "Condition studied (R5 has it built in)", "ResearchStudy.condition"));
      r5.add(searchParameter("phase", "Study phase (R5 has it built in)", "ResearchStudy.phase"));
      r5.add(
          reference(
              searchParameter(
                  SearchParamRegistry.ENROLLMENT,
                  "The eligibility Group (R4 has no search parameter for ResearchStudy.enrollment)",
                  SearchParamRegistry.ENROLLMENT_EXPRESSION),
              "Group"));
    } else {
      r5.add(
          reference(
              searchParameter(
                  SearchParamRegistry.SPONSOR,
                  "The lead sponsor: associatedParty with role lead-sponsor (R5 has no sponsor"
                      + " search parameter)",
                  SearchParamRegistry.SPONSOR_EXPRESSION_R5),
              "Organization"));
    }
    SearchParameter near =
        searchParameter(
            SearchParamRegistry.NEAR,
            "Trials with a site within a distance of a point: lat|lon|distance|unit (unit km, m or"
                + " mi; default 50 km); _sort=near orders by the nearest site",
            SearchParamRegistry.NEAR_EXPRESSION);
    near.setType(SearchParamType.SPECIAL);
    r5.add(near);
    r5.add(MatchArtifacts.matchResultExtension());
    r5.add(MatchArtifacts.operationDefinition());
    if (!r4) {
      return List.copyOf(r5);
    }
    return r5.stream().map(ConformanceArtifacts::toR4).toList();
  }

  private static IBaseResource toR4(Resource r5) {
    org.hl7.fhir.r4.model.Resource r4 = VersionConvertorFactory_40_50.convertResource(r5);
    if (r4 instanceof org.hl7.fhir.r4.model.StructureDefinition sd) {
      sd.setFhirVersion(org.hl7.fhir.r4.model.Enumerations.FHIRVersion._4_0_1);
    }
    return r4;
  }

  private static <T extends org.hl7.fhir.r5.model.CanonicalResource> T common(
      T r, String id, String url, String title, String description) {
    r.setId(id);
    r.setUrl(url);
    r.setVersion(VERSION);
    r.setName(pascal(id));
    r.setTitle(title);
    r.setStatus(PublicationStatus.ACTIVE);
    r.setExperimental(false);
    r.setPublisher(PUBLISHER);
    r.setDescription(description);
    return r;
  }

  static StructureDefinition extension(ExtensionDef def, List<String> contexts) {
    StructureDefinition sd =
        common(new StructureDefinition(), def.id(), def.url(), def.title(), def.description());
    sd.setFhirVersion(FHIRVersion._5_0_0);
    sd.setKind(StructureDefinitionKind.COMPLEXTYPE);
    sd.setAbstract(false);
    sd.setType("Extension");
    sd.setBaseDefinition("http://hl7.org/fhir/StructureDefinition/Extension");
    sd.setDerivation(TypeDerivationRule.CONSTRAINT);
    contexts.forEach(c -> sd.addContext().setType(ExtensionContextType.ELEMENT).setExpression(c));
    element(sd, "Extension", "Extension").setShort(def.title()).setDefinition(def.description());
    if (def.parts().isEmpty()) {
      element(sd, "Extension.extension", "Extension.extension").setMax("0");
      element(sd, "Extension.url", "Extension.url").setFixed(new UriType(def.url()));
      element(sd, "Extension.value[x]", "Extension.value[x]")
          .setMin(1)
          .addType()
          .setCode(def.valueType());
    } else {
      ElementDefinition slices = element(sd, "Extension.extension", "Extension.extension");
      slices
          .getSlicing()
          .setRules(SlicingRules.OPEN)
          .addDiscriminator()
          .setType(DiscriminatorType.VALUE)
          .setPath("url");
      for (ExtensionDef.Part p : def.parts()) {
        String base = "Extension.extension:" + p.name();
        element(sd, base, "Extension.extension")
            .setSliceName(p.name())
            .setShort(p.description())
            .setDefinition(p.description())
            .setMin(p.min())
            .setMax("1");
        element(sd, base + ".extension", "Extension.extension.extension").setMax("0");
        element(sd, base + ".url", "Extension.extension.url").setFixed(new UriType(p.name()));
        element(sd, base + ".value[x]", "Extension.extension.value[x]")
            .setMin(1)
            .addType()
            .setCode(p.valueType());
      }
      element(sd, "Extension.url", "Extension.url").setFixed(new UriType(def.url()));
      element(sd, "Extension.value[x]", "Extension.value[x]").setMax("0");
    }
    return sd;
  }

  private static ElementDefinition element(StructureDefinition sd, String id, String path) {
    ElementDefinition e = sd.getDifferential().addElement().setPath(path);
    e.setId(id);
    return e;
  }

  private static StructureDefinition profile(String url, String type, String title, String desc) {
    String id = url.substring(url.lastIndexOf('/') + 1);
    StructureDefinition sd = common(new StructureDefinition(), id, url, title, desc);
    sd.setFhirVersion(FHIRVersion._5_0_0);
    sd.setKind(StructureDefinitionKind.RESOURCE);
    sd.setAbstract(false);
    sd.setType(type);
    sd.setBaseDefinition("http://hl7.org/fhir/StructureDefinition/" + type);
    sd.setDerivation(TypeDerivationRule.CONSTRAINT);
    element(sd, type, type).setShort(title).setDefinition(desc);
    return sd;
  }

  static StructureDefinition studyProfile() {
    StructureDefinition sd =
        profile(
            FhirUrls.PROFILE_RESEARCH_STUDY,
            "ResearchStudy",
            "Registered clinical trial",
            "A clinical trial from a registry: identified by its NCT id (system "
                + FhirUrls.NCT_SYSTEM
                + "), with a title.");
    element(sd, "ResearchStudy.identifier", "ResearchStudy.identifier").setMin(1);
    element(sd, "ResearchStudy.title", "ResearchStudy.title").setMin(1);
    return sd;
  }

  /** Characteristic-level extensions the profile names, as (slice name, URL, min). */
  private record Slice(String name, String url, int min) {}

  private static final List<Slice> CHARACTERISTIC_SLICES =
      List.of(
          new Slice("criterionId", FhirUrls.EXT_CRITERION_ID, 0),
          new Slice("criterionLeadIn", FhirUrls.EXT_CRITERION_LEAD_IN, 0),
          new Slice("constraintSource", FhirUrls.EXT_CONSTRAINT_SOURCE, 0),
          new Slice("criterionLogic", FhirUrls.EXT_CRITERION_LOGIC, 0),
          new Slice("appliesToSex", FhirUrls.EXT_APPLIES_TO_SEX, 0),
          new Slice("timeWindow", FhirUrls.EXT_TIME_WINDOW, 0),
          new Slice("expression", FhirUrls.EXT_CHARACTERISTIC_EXPRESSION, 0),
          new Slice("computable", FhirUrls.EXT_COMPUTABLE, 1),
          new Slice("notComputableReason", FhirUrls.EXT_NOT_COMPUTABLE_REASON, 0));

  static final String GROUP_PROFILE_DESCRIPTION =
      "The eligibility criteria of a trial as a definitional Group of persons (DESIGN D3;"
          + " docs/eligibility-model.md). Characteristics, in order: the registry age limits (code"
          + " SNOMED 397669002 Age, value Range in UCUM a/mo) and sex (LOINC 46098-0, value"
          + " administrative-gender), an exclusion 'Healthy volunteer' when the registry accepts"
          + " none, then for each criterion: (1) one criterion characteristic: code.text = the"
          + " criterion verbatim, value = true, exclude = true for an exclusion criterion,"
          + " criterion-id, criterion-lead-in for a sub-item, criterion-logic (all-of / any-of)"
          + " when it has several constraints, and a characteristic-expression for the whole"
          + " criterion when any part of it is computable; (2) one constraint characteristic per"
          + " structured constraint found in the text, with the same criterion-id and exclude,"
          + " constraint-source (offsets and words in the criterion text), code = the LOINC /"
          + " SNOMED / ICD-10 concept plus its name, value[x] = Quantity with comparator and UCUM"
          + " unit (one bound), Range (two bounds), Quantity with unit '× ULN' and the"
          + " threshold-reference extension (multiples of the limit of normal), CodeableConcept"
          + " (pregnancy status, active condition, class letters), or boolean (true = the concept"
          + " must be present, false = it must be absent), applies-to-sex and time-window when"
          + " stated, and its own characteristic-expression. exclude never encodes absence: it"
          + " always means 'exclusion criterion'. Every characteristic has the computable flag;"
          + " not computable ones carry the reason. A client deciding eligibility evaluates each"
          + " criterion characteristic's expression (true / false / empty = unknown) and applies"
          + " exclude; the constraint characteristics say which coded data decide it and let a"
          + " client explain or evaluate the computable parts of a partly computable criterion,"
          + " combined by criterion-logic. Expressions take the patient's data Bundle as focus.";

  static StructureDefinition groupProfile(boolean r4) {
    StructureDefinition sd =
        profile(
            FhirUrls.PROFILE_ELIGIBILITY_GROUP,
            "Group",
            "Trial eligibility criteria",
            GROUP_PROFILE_DESCRIPTION);
    element(sd, "Group.type", "Group.type").setFixed(new CodeType("person"));
    if (r4) {
      element(sd, "Group.actual", "Group.actual").setFixed(new BooleanType(false));
    } else {
      element(sd, "Group.membership", "Group.membership").setFixed(new CodeType("definitional"));
    }
    ElementDefinition characteristic =
        element(sd, "Group.characteristic", "Group.characteristic")
            .setShort("A criterion (verbatim text) or one coded constraint of a criterion")
            .setComment(
                "exclude = true marks an exclusion criterion and its constraints; a required"
                    + " absence is value = false (boolean) or SNOMED 60001007 Not pregnant.");
    characteristic
        .addConstraint()
        .setKey("elig-1")
        .setSeverity(ElementDefinition.ConstraintSeverity.ERROR)
        .setHuman("A computable characteristic has a FHIRPath expression")
        .setExpression(
            "extension('"
                + FhirUrls.EXT_COMPUTABLE
                + "').value = true implies extension('"
                + FhirUrls.EXT_CHARACTERISTIC_EXPRESSION
                + "').exists()");
    characteristic
        .addConstraint()
        .setKey("elig-2")
        .setSeverity(ElementDefinition.ConstraintSeverity.ERROR)
        .setHuman("A characteristic that is not computable says why")
        .setExpression(
            "extension('"
                + FhirUrls.EXT_COMPUTABLE
                + "').value = false implies extension('"
                + FhirUrls.EXT_NOT_COMPUTABLE_REASON
                + "').exists()");
    element(sd, "Group.characteristic.extension", "Group.characteristic.extension")
        .getSlicing()
        .setRules(SlicingRules.OPEN)
        .addDiscriminator()
        .setType(DiscriminatorType.VALUE)
        .setPath("url");
    for (Slice s : CHARACTERISTIC_SLICES) {
      element(sd, "Group.characteristic.extension:" + s.name(), "Group.characteristic.extension")
          .setSliceName(s.name())
          .setMin(s.min())
          .setMax("1")
          .addType()
          .setCode("Extension")
          .addProfile(s.url());
    }
    return sd;
  }

  static CodeSystem codeSystem(Domain d) {
    String id = d.url().substring(d.url().lastIndexOf('/') + 1);
    CodeSystem cs =
        common(
            new CodeSystem(),
            id,
            d.url(),
            d.title(),
            d.title() + ": the ClinicalTrials.gov API v2 enum values, verbatim.");
    cs.setCaseSensitive(true);
    cs.setContent(org.hl7.fhir.r5.model.Enumerations.CodeSystemContentMode.COMPLETE);
    d.codes().forEach(c -> cs.addConcept().setCode(c).setDisplay(RegistryCodes.display(c)));
    return cs;
  }

  static SearchParameter searchParameter(String code, String description, String expression) {
    String id = "ResearchStudy-" + code;
    SearchParameter sp =
        common(new SearchParameter(), id, FhirUrls.SEARCH_PARAMETER + id, description, description);
    sp.setCode(code);
    sp.addBase(VersionIndependentResourceTypesAll.RESEARCHSTUDY);
    sp.setType(SearchParamType.TOKEN);
    sp.setExpression(expression);
    sp.setProcessingMode(SearchParameter.SearchProcessingModeType.NORMAL);
    return sp;
  }

  private static SearchParameter reference(SearchParameter sp, String target) {
    sp.setType(SearchParamType.REFERENCE);
    sp.addTarget(VersionIndependentResourceTypesAll.fromCode(target));
    return sp;
  }

  private static String pascal(String id) {
    StringBuilder b = new StringBuilder();
    for (String part : id.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        b.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return b.toString();
  }
}
