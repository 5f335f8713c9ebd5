package org.fhirtrials.store;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.fhirtrials.model.PartialDate;
import org.fhirtrials.model.Trial;

/**
 * A trial with every record component of the model set, found by reflection: strings, numbers and
 * booleans distinct from defaults, lists of one element, the last constant of each enum. A new
 * component in the model is covered without touching the tests.
 */
public final class FullyPopulated {
  private final AtomicInteger counter = new AtomicInteger();

  private FullyPopulated() {}

  public static Trial trial(String nctId) {
    Trial t = (Trial) new FullyPopulated().value(Trial.class);
    return t.toBuilder().nctId(nctId).build();
  }

  private Object value(Type type) {
    if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      return List.of(value(p.getActualTypeArguments()[0]));
    }
    Class<?> c = (Class<?>) type;
    int n = counter.incrementAndGet();
    if (c == String.class) {
      return "value " + n + " – ünïcödé \"quoted\"\n";
    }
    if (c == boolean.class || c == Boolean.class) {
      return Boolean.TRUE;
    }
    if (c == int.class || c == Integer.class) {
      return n;
    }
    if (c == long.class || c == Long.class) {
      return (long) n;
    }
    if (c == double.class || c == Double.class) {
      return n + 0.125;
    }
    if (c == BigDecimal.class) {
      return new BigDecimal(n + ".50"); // trailing zero: the scale must survive
    }
    if (c == PartialDate.class) {
      return PartialDate.estimated("2024-0" + (1 + n % 9));
    }
    if (c.isEnum()) {
      Object[] constants = c.getEnumConstants();
      return constants[constants.length - 1];
    }
    if (c.isRecord()) {
      RecordComponent[] components = c.getRecordComponents();
      Object[] args = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        args[i] = value(components[i].getGenericType());
        types[i] = components[i].getType();
      }
      try {
        return c.getDeclaredConstructor(types).newInstance(args);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot build " + c, e);
      }
    }
    throw new IllegalStateException("FullyPopulated does not know how to fill " + type);
  }
}
