package io.trinity.moments;

/** A suggested action for a customer now, with the rule behind it. */
public record Moment(String rule, String action, String why, String priority) {
}
