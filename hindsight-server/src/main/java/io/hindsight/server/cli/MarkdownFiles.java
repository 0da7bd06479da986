package io.hindsight.server.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The post-mortem files a command was given: files as named, and each directory's *.md files in name order. */
final class MarkdownFiles {
    private MarkdownFiles() {
    }

    static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".md") && Files.isRegularFile(f)).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new IllegalArgumentException(p + ": no such file or directory");
            }
        }
        if (files.isEmpty()) throw new IllegalArgumentException("no *.md files in " + paths);
        return files;
    }
}
