package io.hindsight.jira.velocity;

import io.hindsight.jira.testing.Descriptor;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.UberspectImpl;
import org.apache.velocity.util.introspection.VelMethod;
import org.apache.velocity.util.introspection.VelPropertyGet;

import java.io.StringWriter;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Velocity 1.6.4 (the version Jira 10 forks) set up the way Jira 10 runs app templates: every method a
 * template calls, getters included, must be on the descriptor's {@code <velocity-allowlist>} (or on the
 * host's global list for Jira's own objects, here only i18n); a call that is not is blocked (renders
 * nothing) and recorded; with strict references on, the render then fails, which is stricter than Jira
 * (Jira logs it and renders nothing there). Every inserted reference is HTML-escaped unless its name ends in "Html", as
 * Jira's fork does. Strict references: a misspelt one fails the render.
 */
public final class JiraVelocity {
    /** What Jira's global allowlist gives templates on host objects that the app's templates use. */
    static final Set<String> HOST_ALLOWLIST = Set.of(
            "com.atlassian.sal.api.message.I18nResolver#getText(java.lang.String)",
            "com.atlassian.jira.issue.Issue#getKey()");

    private static final List<String> VIOLATIONS = new ArrayList<>();
    private static volatile Set<String> allowed = Set.of();

    private final VelocityEngine engine = new VelocityEngine();

    public JiraVelocity(Set<String> appAllowlist) {
        allowed = new java.util.HashSet<>(appAllowlist);
        allowed.addAll(HOST_ALLOWLIST);
        engine.setProperty("resource.loader", "class");
        engine.setProperty("class.resource.loader.class", "org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader");
        engine.setProperty("runtime.references.strict", "true");
        engine.setProperty("runtime.introspector.uberspect", AllowlistUberspect.class.getName());
        engine.setProperty("runtime.log.logsystem.class", "org.apache.velocity.runtime.log.NullLogChute");
        engine.setProperty("input.encoding", "UTF-8");
        try {
            engine.init();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The template tests run in their own Surefire execution, whose classpath has Velocity 1.6.4 and not
     * core's Velocity 2 (same package names). Elsewhere (a -Dtest run of the default execution) they are
     * skipped; there, the Velocity found must be 1.6.4 or the run fails.
     */
    public static void requireVelocity164() {
        org.junit.Assume.assumeTrue("template tests run in the velocity-1.6-templates execution",
                "1.6.4".equals(System.getProperty("hindsight.velocity")));
        String jar = VelocityEngine.class.getProtectionDomain().getCodeSource().getLocation().toString();
        if (!jar.contains("velocity-1.6.4")) throw new AssertionError("templates must be tested on the Velocity Jira runs (1.6.4), not " + jar);
    }

    public static JiraVelocity forDescriptor() {
        return new JiraVelocity(Descriptor.load().allowlist());
    }

    public String render(String template, Map<String, Object> context) {
        synchronized (VIOLATIONS) {
            VIOLATIONS.clear();
        }
        VelocityContext ctx = new VelocityContext();
        context.forEach(ctx::put);
        EventCartridge events = new EventCartridge();
        events.addEventHandler(new EscapeReferences());
        events.attachToContext(ctx);
        try {
            Template t = engine.getTemplate(template, "UTF-8");
            StringWriter out = new StringWriter();
            t.merge(ctx, out);
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("rendering " + template + " failed: " + e.getMessage(), e);
        }
    }

    /** The calls the last render made that the allowlist did not permit. */
    public List<String> violations() {
        synchronized (VIOLATIONS) {
            return List.copyOf(VIOLATIONS);
        }
    }

    /** Jira's allowlist notation for a method: {@code fqcn#name(paramType,...)}. */
    static String signature(Class<?> owner, Method m) {
        return owner.getName() + "#" + m.getName() + "(" + Arrays.stream(m.getParameterTypes()).map(Class::getName).collect(Collectors.joining(",")) + ")";
    }

    /** Allowed if the method is listed for its class or for a type it inherits it from. */
    static boolean isAllowed(Class<?> target, Method m) {
        List<Class<?>> owners = new ArrayList<>();
        for (Class<?> c = target; c != null; c = c.getSuperclass()) {
            owners.add(c);
            owners.addAll(allInterfaces(c));
        }
        for (Class<?> owner : owners) {
            try {
                owner.getMethod(m.getName(), m.getParameterTypes());
            } catch (NoSuchMethodException e) {
                continue;
            }
            if (allowed.contains(signature(owner, m))) return true;
        }
        return false;
    }

    private static List<Class<?>> allInterfaces(Class<?> c) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> i : c.getInterfaces()) {
            out.add(i);
            out.addAll(allInterfaces(i));
        }
        return out;
    }

    private static void violation(String what) {
        synchronized (VIOLATIONS) {
            VIOLATIONS.add(what);
        }
    }

    /** The allowlist, enforced where Velocity resolves a method or a property. */
    public static final class AllowlistUberspect extends UberspectImpl {
        @Override
        public VelMethod getMethod(Object obj, String methodName, Object[] args, Info info) throws Exception {
            if (obj == null) return null;
            Method m = introspector.getMethod(obj.getClass(), methodName, args);
            if (m == null) {
                violation(obj.getClass().getName() + "#" + methodName + " (no such public method) at " + info);
                return null;
            }
            if (!isAllowed(obj.getClass(), m)) {
                violation(signature(obj.getClass(), m) + " at " + info);
                return null;
            }
            return super.getMethod(obj, methodName, args, info);
        }

        @Override
        public VelPropertyGet getPropertyGet(Object obj, String identifier, Info info) throws Exception {
            if (obj == null) return null;
            String cap = Character.toUpperCase(identifier.charAt(0)) + identifier.substring(1);
            for (String name : List.of("get" + cap, "is" + cap)) {
                Method m = introspector.getMethod(obj.getClass(), name, new Object[0]);
                if (m == null) continue;
                if (!isAllowed(obj.getClass(), m)) {
                    violation(signature(obj.getClass(), m) + " at " + info);
                    return null;
                }
                return super.getPropertyGet(obj, identifier, info);
            }
            violation(obj.getClass().getName() + "." + identifier + " (no getter; maps and other lookups are not allowed) at " + info);
            return null;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Iterator getIterator(Object obj, Info info) throws Exception {
            if (obj instanceof Collection<?> c) return c.iterator();
            violation("#foreach over " + (obj == null ? "null" : obj.getClass().getName()) + " at " + info);
            return null;
        }
    }

    /** Jira 10's auto-escaping: every inserted value is HTML-escaped unless the reference's name ends in "Html". */
    static final class EscapeReferences implements ReferenceInsertionEventHandler {
        @Override
        public Object referenceInsert(String reference, Object value) {
            if (value == null) return null;
            String name = reference.replaceAll("[${}!]", "");
            if (name.endsWith("Html")) return value;
            return escape(String.valueOf(value));
        }
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
