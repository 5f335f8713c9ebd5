package org.fhirtrials.conformance;

import java.util.List;
import org.fhirtrials.match.MatchOperation;
import org.fhirtrials.match.MatchResult;
import org.fhirtrials.match.MatchResult.Part;
import org.hl7.fhir.r5.model.ElementDefinition;
import org.hl7.fhir.r5.model.ElementDefinition.DiscriminatorType;
import org.hl7.fhir.r5.model.ElementDefinition.SlicingRules;
import org.hl7.fhir.r5.model.Enumerations.FHIRTypes;
import org.hl7.fhir.r5.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r5.model.Enumerations.OperationParameterUse;
import org.hl7.fhir.r5.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r5.model.Enumerations.SearchParamType;
import org.hl7.fhir.r5.model.Enumerations.VersionIndependentResourceTypesAll;
import org.hl7.fhir.r5.model.OperationDefinition;
import org.hl7.fhir.r5.model.OperationDefinition.OperationDefinitionParameterComponent;
import org.hl7.fhir.r5.model.OperationDefinition.OperationKind;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.model.StructureDefinition.ExtensionContextType;
import org.hl7.fhir.r5.model.StructureDefinition.StructureDefinitionKind;
import org.hl7.fhir.r5.model.StructureDefinition.TypeDerivationRule;
import org.hl7.fhir.r5.model.UriType;

/**
 * The {@code ResearchStudy/$match} OperationDefinition and its {@code match-result} extension,
 * built with the R5 model like the other artifacts (converted to R4 by {@link
 * ConformanceArtifacts}).
 */
final class MatchArtifacts {
  private static final String PUBLISHER = "fhir-trials";
  private static final String VERSION = "0.1.0";
  private static final String UNBOUNDED = "*";

  private MatchArtifacts() {}

  static OperationDefinition operationDefinition() {
    OperationDefinition od = new OperationDefinition();
    od.setId(MatchOperation.ID);
    od.setUrl(MatchOperation.CANONICAL);
    od.setVersion(VERSION);
    od.setName("ResearchStudyMatch");
    od.setTitle("Match trials for a patient");
    od.setStatus(PublicationStatus.ACTIVE);
    od.setExperimental(false);
    od.setPublisher(PUBLISHER);
    od.setDescription(MatchOperation.DESCRIPTION);
    od.setKind(OperationKind.OPERATION);
    od.setCode(MatchOperation.CODE);
    od.addResource(VersionIndependentResourceTypesAll.RESEARCHSTUDY);
    od.setSystem(false);
    od.setType(true);
    od.setInstance(false);
    // POST only: the patient's data is a Bundle, which a GET cannot carry.
    od.setAffectsState(false);
    in(
        od,
        MatchOperation.CLINICAL_DATA,
        1,
        "1",
        FHIRTypes.BUNDLE,
        MatchOperation.DOC_CLINICAL_DATA);
    in(od, MatchOperation.PHASE, 0, UNBOUNDED, FHIRTypes.STRING, MatchOperation.DOC_PHASE)
        .setSearchType(SearchParamType.TOKEN);
    in(
            od,
            MatchOperation.RECRUITMENT_STATUS,
            0,
            UNBOUNDED,
            FHIRTypes.STRING,
            MatchOperation.DOC_RECRUITMENT_STATUS)
        .setSearchType(SearchParamType.TOKEN);
    in(od, MatchOperation.NEAR, 0, "1", FHIRTypes.STRING, MatchOperation.DOC_NEAR);
    in(
        od,
        MatchOperation.TRAVEL_RADIUS,
        0,
        "1",
        FHIRTypes.STRING,
        MatchOperation.DOC_TRAVEL_RADIUS);
    in(od, MatchOperation.ZIP_CODE, 0, "1", FHIRTypes.STRING, MatchOperation.DOC_ZIP_CODE);
    in(od, MatchOperation.COUNT, 0, "1", FHIRTypes.INTEGER, MatchOperation.DOC_COUNT);
    in(
        od,
        MatchOperation.INCLUDE_INELIGIBLE,
        0,
        "1",
        FHIRTypes.BOOLEAN,
        MatchOperation.DOC_INCLUDE_INELIGIBLE);
    od.addParameter()
        .setName(MatchOperation.RETURN)
        .setUse(OperationParameterUse.OUT)
        .setMin(1)
        .setMax("1")
        .setType(FHIRTypes.BUNDLE)
        .setDocumentation(MatchOperation.DOC_RETURN);
    return od;
  }

  private static OperationDefinitionParameterComponent in(
      OperationDefinition od, String name, int min, String max, FHIRTypes type, String doc) {
    return od.addParameter()
        .setName(name)
        .setUse(OperationParameterUse.IN)
        .setMin(min)
        .setMax(max)
        .setType(type)
        .setDocumentation(doc);
  }

  static StructureDefinition matchResultExtension() {
    StructureDefinition sd = new StructureDefinition();
    String id = MatchResult.URL.substring(MatchResult.URL.lastIndexOf('/') + 1);
    String description =
        "The outcome of ResearchStudy/$match for one trial, on Bundle.entry.search: the verdict"
            + " (DESIGN D5), the nearest site and its distance when 'near' was given, and one"
            + " criterion part per evaluated criterion (id as in the eligibility Group, outcome"
            + " met / not-met / unknown, verbatim text, evidence or the missing data named).";
    sd.setId(id);
    sd.setUrl(MatchResult.URL);
    sd.setVersion(VERSION);
    sd.setName("MatchResult");
    sd.setTitle("Trial match result");
    sd.setStatus(PublicationStatus.ACTIVE);
    sd.setExperimental(false);
    sd.setPublisher(PUBLISHER);
    sd.setDescription(description);
    sd.setFhirVersion(FHIRVersion._5_0_0);
    sd.setKind(StructureDefinitionKind.COMPLEXTYPE);
    sd.setAbstract(false);
    sd.setType("Extension");
    sd.setBaseDefinition("http://hl7.org/fhir/StructureDefinition/Extension");
    sd.setDerivation(TypeDerivationRule.CONSTRAINT);
    sd.addContext().setType(ExtensionContextType.ELEMENT).setExpression("Bundle.entry.search");
    element(sd, "Extension", "Extension").setShort("Trial match result").setDefinition(description);
    parts(sd, "Extension", "Extension", MatchResult.PARTS);
    element(sd, "Extension.url", "Extension.url").setFixed(new UriType(MatchResult.URL));
    element(sd, "Extension.value[x]", "Extension.value[x]").setMax("0");
    return sd;
  }

  /** Slices {@code base.extension} into the parts, recursing into complex parts. */
  private static void parts(StructureDefinition sd, String id, String path, List<Part> parts) {
    element(sd, id + ".extension", path + ".extension")
        .getSlicing()
        .setRules(SlicingRules.OPEN)
        .addDiscriminator()
        .setType(DiscriminatorType.VALUE)
        .setPath("url");
    for (Part p : parts) {
      String sliceId = id + ".extension:" + p.name();
      String slicePath = path + ".extension";
      element(sd, sliceId, slicePath)
          .setSliceName(p.name())
          .setShort(p.description())
          .setDefinition(p.description())
          .setMin(p.min())
          .setMax(p.max());
      if (p.parts().isEmpty()) {
        element(sd, sliceId + ".extension", slicePath + ".extension").setMax("0");
        element(sd, sliceId + ".url", slicePath + ".url").setFixed(new UriType(p.name()));
        element(sd, sliceId + ".value[x]", slicePath + ".value[x]")
            .setMin(1)
            .addType()
            .setCode(p.type());
      } else {
        parts(sd, sliceId, slicePath, p.parts());
        element(sd, sliceId + ".url", slicePath + ".url").setFixed(new UriType(p.name()));
        element(sd, sliceId + ".value[x]", slicePath + ".value[x]").setMax("0");
      }
    }
  }

  private static ElementDefinition element(StructureDefinition sd, String id, String path) {
    ElementDefinition e = sd.getDifferential().addElement().setPath(path);
    e.setId(id);
    return e;
  }
}
