package io.hindsight.sandbox.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Routes "METHOD /path/{param}" to handlers; path parameters are single segments. */
public final class Router {
    private record Route(String method, Pattern pattern, Consumer<Exchange> handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router on(String method, String template, Consumer<Exchange> handler) {
        String regex = template.replaceAll("\\{[^/]+}", "([^/]+)");
        routes.add(new Route(method, Pattern.compile(regex), handler));
        return this;
    }

    /** The handler for this request, with its path parameters filled in; empty when nothing matches. */
    public Optional<Consumer<Exchange>> route(Exchange ex) {
        boolean pathKnown = false;
        for (Route r : routes) {
            Matcher m = r.pattern.matcher(ex.path);
            if (!m.matches()) continue;
            pathKnown = true;
            if (!r.method.equals(ex.method)) continue;
            for (int i = 1; i <= m.groupCount(); i++) ex.pathParams.add(java.net.URLDecoder.decode(m.group(i), java.nio.charset.StandardCharsets.UTF_8));
            return Optional.of(r.handler);
        }
        if (pathKnown) throw new SandboxError(405, "Method " + ex.method + " is not allowed on " + ex.path);
        return Optional.empty();
    }
}
