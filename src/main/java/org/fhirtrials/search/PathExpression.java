package org.fhirtrials.search;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseExtension;
import org.hl7.fhir.instance.model.api.IBaseHasExtensions;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

/**
 * A compiled search parameter expression: the subset of FHIRPath that search parameter definitions
 * use (paths, choice elements, {@code |}, {@code as}/{@code ofType}, {@code where}, {@code
 * extension('url')}, {@code exists()}, {@code =}/{@code !=} with literals, {@code and}), evaluated
 * directly on HAPI's element definitions. It replaces the general FHIRPath engine for indexing,
 * which needs the whole specification loaded (thousands of definitions, tens of seconds and
 * hundreds of MB per version) and is slow per call. {@code PathExpressionTest} proves it selects
 * what HAPI's FHIRPath selects for every served parameter of both versions on the seed and
 * synthetic trials. An expression outside the subset fails to {@link #compile}.
 */
final class PathExpression {
  /** One step: the collection an expression yields from its focus collection. */
  private interface Node {
    List<IBase> eval(List<IBase> focus);
  }

  /** A FHIRPath literal or computed boolean (not a FHIR element). */
  private record Literal(Object value) implements IBase {
    @Override
    public boolean isEmpty() {
      return false;
    }

    @Override
    public boolean hasFormatComment() {
      return false;
    }

    @Override
    public List<String> getFormatCommentsPre() {
      return List.of();
    }

    @Override
    public List<String> getFormatCommentsPost() {
      return List.of();
    }

    @Override
    public Object getUserData(String name) {
      return null;
    }

    @Override
    public void setUserData(String name, Object value) {}
  }

  private static final Literal TRUE = new Literal(Boolean.TRUE);
  private static final Literal FALSE = new Literal(Boolean.FALSE);

  private final FhirContext ctx;
  private final Node root;
  private final Map<ChildKey, BaseRuntimeChildDefinition> childCache;

  private record ChildKey(Class<?> type, String name) {}

  private PathExpression(
      FhirContext ctx, Node root, Map<ChildKey, BaseRuntimeChildDefinition> childCache) {
    this.ctx = ctx;
    this.root = root;
    this.childCache = childCache;
  }

  /**
   * @throws IllegalArgumentException when the expression is outside the supported subset
   */
  static PathExpression compile(FhirContext ctx, String expression) {
    Map<ChildKey, BaseRuntimeChildDefinition> cache = new ConcurrentHashMap<>();
    return new PathExpression(ctx, new Parser(expression, ctx, cache).parseAll(), cache);
  }

  /** The values the expression selects on a resource (booleans as the version's boolean type). */
  List<IBase> evaluate(IBaseResource resource) {
    List<IBase> out = root.eval(List.of(resource));
    if (!hasLiteral(out)) {
      return out;
    }
    List<IBase> converted = new ArrayList<>(out.size());
    for (IBase v : out) {
      if (v instanceof Literal l) {
        @SuppressWarnings("unchecked")
        IPrimitiveType<Object> p =
            (IPrimitiveType<Object>) ctx.getElementDefinition("boolean").newInstance();
        p.setValueAsString(String.valueOf(l.value()));
        converted.add(p);
      } else {
        converted.add(v);
      }
    }
    return converted;
  }

  private static boolean hasLiteral(List<IBase> values) {
    for (IBase v : values) {
      if (v instanceof Literal) {
        return true;
      }
    }
    return false;
  }

  // ---- parsing ----

  private static final class Parser {
    private final List<String> tokens;
    private final String source;
    private final FhirContext ctx;
    private final Map<ChildKey, BaseRuntimeChildDefinition> cache;
    private final TypeNames typeNames;
    private int at;

    Parser(String source, FhirContext ctx, Map<ChildKey, BaseRuntimeChildDefinition> cache) {
      this.source = source;
      this.tokens = tokenize(source);
      this.ctx = ctx;
      this.cache = cache;
      this.typeNames = new TypeNames(ctx);
    }

    Node parseAll() {
      Node n = and();
      if (at != tokens.size()) {
        throw error("unexpected '" + tokens.get(at) + "'");
      }
      return n;
    }

    private Node and() {
      Node left = equality();
      while (accept("and")) {
        Node l = left;
        Node r = equality();
        left =
            focus -> {
              Boolean a = bool(l.eval(focus));
              Boolean b = bool(r.eval(focus));
              if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
                return List.of(FALSE);
              }
              return a == null || b == null ? List.of() : List.of(TRUE);
            };
      }
      return left;
    }

    private Node equality() {
      Node left = union();
      boolean eq = accept("=");
      if (eq || accept("!=")) {
        Node l = left;
        Node r = union();
        left =
            focus -> {
              List<IBase> a = l.eval(focus);
              List<IBase> b = r.eval(focus);
              if (a.isEmpty() || b.isEmpty()) {
                return List.of();
              }
              boolean same = a.size() == b.size();
              for (int i = 0; same && i < a.size(); i++) {
                same = Objects.equals(value(a.get(i)), value(b.get(i)));
              }
              return List.of(same == eq ? TRUE : FALSE);
            };
      }
      return left;
    }

    private Node union() {
      List<Node> parts = new ArrayList<>();
      parts.add(typed());
      while (accept("|")) {
        parts.add(typed());
      }
      if (parts.size() == 1) {
        return parts.get(0);
      }
      return focus -> {
        List<IBase> out = new ArrayList<>();
        for (Node p : parts) {
          for (IBase v : p.eval(focus)) {
            if (out.stream().noneMatch(o -> same(o, v))) {
              out.add(v);
            }
          }
        }
        return out;
      };
    }

    /** Union removes duplicates, by value (FHIRPath equality of elements). */
    private static boolean same(IBase a, IBase b) {
      if (a == b) {
        return true;
      }
      if (a instanceof org.hl7.fhir.r4.model.Base ra
          && b instanceof org.hl7.fhir.r4.model.Base rb) {
        return ra.fhirType().equals(rb.fhirType()) && ra.equalsDeep(rb);
      }
      if (a instanceof org.hl7.fhir.r5.model.Base ra
          && b instanceof org.hl7.fhir.r5.model.Base rb) {
        return ra.fhirType().equals(rb.fhirType()) && ra.equalsDeep(rb);
      }
      return false;
    }

    private Node typed() {
      Node term = term();
      if (accept("as")) {
        return ofType(term, identifier());
      }
      return term;
    }

    private Node term() {
      Node node;
      if (accept("(")) {
        node = and();
        expect(")");
      } else if (peek().startsWith("'")) {
        String s = next();
        Literal lit = new Literal(s.substring(1, s.length() - 1));
        node = focus -> List.of(lit);
      } else if (accept("true")) {
        node = focus -> List.of(TRUE);
      } else if (accept("false")) {
        node = focus -> List.of(FALSE);
      } else {
        String name = identifier();
        if (Character.isUpperCase(name.charAt(0))) {
          node = focus -> ofType(focus, name);
        } else {
          node = child(focus -> focus, name);
        }
      }
      while (accept(".")) {
        String name = identifier();
        if (accept("(")) {
          node = function(node, name);
          expect(")");
        } else {
          node = child(node, name);
        }
      }
      return node;
    }

    private Node function(Node input, String name) {
      switch (name) {
        case "where" -> {
          Node criteria = and();
          return focus -> {
            List<IBase> out = new ArrayList<>();
            for (IBase e : input.eval(focus)) {
              if (Boolean.TRUE.equals(bool(criteria.eval(List.of(e))))) {
                out.add(e);
              }
            }
            return out;
          };
        }
        case "ofType" -> {
          return ofType(input, identifier());
        }
        case "exists" -> {
          return focus -> List.of(input.eval(focus).isEmpty() ? FALSE : TRUE);
        }
        case "extension" -> {
          String url = next();
          if (!url.startsWith("'")) {
            throw error("extension() needs a url literal");
          }
          String u = url.substring(1, url.length() - 1);
          return focus -> {
            List<IBase> out = new ArrayList<>();
            for (IBase e : input.eval(focus)) {
              if (e instanceof IBaseHasExtensions has) {
                for (IBaseExtension<?, ?> x : has.getExtension()) {
                  if (u.equals(x.getUrl())) {
                    out.add(x);
                  }
                }
              }
            }
            return out;
          };
        }
        default -> throw error("function " + name + "() is not supported");
      }
    }

    private Node ofType(Node input, String type) {
      return focus -> ofType(input.eval(focus), type);
    }

    private List<IBase> ofType(List<IBase> values, String type) {
      List<IBase> out = new ArrayList<>(values.size());
      for (IBase e : values) {
        if (isType(e, type)) {
          out.add(e);
        }
      }
      return out;
    }

    private Node child(Node input, String name) {
      ChildLookup lookup = new ChildLookup(name);
      return focus -> {
        List<IBase> out = new ArrayList<>();
        for (IBase e : input.eval(focus)) {
          children(e, lookup, out);
        }
        return out;
      };
    }

    /**
     * The definition of one named child, remembered for the last element class it was asked for (a
     * step of a path nearly always sees one class), else found in the shared cache.
     */
    private final class ChildLookup {
      private final String name;
      private volatile Object[] last = {null, null}; // {class, definition}: read and set as one

      ChildLookup(String name) {
        this.name = name;
      }

      BaseRuntimeChildDefinition of(IBase element) {
        Object[] l = last;
        if (l[0] == element.getClass()) {
          return (BaseRuntimeChildDefinition) l[1];
        }
        BaseRuntimeChildDefinition child =
            cache.computeIfAbsent(
                new ChildKey(element.getClass(), name), k -> childDefinition(element, name));
        last = new Object[] {element.getClass(), child};
        return child;
      }
    }

    private void children(IBase element, ChildLookup lookup, List<IBase> out) {
      String name = lookup.name;
      if (element instanceof Literal) {
        return;
      }
      if (name.equals("id") && element instanceof IBaseResource r) {
        // FHIRPath's Resource.id is the logical id, not the (versioned, typed) IdType value
        String idPart = r.getIdElement() == null ? null : r.getIdElement().getIdPart();
        if (idPart != null) {
          @SuppressWarnings("unchecked")
          IPrimitiveType<Object> id =
              (IPrimitiveType<Object>) ctx.getElementDefinition("id").newInstance();
          id.setValueAsString(idPart);
          out.add(id);
        }
        return;
      }
      BaseRuntimeChildDefinition child = lookup.of(element);
      if (child == null) {
        return;
      }
      for (IBase v : child.getAccessor().getValues(element)) {
        if (v != null && !v.isEmpty()) {
          out.add(v);
        }
      }
    }

    private BaseRuntimeChildDefinition childDefinition(IBase element, String name) {
      BaseRuntimeElementDefinition<?> def = ctx.getElementDefinition(element.getClass());
      if (!(def instanceof BaseRuntimeElementCompositeDefinition<?> composite)) {
        return null;
      }
      BaseRuntimeChildDefinition child = composite.getChildByName(name);
      return child != null ? child : composite.getChildByName(name + "[x]");
    }

    private boolean isType(IBase e, String type) {
      if (e instanceof Literal l) {
        return type.equals("boolean") && l.value() instanceof Boolean
            || type.equals("string") && l.value() instanceof String;
      }
      if (e instanceof IBaseResource) {
        return type.equals(typeNames.of(e))
            || type.equals("Resource")
            || type.equals("DomainResource");
      }
      return type.equals(typeNames.of(e));
    }

    private static Boolean bool(List<IBase> values) {
      if (values.size() != 1) {
        return values.isEmpty() ? null : Boolean.TRUE;
      }
      IBase v = values.get(0);
      if (v instanceof Literal l && l.value() instanceof Boolean b) {
        return b;
      }
      if (v instanceof IPrimitiveType<?> p && p.getValue() instanceof Boolean b) {
        return b;
      }
      return Boolean.TRUE;
    }

    private static Object value(IBase v) {
      if (v instanceof Literal l) {
        return String.valueOf(l.value());
      }
      return v instanceof IPrimitiveType<?> p ? p.getValueAsString() : v;
    }

    private String identifier() {
      String t = next();
      if (!Character.isJavaIdentifierStart(t.charAt(0))) {
        throw error("expected a name, found '" + t + "'");
      }
      return t;
    }

    private String peek() {
      return at < tokens.size() ? tokens.get(at) : "";
    }

    private String next() {
      if (at >= tokens.size()) {
        throw error("unexpected end");
      }
      return tokens.get(at++);
    }

    private boolean accept(String token) {
      if (peek().equals(token)) {
        at++;
        return true;
      }
      return false;
    }

    private void expect(String token) {
      if (!accept(token)) {
        throw error("expected '" + token + "'");
      }
    }

    private IllegalArgumentException error(String message) {
      return new IllegalArgumentException(
          "Search expression '" + source + "' is not supported: " + message);
    }

    private static List<String> tokenize(String s) {
      List<String> out = new ArrayList<>();
      int i = 0;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '\'') {
          int end = s.indexOf('\'', i + 1);
          if (end < 0) {
            throw new IllegalArgumentException("unterminated string in '" + s + "'");
          }
          out.add(s.substring(i, end + 1));
          i = end + 1;
        } else if (Character.isJavaIdentifierStart(c)) {
          int j = i;
          while (j < s.length() && Character.isJavaIdentifierPart(s.charAt(j))) {
            j++;
          }
          out.add(s.substring(i, j));
          i = j;
        } else if (c == '!' && i + 1 < s.length() && s.charAt(i + 1) == '=') {
          out.add("!=");
          i += 2;
        } else if ("().|=".indexOf(c) >= 0) {
          out.add(String.valueOf(c));
          i++;
        } else {
          throw new IllegalArgumentException("unexpected '" + c + "' in '" + s + "'");
        }
      }
      return out;
    }
  }
}
