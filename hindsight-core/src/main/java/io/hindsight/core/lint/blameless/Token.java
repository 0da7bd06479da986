package io.hindsight.core.lint.blameless;

/**
 * One word or mark of a sentence.
 *
 * @param text  as written
 * @param lower lower case, typos mended ("forgott" becomes "forgot") where the mend is unambiguous
 * @param lemma base form ("forgot" -> forget), from {@link Lexicon#lemma}
 * @param tag   universal part of speech from the OpenNLP tagger (NOUN, PROPN, VERB...), or "" before tagging
 * @param start offset in the sentence
 * @param end   offset after the token
 */
record Token(String text, String lower, String lemma, String tag, int start, int end) {
    Token withTag(String t) {
        return new Token(text, lower, lemma, t, start, end);
    }

    boolean is(String... lemmas) {
        for (String l : lemmas) if (lemma.equals(l) || lower.equals(l)) return true;
        return false;
    }

    boolean capitalised() {
        return !text.isEmpty() && Character.isUpperCase(text.charAt(0));
    }

    boolean word() {
        return !text.isEmpty() && (Character.isLetter(text.charAt(0)) || text.charAt(0) == '@');
    }

    boolean noun() {
        return tag.equals("NOUN") || tag.equals("PROPN");
    }

    boolean verb() {
        return tag.equals("VERB");
    }

    boolean negation() {
        return lower.equals("not") || lower.equals("n't") || lower.equals("never") || lower.equals("no");
    }
}
