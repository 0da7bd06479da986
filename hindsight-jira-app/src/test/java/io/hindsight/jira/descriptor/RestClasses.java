package io.hindsight.jira.descriptor;

import java.io.File;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The classes of a package, from every classes directory on the test classpath (main and test). */
final class RestClasses {
    private RestClasses() {
    }

    static List<Class<?>> in(String pkg) {
        List<Class<?>> out = new ArrayList<>();
        try {
            for (URL url : Collections.list(RestClasses.class.getClassLoader().getResources(pkg.replace('.', '/')))) {
                if (!url.getProtocol().equals("file")) continue;
                File[] files = new File(url.toURI()).listFiles((d, n) -> n.endsWith(".class") && !n.contains("$"));
                for (File f : files == null ? new File[0] : files) out.add(Class.forName(pkg + "." + f.getName().replace(".class", "")));
            }
        } catch (Exception e) {
            throw new AssertionError("cannot list package " + pkg, e);
        }
        if (out.isEmpty()) throw new AssertionError("package " + pkg + " not found in the classes");
        return out;
    }
}
