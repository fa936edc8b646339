package dev.telar.workloads.lab;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.openhft.chronicle.wire.ReadMarshallable;
import net.openhft.chronicle.wire.ValueIn;
import net.openhft.chronicle.wire.ValueOut;
import net.openhft.chronicle.wire.WireIn;
import net.openhft.chronicle.wire.WireOut;
import net.openhft.chronicle.wire.WriteMarshallable;

/**
 * Writes Telar's plain records (the lab's commands and events, and everything they hold) to a
 * Chronicle Wire field by field, and reads them back, without Java serialization.
 *
 * <p>What it carries: records and enums of {@code dev.telar.workloads}, sealed interfaces of such
 * records, primitives and their boxes, {@link String}, {@link Path}, {@link List}, {@link Map}
 * (read back in the order written), {@link Optional}, and arrays of those. A record is written as
 * its components, each under its name, in declaration order; an enum as its constant's name (e.g.
 * {@code MATMUL}), and a name the reader's enum lacks is refused. The reader follows the static types
 * of the record components, so the data never names a class to load. Where a component's type is
 * a sealed interface the value carries a stable name, the simple names from the outermost class
 * down (e.g. {@code LabEvent.Ready}, {@code LockState}), which is looked up among that interface's
 * permitted subclasses only. Any class outside {@code dev.telar.workloads} is refused in both
 * directions, so whoever can write a queue file can make the reader build nothing but Telar's own
 * records, through their canonical constructors (which check their arguments as usual).
 *
 * <p>Errors are {@link IllegalArgumentException}s with a one-line message naming the type or field.
 * Stateless and thread-safe (the reflective look-ups are cached per class).
 */
public final class RecordWire {
    /** The package whose records, enums and sealed interfaces may be carried. */
    static final String OURS = "dev.telar.workloads.";
    /** Field holding the stable name of a sealed interface's subtype. */
    static final String TYPE = "type";
    private static final String KEY = "key";
    private static final String VALUE = "value";

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };
    private static final ClassValue<Map<String, Class<?>>> SUBTYPES = new ClassValue<>() {
        @Override
        protected Map<String, Class<?>> computeValue(Class<?> root) {
            Map<String, Class<?>> names = new LinkedHashMap<>();
            collect(root, root, names);
            return Collections.unmodifiableMap(names);
        }
    };

    private RecordWire() {
    }

    /**
     * Writes {@code value} as fields of {@code wire}: {@value #TYPE} first when {@code root} is a
     * sealed interface, then the record's components.
     *
     * @param root a sealed interface of records (e.g. {@link LabEvent}) or a record class
     * @throws IllegalArgumentException when something in {@code value} cannot be carried
     */
    public static <T> void write(WireOut wire, Class<T> root, T value) {
        if (value == null) {
            throw new IllegalArgumentException("cannot write a null " + root.getSimpleName());
        }
        writeFields(wire, root, value);
    }

    /**
     * Reads what {@link #write} wrote for the same {@code root}.
     *
     * @throws IllegalArgumentException when the fields do not make a valid value of {@code root}
     */
    public static <T> T read(WireIn wire, Class<T> root) {
        return root.cast(readFields(wire, root));
    }

    /** The stable name that stands for {@code type} among the subtypes of a sealed interface. */
    public static String stableName(Class<?> type) {
        StringBuilder name = new StringBuilder(type.getSimpleName());
        for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            name.insert(0, outer.getSimpleName() + ".");
        }
        return name.toString();
    }

    // ---- writing

    private static void writeFields(WireOut wire, Class<?> declared, Object value) {
        Class<?> actual = value.getClass();
        if (isSealed(declared)) {
            Class<?> named = SUBTYPES.get(declared).get(stableName(actual));
            if (named != actual) {
                throw new IllegalArgumentException(actual.getName() + " is not a permitted subtype of " + declared.getName());
            }
            wire.write(TYPE).text(stableName(actual));
        } else if (actual != declared) {
            throw new IllegalArgumentException("expected a " + declared.getName() + ", got a " + actual.getName());
        }
        Shape shape = SHAPES.get(actual);
        for (int i = 0; i < shape.names.length; i++) {
            Object component;
            try {
                component = shape.accessors[i].invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalArgumentException("cannot read " + actual.getSimpleName() + "." + shape.names[i] + ": " + e, e);
            }
            writeValue(wire.write(shape.names[i]), shape.types[i], component, shape.names[i]);
        }
    }

    private static void writeValue(ValueOut out, Type type, Object value, String where) {
        Class<?> raw = raw(type);
        if (value == null) {
            if (raw.isPrimitive()) {
                throw new IllegalArgumentException("null for primitive " + where);
            }
            out.nu11();
        } else if (raw == boolean.class || raw == Boolean.class) {
            out.bool((Boolean) value);
        } else if (isIntegral(raw)) {
            out.int64(((Number) value).longValue());
        } else if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            out.float64(((Number) value).doubleValue());
        } else if (raw == String.class) {
            out.text((String) value);
        } else if (raw == Path.class) {
            out.text(value.toString());
        } else if (raw.isEnum()) {
            checkOurs(raw);
            out.text(((Enum<?>) value).name());
        } else if (raw == Optional.class) {
            Optional<?> o = (Optional<?>) value;
            Type item = argument(type, 0, where);
            out.sequence(o, (opt, items) -> opt.ifPresent(v -> writeValue(items, item, v, where)));
        } else if (raw == List.class) {
            Type item = argument(type, 0, where);
            out.sequence((List<?>) value, (list, items) -> {
                for (Object v : list) {
                    writeValue(items, item, v, where);
                }
            });
        } else if (raw == Map.class) {
            Type keyType = argument(type, 0, where);
            Type valueType = argument(type, 1, where);
            out.sequence((Map<?, ?>) value, (map, items) -> {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    items.marshallable((WriteMarshallable) w -> {
                        writeValue(w.write(KEY), keyType, e.getKey(), where);
                        writeValue(w.write(VALUE), valueType, e.getValue(), where);
                    });
                }
            });
        } else if (raw.isArray()) {
            Type item = type instanceof GenericArrayType g ? g.getGenericComponentType() : raw.getComponentType();
            out.sequence(value, (array, items) -> {
                for (int i = 0, n = Array.getLength(array); i < n; i++) {
                    writeValue(items, item, Array.get(array, i), where);
                }
            });
        } else if (raw.isRecord() || isSealed(raw)) {
            checkOurs(raw);
            out.marshallable((WriteMarshallable) w -> writeFields(w, raw, value));
        } else {
            throw refused(raw, where);
        }
    }

    // ---- reading

    private static Object readFields(WireIn wire, Class<?> declared) {
        Class<?> actual = declared;
        if (isSealed(declared)) {
            String name = field(wire, TYPE).text();
            actual = SUBTYPES.get(declared).get(name);
            if (actual == null) {
                throw new IllegalArgumentException("unknown " + declared.getSimpleName() + " type '" + name + "'");
            }
        }
        Shape shape = SHAPES.get(actual);
        Object[] args = new Object[shape.names.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = readValue(field(wire, shape.names[i]), shape.types[i], shape.names[i]);
        }
        try {
            return shape.constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalArgumentException("invalid " + actual.getSimpleName() + ": " + cause.getMessage(), cause);
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalArgumentException("cannot build " + actual.getSimpleName() + ": " + e, e);
        }
    }

    /** The next field, which must be called {@code name}. */
    private static ValueIn field(WireIn wire, String name) {
        StringBuilder found = new StringBuilder();
        ValueIn in = wire.read(found);
        if (!name.contentEquals(found)) {
            throw new IllegalArgumentException("expected field '" + name + "', found '" + found + "'");
        }
        return in;
    }

    private static Object readValue(ValueIn in, Type type, String where) {
        Class<?> raw = raw(type);
        if (!raw.isPrimitive() && in.isNull()) {
            return null;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return in.bool();
        } else if (raw == long.class || raw == Long.class) {
            return in.int64();
        } else if (raw == int.class || raw == Integer.class) {
            return Math.toIntExact(in.int64());
        } else if (raw == short.class || raw == Short.class) {
            return (short) Math.toIntExact(in.int64());
        } else if (raw == byte.class || raw == Byte.class) {
            return (byte) Math.toIntExact(in.int64());
        } else if (raw == double.class || raw == Double.class) {
            return in.float64();
        } else if (raw == float.class || raw == Float.class) {
            return (float) in.float64();
        } else if (raw == String.class) {
            return in.text();
        } else if (raw == Path.class) {
            return Path.of(in.text());
        } else if (raw.isEnum()) {
            return enumValue(raw, in.text(), where);
        } else if (raw == Optional.class) {
            List<Object> items = readItems(in, argument(type, 0, where), where);
            if (items.size() > 1) {
                throw new IllegalArgumentException(where + ": an Optional with " + items.size() + " values");
            }
            return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
        } else if (raw == List.class) {
            return Collections.unmodifiableList(readItems(in, argument(type, 0, where), where));
        } else if (raw == Map.class) {
            Type keyType = argument(type, 0, where);
            Type valueType = argument(type, 1, where);
            Map<Object, Object> map = new LinkedHashMap<>();
            in.sequence(map, (m, items) -> {
                while (items.hasNextSequenceItem()) {
                    items.marshallable((ReadMarshallable) w -> {
                        Object k = readValue(field(w, KEY), keyType, where);
                        m.put(k, readValue(field(w, VALUE), valueType, where));
                    });
                }
            });
            return Collections.unmodifiableMap(map);
        } else if (raw.isArray()) {
            Type item = type instanceof GenericArrayType g ? g.getGenericComponentType() : raw.getComponentType();
            List<Object> items = readItems(in, item, where);
            Object array = Array.newInstance(raw.getComponentType(), items.size());
            for (int i = 0; i < items.size(); i++) {
                Array.set(array, i, items.get(i));
            }
            return array;
        } else if (raw.isRecord() || isSealed(raw)) {
            checkOurs(raw);
            Object[] out = new Object[1];
            in.marshallable((ReadMarshallable) w -> out[0] = readFields(w, raw));
            return out[0];
        }
        throw refused(raw, where);
    }

    private static List<Object> readItems(ValueIn in, Type item, String where) {
        List<Object> list = new ArrayList<>();
        in.sequence(list, (l, items) -> {
            while (items.hasNextSequenceItem()) {
                l.add(readValue(items, item, where));
            }
        });
        return list;
    }

    /** The constant of {@code type} written as {@code name}; an unknown one is refused, naming the known ones. */
    private static Object enumValue(Class<?> type, String name, String where) {
        checkOurs(type);
        List<String> known = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
            known.add(((Enum<?>) constant).name());
        }
        throw new IllegalArgumentException(where + ": unknown " + type.getSimpleName() + " '" + name + "' (known: "
                + String.join(", ", known) + ")");
    }

    // ---- types

    private static boolean isIntegral(Class<?> raw) {
        return raw == long.class || raw == Long.class || raw == int.class || raw == Integer.class
                || raw == short.class || raw == Short.class || raw == byte.class || raw == Byte.class;
    }

    private static boolean isSealed(Class<?> type) {
        return type.isInterface() && type.isSealed();
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType g) {
            return Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
        }
        throw new IllegalArgumentException("cannot carry values of type " + type.getTypeName());
    }

    private static Type argument(Type type, int index, String where) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[index];
        }
        throw new IllegalArgumentException(where + ": a raw " + type.getTypeName() + " has no element type");
    }

    private static void checkOurs(Class<?> type) {
        if (!type.getName().startsWith(OURS)) {
            throw new IllegalArgumentException(type.getName() + " is outside " + OURS.substring(0, OURS.length() - 1)
                    + "; only Telar's own records are carried");
        }
    }

    private static IllegalArgumentException refused(Class<?> type, String where) {
        if (!type.getName().startsWith(OURS) && !type.isPrimitive()) {
            return new IllegalArgumentException(where + ": " + type.getName() + " is outside "
                    + OURS.substring(0, OURS.length() - 1) + "; only Telar's own records are carried");
        }
        return new IllegalArgumentException(where + ": cannot carry a " + type.getName()
                + " (not a record, enum or sealed interface)");
    }

    /** Every record below {@code type} in a sealed hierarchy, by stable name. */
    private static void collect(Class<?> root, Class<?> type, Map<String, Class<?>> names) {
        checkOurs(type);
        if (isSealed(type)) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                collect(root, sub, names);
            }
        } else if (type.isRecord()) {
            Class<?> clash = names.put(stableName(type), type);
            if (clash != null) {
                throw new IllegalArgumentException("two subtypes of " + root.getName() + " are called " + stableName(type));
            }
        } else {
            throw new IllegalArgumentException(type.getName() + " in " + root.getName() + " is not a record");
        }
    }

    /** A record class's components and canonical constructor. */
    private static final class Shape {
        final String[] names;
        final Type[] types;
        final Method[] accessors;
        final Constructor<?> constructor;

        private Shape(String[] names, Type[] types, Method[] accessors, Constructor<?> constructor) {
            this.names = names;
            this.types = types;
            this.accessors = accessors;
            this.constructor = constructor;
        }

        static Shape of(Class<?> type) {
            checkOurs(type);
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type.getName() + " is not a record");
            }
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            Type[] types = new Type[components.length];
            Method[] accessors = new Method[components.length];
            Class<?>[] raws = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                types[i] = components[i].getGenericType();
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
                raws[i] = components[i].getType();
            }
            try {
                Constructor<?> canonical = type.getDeclaredConstructor(raws);
                canonical.setAccessible(true);
                return new Shape(names, types, accessors, canonical);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(type.getName() + " has no canonical constructor", e);
            }
        }
    }
}
