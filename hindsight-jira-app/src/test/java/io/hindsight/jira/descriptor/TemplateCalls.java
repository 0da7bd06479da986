package io.hindsight.jira.descriptor;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Velocity template without running it and names the Java method behind every call and property
 * in it, by following the types from the template's root objects (and into #foreach loops through the
 * lists' element types). Branches a test render does not take are covered too.
 */
final class TemplateCalls {
    private static final Pattern FOREACH = Pattern.compile("#foreach\\s*\\(\\s*\\$(\\w+)\\s+in\\s+\\$!?\\{?([\\w.]+(?:\\(\\))?)\\}?\\s*\\)");
    private static final Pattern REFERENCE = Pattern.compile("\\$!?\\{?(\\w+)((?:\\.\\w+(?:\\((?:[^()]*)\\))?)+)");
    private static final Pattern STEP = Pattern.compile("\\.(\\w+)(\\(([^()]*)\\))?");

    record Call(String template, String expression, Method method) {
    }

    private TemplateCalls() {
    }

    /** @param roots the context objects' types; i18n calls are resolved against its type too */
    static List<Call> of(String name, String template, Map<String, Class<?>> roots) {
        Map<String, Type> vars = new HashMap<>(roots);
        String body = template.replaceAll("(?m)^\\s*##.*$", "");
        Matcher loops = FOREACH.matcher(body);
        while (loops.find()) {
            Type list = resolve(vars, loops.group(2), new ArrayList<>(), name);
            if (list instanceof ParameterizedType p) vars.put(loops.group(1), p.getActualTypeArguments()[0]);
            else throw new AssertionError(name + ": cannot tell what $" + loops.group(1) + " iterates over (" + loops.group(2) + ")");
        }
        List<Call> out = new ArrayList<>();
        Matcher refs = REFERENCE.matcher(body);
        // from each '$' on, so references inside another's arguments are read too
        for (int from = 0; refs.find(from); from = refs.start() + 1) {
            if (!vars.containsKey(refs.group(1))) throw new AssertionError(name + ": unknown reference $" + refs.group(1));
            List<Method> methods = new ArrayList<>();
            resolve(vars, refs.group(1) + refs.group(2), methods, name);
            for (Method m : methods) out.add(new Call(name, refs.group(), m));
        }
        return out;
    }

    private static Type resolve(Map<String, Type> vars, String path, List<Method> calls, String name) {
        int dot = path.indexOf('.');
        Type t = vars.get(dot < 0 ? path : path.substring(0, dot));
        if (dot < 0) return t;
        Matcher steps = STEP.matcher(path.substring(dot));
        while (steps.find()) {
            Class<?> c = raw(t);
            Method m = steps.group(2) != null ? method(c, steps.group(1), args(steps.group(3))) : getter(c, steps.group(1));
            if (m == null) throw new AssertionError(name + ": " + c.getName() + " has no public " + steps.group() + " (in " + path + ")");
            calls.add(m);
            t = m.getGenericReturnType();
        }
        return t;
    }

    private static int args(String inside) {
        return inside == null || inside.isBlank() ? 0 : inside.split(",").length;
    }

    private static Method method(Class<?> c, String name, int args) {
        for (Method m : c.getMethods()) if (m.getName().equals(name) && m.getParameterCount() == args) return m;
        return null;
    }

    private static Method getter(Class<?> c, String property) {
        String cap = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        Method m = method(c, "get" + cap, 0);
        return m != null ? m : method(c, "is" + cap, 0);
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) return c;
        if (t instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        throw new AssertionError("cannot follow type " + t);
    }
}
