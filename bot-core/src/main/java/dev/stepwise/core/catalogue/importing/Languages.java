package dev.stepwise.core.catalogue.importing;

import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An item's language as a BCP 47 tag ({@code en}, {@code fr-CA}), read from a tag in any case or from the language's
 * English name ("English", "French") as exports often write it.
 */
final class Languages {

    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        for (String code : Locale.getISOLanguages()) {
            String name = Locale.of(code).getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (!name.isBlank() && !name.equals(code)) {
                BY_NAME.putIfAbsent(name, code);
            }
        }
    }

    private Languages() {
    }

    static Optional<String> tag(String text) {
        String value = text.strip().replace('_', '-');
        String byName = BY_NAME.get(value.toLowerCase(Locale.ROOT));
        if (byName != null) {
            return Optional.of(byName);
        }
        if (!value.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Locale.Builder().setLanguageTag(value).build().toLanguageTag());
        } catch (IllformedLocaleException notATag) {
            return Optional.empty();
        }
    }
}
