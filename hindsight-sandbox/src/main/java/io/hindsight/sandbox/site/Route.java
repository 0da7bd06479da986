package io.hindsight.sandbox.site;

import java.util.function.Consumer;

/** Route registration, as each emulated product's resources see the server's router: "METHOD /path/{param}". */
@FunctionalInterface
public interface Route {
    void add(String method, String path, Consumer<Exchange> handler);
}
