package io.hindsight.core.lint.blameless;

import org.junit.Test;

import java.util.List;

import static org.junit.Assert.assertEquals;

public class WordsTest {
    private final Words words = new Words(Lexicon.get(), Typos.targets(Lexicon.get()));

    private List<String> texts(String s) {
        return words.tokens(s).stream().map(Token::text).toList();
    }

    private List<String> lemmas(String s) {
        return words.lemmatised(words.tokens(s)).stream().map(Token::lemma).toList();
    }

    @Test
    public void tokensAreCutTheWayTheTaggerWasTrained() {
        assertEquals(List.of("Yusuf", "'s", "fix", "did", "n't", "ship", "."), texts("Yusuf's fix didn't ship."));
        assertEquals(List.of("@jdoe", "paged", "the", "on-call", "at", "14:05", "(", "v1.2.3", ",", "4,000", "users", ",", "10%", ")"),
                texts("@jdoe paged the on-call at 14:05 (v1.2.3, 4,000 users, 10%)"));
        assertEquals(List.of("see", "https://example.com/a?b=1", "and", "/var/log", "."),
                words.tokens("see https://example.com/a?b=1 and /var/log.", false).stream().map(Token::text).toList());
        assertEquals(List.of("O", "'", "Neill", "should", "'ve", "waited"), texts("O'Neill should've waited"));
    }

    @Test
    public void quotedWordsAreLeftOut() {
        assertEquals(List.of("We", "removed", "from", "the", "draft", "."), texts("We removed \"Bob broke it\" from the draft."));
        assertEquals("links are names, not prose", List.of("see", "and", "/var/log", "."), texts("see https://example.com/a?b=1 and /var/log."));
    }

    @Test
    public void lemmasAndMendedTypos() {
        assertEquals(List.of("the", "intern", "forget", "to", "renew", "the", "certificate"), lemmas("the intern forgott to renew the certificates"));
        assertEquals("a real word near a trigger is not mended", List.of("it", "be", "cold"), lemmas("it was cold"));
        assertEquals(List.of("human", "error"), lemmas("humman eror"));
    }
}
