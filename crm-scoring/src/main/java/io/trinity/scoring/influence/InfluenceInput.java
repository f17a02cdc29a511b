package io.trinity.scoring.influence;

/**
 * One customer's raw influence signals.
 *
 * @param followers          audience summed over linked identities
 * @param postsPer30d        posts, shares and mentions per 30 days
 * @param engagementPerPost  reactions, comments and shares their content earns, per post
 * @param amplification      shares and mentions of the brand plus the engagement those earned
 * @param pageRank           centrality in the customer graph
 */
public record InfluenceInput(long customerId, long followers, double postsPer30d, double engagementPerPost,
        double amplification, double pageRank) {
}
