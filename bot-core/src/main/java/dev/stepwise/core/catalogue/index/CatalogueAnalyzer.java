package dev.stepwise.core.catalogue.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * English analysis for catalogue text and for what people ask: Lucene's English analyzer (possessives, lower case,
 * Porter stemming) with a stop set for questions asked in chat. Lucene's own English stop set keeps "I", "my", "how"
 * and the like, so "how do I give feedback to my team" would score items on "i", "my" and "how"; here they go.
 */
public final class CatalogueAnalyzer {

    /** Lucene's English stop words plus pronouns, auxiliaries, question words and chat filler. */
    public static final CharArraySet STOP_WORDS;

    static {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        words.addAll(List.of(
                "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours",
                "yourself", "he", "him", "his", "she", "her", "hers", "its", "them", "themselves", "someone", "somebody",
                "am", "been", "being", "do", "does", "did", "doing", "have", "has", "had", "having", "can", "could",
                "should", "would", "shall", "may", "might", "must", "what", "which", "who", "whom", "whose", "how", "why",
                "when", "where", "want", "wants", "need", "needs", "help", "please", "thanks", "get", "got", "some", "any",
                "about", "from", "so", "just", "also", "like", "something", "anything", "tips", "way", "ways", "really",
                "very", "much", "lot", "lots", "all", "up", "out", "than", "too", "im", "ive", "i'm", "i've", "i'd", "i'll",
                "tomorrow", "today", "tonight", "soon"));
        STOP_WORDS = CharArraySet.unmodifiableSet(words);
    }

    private CatalogueAnalyzer() {
    }

    /** A new analyzer (thread-safe; share it). */
    public static Analyzer create() {
        return new EnglishAnalyzer(STOP_WORDS);
    }

    /** The distinct terms {@code text} analyses to, in order, at most {@code max}. */
    public static List<String> terms(Analyzer analyzer, String field, String text, int max) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && terms.size() < max) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Analysing text in memory failed", e);
        }
        return List.copyOf(terms);
    }
}
