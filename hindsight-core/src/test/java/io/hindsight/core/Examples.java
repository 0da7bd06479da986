package io.hindsight.core;

import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.markdown.ParsedPostMortem;
import io.hindsight.core.plan.SloPolicyLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample post-mortems in the repository's examples/ folder, as users see them. */
public final class Examples {
    private Examples() {
    }

    public static Path path(String name) {
        return Path.of("..", "examples", name);
    }

    public static String text(String name) {
        try {
            return Files.readString(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MarkdownReader reader() {
        return new MarkdownReader(SloPolicyLoader.defaults().actionClasses());
    }

    public static ParsedPostMortem read(String name) {
        return reader().read(text(name), name);
    }

    /**
     * The example once published as issue {@code key}: the key in its front matter, as {@code publish --write-keys}
     * writes it (the shipped files name no issue, so they publish on any site without touching another issue).
     */
    public static ParsedPostMortem asPublished(String name, String key) {
        return reader().read(io.hindsight.core.markdown.FrontMatterKey.set(text(name), key), name);
    }
}
