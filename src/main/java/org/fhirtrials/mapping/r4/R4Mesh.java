package org.fhirtrials.mapping.r4;

import java.util.List;
import org.fhirtrials.mapping.MeshConcepts;
import org.fhirtrials.model.MeshTerm;
import org.fhirtrials.terminology.Terminology;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/** Registry terms with the MeSH descriptors the registry derived, as R4 CodeableConcepts. */
final class R4Mesh {
  private R4Mesh() {}

  static List<CodeableConcept> concepts(List<String> terms, List<MeshTerm> mesh) {
    return MeshConcepts.pair(terms, mesh).stream()
        .map(
            p -> {
              CodeableConcept cc = new CodeableConcept().setText(p.text());
              if (p.mesh() != null) {
                cc.addCoding(new Coding(Terminology.MESH_URI, p.mesh().id(), p.mesh().term()));
              }
              return cc;
            })
        .toList();
  }
}
