package io.trinity.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRulesTests {

    @Test
    void ordinaryMultilingualTextAndEmojiAreStorable() {
        assertThat(TextRules.isStorable("Åse Nygård, Tromsø — 陈伟 🧡🏔️🛶 O'Brien", false)).isTrue();
    }

    @Test
    void lineBreaksOnlyWhereMultilineTextIsExpected() {
        assertThat(TextRules.isStorable("two\nlines\ttab", true)).isTrue();
        assertThat(TextRules.isStorable("two\nlines", false)).isFalse();
    }

    @Test
    void nulAndBrokenSurrogatesAreRefused() {
        assertThat(TextRules.isStorable("nul\u0000byte", true)).isFalse();
        assertThat(TextRules.isStorable("lone \ud800 high", true)).isFalse();
        assertThat(TextRules.isStorable("lone \udc00 low", true)).isFalse();
        assertThat(TextRules.isStorable("ends high \ud83e", true)).isFalse();
    }
}
