package org.fhirtrials.eligibility.extract;

import org.fhirtrials.model.Criterion;

final class DebugPrint {
  static String show(ExtractedCriterion e) {
    StringBuilder sb = new StringBuilder();
    sb.append(e.computable() ? "COMPUTABLE " : "NOT ").append(e.logic()).append(" ").append(e.reason()).append('\n');
    for (Constraint c : e.constraints()) {
      sb.append("  ").append(c.category()).append(' ').append(c.name())
          .append(c.concept() == null ? "" : " [" + c.concept().code() + "]")
          .append(' ').append(c.thresholds()).append(' ').append(c.unit()).append(' ').append(c.reference())
          .append(" vals=").append(c.allowedValues()).append(" sex=").append(c.sex())
          .append(" absent=").append(c.absent()).append(" win=").append(c.window() == null ? null : c.window().text())
          .append(" span='").append(e.criterion().text(), c.start(), c.end()).append("' ")
          .append(c.computable() ? "ok" : c.reason()).append('\n');
    }
    return sb.toString();
  }

  public static void main(String[] args) {
    CriterionExtractor x = new CriterionExtractor();
    boolean exc = false;
    for (String a : args) {
      if (a.equals("EXC")) { exc = true; continue; }
      if (a.equals("INC")) { exc = false; continue; }
      System.out.println("== " + a);
      System.out.println(show(x.extract(new Criterion("x", exc, a, null, false))));
    }
  }
}
