package io.trinity.duplicates.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Parameters for a base too small to estimate its own ({@link Matcher#MIN_ESTIMATE} customers): EM needs enough
 * duplicate pairs to learn m, and random pairs of a few hundred customers cannot resolve u for rare levels. They
 * are the parameters a scan estimated on the labelled synthetic population of {@code bench/identity.sh} (20,000
 * people of five markets, seed 42; {@code priors.json}, remade with {@code -Dpriors=} on
 * {@code MatchingQualityTests}), with the prior λ scaled to the base: about one person in twenty with a second
 * record. Term frequencies always come from the base itself.
 */
public final class Priors {

    private static final MatchModel.Parameters SHIPPED = load();

    private Priors() {
    }

    public static MatchModel.Parameters forBase(int records) {
        double pairs = Math.max(1.0, records * (records - 1) / 2.0);
        double lambda = Math.min(0.5, Math.max(1e-12, 0.05 * records / pairs));
        return new MatchModel.Parameters(lambda, SHIPPED.m(), SHIPPED.u(), java.util.List.of());
    }

    private static MatchModel.Parameters load() {
        try (InputStream in = Priors.class.getResourceAsStream("priors.json")) {
            if (in == null) {
                throw new IllegalStateException("priors.json is missing from the classpath");
            }
            return ModelStore.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
