package io.hindsight.jira.descriptor;

import java.io.File;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/** The classes of a package in the app's compiled classes (target/classes). */
final class RestClasses {
    private RestClasses() {
    }

    static List<Class<?>> in(String pkg) {
        URL url = RestClasses.class.getClassLoader().getResource(pkg.replace('.', '/'));
        if (url == null || !url.getProtocol().equals("file")) throw new AssertionError("package " + pkg + " not found in the classes");
        List<Class<?>> out = new ArrayList<>();
        File[] files = new File(url.getPath()).listFiles((d, n) -> n.endsWith(".class") && !n.contains("$"));
        for (File f : files == null ? new File[0] : files) {
            try {
                out.add(Class.forName(pkg + "." + f.getName().replace(".class", "")));
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }
}
