package io.hindsight.jira.spring;

import com.atlassian.sal.api.lifecycle.LifecycleAware;
import io.hindsight.jira.schedule.AppLifecycle;
import io.hindsight.jira.testing.Descriptor;
import org.junit.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.xml.DefaultNamespaceHandlerResolver;
import org.springframework.beans.factory.xml.NamespaceHandler;
import org.springframework.beans.factory.xml.ParserContext;
import org.springframework.beans.factory.xml.XmlBeanDefinitionReader;
import org.springframework.beans.factory.xml.XmlBeanDefinitionStoreException;
import org.springframework.beans.factory.config.BeanDefinitionHolder;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/**
 * META-INF/spring/plugin-context.xml, validated against the Spring beans and Gemini Blueprint XSDs while
 * Spring loads it, then started with Mockito mocks standing for the host components its osgi:reference
 * elements import; every class the descriptor names must then be constructible from its beans, as Jira
 * builds module classes from the plugin's context.
 */
public class SpringContextTest {
    static final String BLUEPRINT = "http://www.eclipse.org/gemini/blueprint/schema/blueprint";

    /** The osgi: elements as a test sees them: references become mocks, services are recorded. */
    static final class OsgiAsMocks implements NamespaceHandler {
        final Map<String, String> references = new LinkedHashMap<>();
        final Map<String, String> services = new LinkedHashMap<>();

        @Override
        public void init() {
        }

        @Override
        public BeanDefinition parse(Element element, ParserContext context) {
            String iface = element.getAttribute("interface");
            Class<?> type;
            try {
                type = Class.forName(iface);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("osgi:" + element.getLocalName() + " names " + iface + ", which is not on the classpath", e);
            }
            if (element.getLocalName().equals("reference")) {
                references.put(element.getAttribute("id"), iface);
                AbstractBeanDefinition def = BeanDefinitionBuilder.genericBeanDefinition(Object.class)
                        .getRawBeanDefinition();
                // SAL's resolver reads the app's real i18n file: a mock would hand the code null for every text
                def.setInstanceSupplier(() -> type == com.atlassian.sal.api.message.I18nResolver.class
                        ? new io.hindsight.jira.testing.I18n() : Mockito.mock(type));
                def.setBeanClass(type);
                context.getRegistry().registerBeanDefinition(element.getAttribute("id"), def);
                return def;
            }
            if (element.getLocalName().equals("service")) {
                services.put(element.getAttribute("ref"), iface);
                return null;
            }
            throw new IllegalStateException("unexpected osgi:" + element.getLocalName());
        }

        @Override
        public BeanDefinitionHolder decorate(Node source, BeanDefinitionHolder definition, ParserContext context) {
            return definition;
        }
    }

    private final OsgiAsMocks osgi = new OsgiAsMocks();

    private GenericApplicationContext load(org.springframework.core.io.Resource xml) {
        GenericApplicationContext ctx = new GenericApplicationContext();
        XmlBeanDefinitionReader reader = new XmlBeanDefinitionReader(ctx);
        reader.setValidationMode(XmlBeanDefinitionReader.VALIDATION_XSD);
        DefaultNamespaceHandlerResolver spring = new DefaultNamespaceHandlerResolver(getClass().getClassLoader());
        reader.setNamespaceHandlerResolver(ns -> BLUEPRINT.equals(ns) ? osgi : spring.resolve(ns));
        reader.loadBeanDefinitions(xml);
        return ctx;
    }

    @Test
    public void theContextIsValidStartsWithMockedHostComponentsAndExportsItsLifecycle() {
        GenericApplicationContext ctx = load(new ClassPathResource("META-INF/spring/plugin-context.xml"));
        ctx.refresh();
        try {
            assertTrue(osgi.references.containsValue("com.atlassian.activeobjects.external.ActiveObjects"));
            assertTrue(osgi.references.containsValue("com.atlassian.beehive.ClusterLockService"));
            assertEquals(Map.of("appLifecycle", LifecycleAware.class.getName()), osgi.services);
            assertTrue(ctx.getBean("appLifecycle") instanceof LifecycleAware);
            for (String name : ctx.getBeanDefinitionNames()) assertNotNull(name, ctx.getBean(name));
        } finally {
            ctx.close();
        }
    }

    @Test
    public void everyClassTheDescriptorNamesCanBeBuiltFromTheContext() throws Exception {
        GenericApplicationContext ctx = load(new ClassPathResource("META-INF/spring/plugin-context.xml"));
        ctx.refresh();
        try {
            List<String> classes = new ArrayList<>();
            for (Element e : Descriptor.all(Descriptor.load().root())) {
                if (e.hasAttribute("class") && !e.getTagName().equals("atlassian-plugin")) classes.add(e.getAttribute("class"));
                if (e.getTagName().equals("validator-class") || e.getTagName().equals("function-class")) classes.add(e.getTextContent().strip());
            }
            assertTrue(classes.size() >= 10);
            AutowireCapableBeanFactory factory = ctx.getAutowireCapableBeanFactory();
            for (String c : classes) {
                Object module = factory.createBean(Class.forName(c), AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR, false);
                assertEquals(c, module.getClass().getName());
            }
        } finally {
            ctx.close();
        }
    }

    @Test
    public void closingTheContextTakesThisNodeOutButKeepsTheClusterSchedule() {
        GenericApplicationContext ctx = load(new ClassPathResource("META-INF/spring/plugin-context.xml"));
        ctx.refresh();
        AppLifecycle app = ctx.getBean(AppLifecycle.class);
        app.onStart();
        var scheduler = ctx.getBean("schedulerService", com.atlassian.scheduler.SchedulerService.class);
        ctx.close();
        Mockito.verify(scheduler).unregisterJobRunner(AppLifecycle.DRAIN_RUNNER);
        Mockito.verify(scheduler).unregisterJobRunner(AppLifecycle.REMINDERS_RUNNER);
        Mockito.verify(scheduler, Mockito.never()).unscheduleJob(Mockito.any());
    }

    @Test
    public void theXsdsCatchAMisspeltElement() {
        String broken = """
                <beans xmlns="http://www.springframework.org/schema/beans"
                       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                       xmlns:osgi="http://www.eclipse.org/gemini/blueprint/schema/blueprint"
                       xsi:schemaLocation="http://www.springframework.org/schema/beans http://www.springframework.org/schema/beans/spring-beans.xsd
                         http://www.eclipse.org/gemini/blueprint/schema/blueprint http://www.eclipse.org/gemini/blueprint/schema/blueprint/gemini-blueprint.xsd">
                    <osgi:referance id="x" interface="java.lang.Runnable"/>
                </beans>
                """;
        XmlBeanDefinitionStoreException e = assertThrows(XmlBeanDefinitionStoreException.class,
                () -> load(new ByteArrayResource(broken.getBytes(StandardCharsets.UTF_8))));
        assertTrue("the schema, not our handler, refused it", e.getCause() instanceof org.xml.sax.SAXParseException);
        assertTrue(e.getMessage(), e.getMessage().contains("referance"));
    }
}
