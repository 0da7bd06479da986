package io.hindsight.core.lint.blameless;

import io.hindsight.core.model.SectionKind;
import org.junit.Assume;
import org.junit.Test;

import java.util.List;
import java.util.Set;

/** A developer's tool: {@code -Dexplain="sentence|sentence"} prints how the checker reads each sentence. */
public class ExplainTest {
    @Test
    public void explain() {
        String text = System.getProperty("explain");
        Assume.assumeTrue("pass -Dexplain=\"a sentence\" to see how the checker reads it", text != null);
        BlamelessChecker checker = new BlamelessChecker(Set.of(), 0.8);
        Lexicon lex = Lexicon.get();
        Words words = new Words(lex, Typos.targets(lex));
        for (String s : text.split("\\|")) {
            List<Token> tokens = words.tokens(s);
            boolean screened = new Screen(lex).worthALook(tokens);
            StringBuilder b = new StringBuilder();
            for (Token t : Tagger.tag(tokens)) b.append(t.text()).append('/').append(t.tag()).append('/').append(t.lemma()).append(' ');
            System.out.println("\n" + s + "\n  screened in: " + screened + "\n  " + b);
            for (BlamelessChecker.Found f : checker.analyse(s, SectionKind.SUMMARY)) {
                System.out.printf("  %s %.2f '%s' agent=%s%n", f.hit().rule(), f.hit().confidence(), f.excerpt(), f.hit().agent());
            }
        }
    }
}
