package io.trinity.marketing;

import org.jspecify.annotations.Nullable;

/**
 * A campaign against its holdout, over the campaign window: who responded (any order or activity), who bought,
 * and revenue per customer, for both groups; lift compares the contacted group's purchase rate to the holdout's.
 */
public record CampaignResults(Group contacted, Group holdout, @Nullable Double conversionLift,
        @Nullable Double revenueLift, String currency) {

    /** One group's figures; revenue in major units of the base currency. */
    public record Group(long customers, long responders, long buyers, double revenue) {

        public double responseRate() {
            return customers == 0 ? 0 : (double) responders / customers;
        }

        public double conversionRate() {
            return customers == 0 ? 0 : (double) buyers / customers;
        }

        public double revenuePerCustomer() {
            return customers == 0 ? 0 : revenue / customers;
        }
    }

    /** Relative lift of a over b, or null when b is zero. */
    public static @Nullable Double lift(double a, double b) {
        return b == 0 ? null : (a - b) / b;
    }
}
