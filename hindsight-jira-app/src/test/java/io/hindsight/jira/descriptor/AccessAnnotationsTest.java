package io.hindsight.jira.descriptor;

import com.atlassian.annotations.security.AdminOnly;
import com.atlassian.annotations.security.AnonymousSiteAccess;
import com.atlassian.annotations.security.LicensedOnly;
import com.atlassian.annotations.security.SystemAdminOnly;
import com.atlassian.annotations.security.UnlicensedSiteAccess;
import com.atlassian.annotations.security.UnrestrictedAccess;
import com.atlassian.annotations.security.XsrfProtectionExcluded;
import io.hindsight.jira.testing.Descriptor;
import org.junit.Test;
import org.w3c.dom.Element;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Jira 10's secure endpoint defaults: every REST resource and servlet says who may call it with exactly
 * one access annotation; no endpoint turns Jira's XSRF check off; mutating REST methods take JSON only.
 */
public class AccessAnnotationsTest {
    private static final List<Class<? extends Annotation>> ACCESS = List.of(AdminOnly.class, SystemAdminOnly.class, LicensedOnly.class,
            UnlicensedSiteAccess.class, AnonymousSiteAccess.class, UnrestrictedAccess.class);

    private final Descriptor descriptor = Descriptor.load();

    @Test
    public void everyRestResourceAndEachOfItsMethodsHasExactlyOneAccessAnnotation() {
        List<Class<?>> resources = restResources();
        assertEquals(3, resources.size());
        for (Class<?> c : resources) {
            for (Method m : c.getDeclaredMethods()) {
                if (!isResourceMethod(m)) continue;
                int onMethod = count(m);
                int effective = onMethod > 0 ? onMethod : count(c);
                assertEquals(c.getSimpleName() + "." + m.getName() + " must carry exactly one access annotation", 1, effective);
            }
            assertTrue(c.getSimpleName() + " declares its access on the class", count(c) == 1);
        }
    }

    @Test
    public void everyServletHasExactlyOneAccessAnnotation() throws Exception {
        List<Element> servlets = descriptor.modules("servlet");
        assertEquals(3, servlets.size());
        for (Element s : servlets) assertEquals(s.getAttribute("class"), 1, count(Class.forName(s.getAttribute("class"))));
    }

    @Test
    public void theAdminServletIsForAdminsOnly() throws Exception {
        assertTrue(Class.forName("io.hindsight.jira.web.AdminServlet").isAnnotationPresent(AdminOnly.class));
    }

    @Test
    public void noEndpointTurnsOffXsrfProtection() throws Exception {
        List<Class<?>> all = new ArrayList<>(restResources());
        for (Element s : descriptor.modules("servlet")) all.add(Class.forName(s.getAttribute("class")));
        for (Class<?> c : all) {
            assertFalse(c.getName(), c.isAnnotationPresent(XsrfProtectionExcluded.class));
            for (Method m : c.getDeclaredMethods()) assertFalse(c.getName() + "." + m.getName(), m.isAnnotationPresent(XsrfProtectionExcluded.class));
        }
    }

    @Test
    public void mutatingRestMethodsConsumeJsonOnly() {
        int mutating = 0;
        for (Class<?> c : restResources()) {
            for (Method m : c.getDeclaredMethods()) {
                if (!(m.isAnnotationPresent(POST.class) || m.isAnnotationPresent(PUT.class) || m.isAnnotationPresent(DELETE.class)
                        || m.isAnnotationPresent(PATCH.class))) continue;
                mutating++;
                Consumes consumes = m.isAnnotationPresent(Consumes.class) ? m.getAnnotation(Consumes.class) : c.getAnnotation(Consumes.class);
                assertTrue(c.getSimpleName() + "." + m.getName() + " must declare @Consumes", consumes != null);
                assertEquals(c.getSimpleName() + "." + m.getName(), List.of(MediaType.APPLICATION_JSON), Arrays.asList(consumes.value()));
            }
        }
        assertEquals(2, mutating);
    }

    private static List<Class<?>> restResources() {
        return RestClasses.in("io.hindsight.jira.rest").stream().filter(c -> c.isAnnotationPresent(Path.class)).toList();
    }

    private static boolean isResourceMethod(Method m) {
        return Arrays.stream(m.getAnnotations()).anyMatch(a -> a.annotationType().isAnnotationPresent(javax.ws.rs.HttpMethod.class))
                || m.isAnnotationPresent(Path.class);
    }

    private static int count(AnnotatedElement e) {
        return (int) ACCESS.stream().filter(e::isAnnotationPresent).count();
    }
}
