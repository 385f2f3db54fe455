package dev.stepwise.core.feedback.summary;

import java.util.List;

/**
 * A summary an LLM wrote of one request's answers, already parsed and checked (see
 * {@code dev.stepwise.core.feedback.requests.WrittenSummaries}); shown by {@link RequestSummary#written}.
 *
 * @param wentWell      up to three points
 * @param couldBeBetter up to three points
 * @param nextStep      one suggestion, or ""
 */
public record WrittenSummary(List<String> wentWell, List<String> couldBeBetter, String nextStep) {

    public static final int MAX_POINTS = 3;

    public WrittenSummary {
        wentWell = List.copyOf(wentWell.subList(0, Math.min(MAX_POINTS, wentWell.size())));
        couldBeBetter = List.copyOf(couldBeBetter.subList(0, Math.min(MAX_POINTS, couldBeBetter.size())));
        nextStep = nextStep == null ? "" : nextStep;
    }

    public boolean isEmpty() {
        return wentWell.isEmpty() && couldBeBetter.isEmpty() && nextStep.isBlank();
    }
}
