package io.hindsight.core.lint.blameless;

import org.junit.Test;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Quoted and rejected words are set aside before the rules and the model read a sentence. The cheap pass that decides
 * whether the patterns need to run must let through everything the patterns match, letters their case-insensitive
 * matching folds included.
 */
public class QuotesTest {
    private static boolean masked(String sentence, String word) {
        int at = sentence.indexOf(word);
        assertTrue(word + " in " + sentence, at >= 0);
        return Quotes.mask(sentence)[at];
    }

    @Test
    public void quotedAndRejectedWordsAreSetAside() {
        assertTrue(masked("An early draft said \"Ana broke it\"; the timeline shows otherwise.", "Ana"));
        assertTrue(masked("Instead of writing that Ana broke it, we describe the missing check.", "Ana"));
        assertTrue(masked("We removed the sentence about Ana from the summary.", "Ana"));
        assertTrue(masked("It is easy to blame Ana.", "Ana"));
        assertTrue(masked("Lars said Ana broke it, but the logs show otherwise.", "Ana"));
        assertFalse(masked("Ana broke it.", "Ana"));
        assertFalse(masked("Ana rolled back at 14:05 after the deploy.", "Ana"));
    }

    @Test
    public void lettersTheCaseInsensitivePatternsFoldAreReadAsTheirAsciiLetters() {
        // "ſ" (long s) matches "s" and "ı" (dotless i) matches "i" in the patterns; the cheap pass must agree
        assertTrue(masked("We removed the ſentence about Ana.", "Ana"));
        assertTrue(masked("It is eaſy to blame Ana.", "Ana"));
        assertTrue(masked("İt is easy to blame Ana.", "Ana"));
        assertTrue(masked("Lars said Ana broke it and the logs ſhow otherwise.", "Ana"));
        assertTrue(masked("ınstead of blaming Ana, we looked at the deploy tool.", "Ana"));
    }
}
