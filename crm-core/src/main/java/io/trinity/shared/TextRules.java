package io.trinity.shared;

/** What free text may contain: no control characters (line breaks and tabs aside) and no broken UTF-16. */
public final class TextRules {

    private TextRules() {
    }

    /** True when the text can be stored and shown as written. */
    public static boolean isStorable(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                return false;
            }
            if (c == 0x7f) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
