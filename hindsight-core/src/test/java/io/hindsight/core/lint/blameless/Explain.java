package io.hindsight.core.lint.blameless;

import io.hindsight.core.model.SectionKind;

import java.util.List;
import java.util.Set;

/**
 * A developer's tool, not a test: prints how the checker reads sentences (screen, tokens, tags,
 * lemmas, findings with their agent and confidence). From {@code hindsight-core}, after {@code mvn test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.hindsight.core.lint.blameless.Explain "sentence" ...}
 * with cp.txt from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class Explain {
    private Explain() {
    }

    public static void main(String[] sentences) {
        BlamelessChecker checker = new BlamelessChecker(Set.of(), BlamelessChecker.DEFAULT_BLOCKING_CONFIDENCE);
        Lexicon lex = Lexicon.get();
        Words words = new Words(lex, Typos.targets(lex));
        for (String s : sentences) {
            boolean screened = Screen.get(lex).worthALook(words.tokens(s, false));
            List<Token> tokens = words.lemmatised(Tagger.tag(words.tokens(s)));
            StringBuilder b = new StringBuilder();
            for (Token t : tokens) b.append(t.text()).append('/').append(t.tag()).append('/').append(t.lemma()).append(' ');
            System.out.println("\n" + s + "\n  screened in: " + screened + "\n  " + b);
            for (BlamelessChecker.Found f : checker.analyse(s, SectionKind.SUMMARY, false)) {
                System.out.printf("  %s %.2f '%s' agent=%s%n", f.hit().rule(), f.hit().confidence(), f.excerpt(), f.hit().agent());
            }
        }
    }
}
