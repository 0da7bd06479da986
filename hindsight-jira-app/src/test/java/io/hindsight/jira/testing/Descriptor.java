package io.hindsight.jira.testing;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The app's atlassian-plugin.xml as Maven filtered it into the classes (what ships in the jar). */
public final class Descriptor {
    private final Document doc;

    private Descriptor(Document doc) {
        this.doc = doc;
    }

    public static Descriptor load() {
        try (InputStream in = Descriptor.class.getResourceAsStream("/atlassian-plugin.xml")) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new Descriptor(f.newDocumentBuilder().parse(in));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read atlassian-plugin.xml: " + e.getMessage(), e);
        }
    }

    public Element root() {
        return doc.getDocumentElement();
    }

    /** The plugin's module elements: the root's children other than plugin-info and resource. */
    public List<Element> modules() {
        List<Element> out = new ArrayList<>();
        for (Element e : children(root())) {
            if (!e.getTagName().equals("plugin-info") && !e.getTagName().equals("resource")) out.add(e);
        }
        return out;
    }

    public List<Element> modules(String type) {
        return modules().stream().filter(e -> e.getTagName().equals(type)).toList();
    }

    /** The {@code <method>} entries of every velocity-allowlist module. */
    public Set<String> allowlist() {
        Set<String> out = new LinkedHashSet<>();
        for (Element m : modules("velocity-allowlist")) for (Element e : children(m, "method")) out.add(e.getTextContent().strip());
        return out;
    }

    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) out.add((Element) nodes.item(i));
        return out;
    }

    public static List<Element> children(Element parent, String tag) {
        return children(parent).stream().filter(e -> e.getTagName().equals(tag)).toList();
    }

    /** Every element below (and including) {@code parent}. */
    public static List<Element> all(Element parent) {
        List<Element> out = new ArrayList<>();
        out.add(parent);
        for (Element c : children(parent)) out.addAll(all(c));
        return out;
    }
}
