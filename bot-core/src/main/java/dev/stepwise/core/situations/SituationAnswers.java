package dev.stepwise.core.situations;

import dev.stepwise.core.catalogue.CatalogueItem;
import dev.stepwise.core.catalogue.search.CatalogueSearch;
import dev.stepwise.core.catalogue.search.SearchHit;
import dev.stepwise.core.catalogue.search.SearchQuery;
import dev.stepwise.core.llm.Llm;
import dev.stepwise.core.llm.LlmReply;
import dev.stepwise.core.llm.ModelOutput;
import dev.stepwise.core.text.UserText;
import dev.stepwise.prompts.Prompts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Just-in-time help: retrieves the organisation's catalogue items closest to the situation (hybrid search), then
 * either has the LLM write brief guidance citing some of them (prompt {@code situation-help}, checked by
 * {@link GroundedGuidance}), or, without an LLM or when it fails, answers with the best items and a one-line reason
 * each, taken from the items themselves.
 *
 * <p>The prompt holds the person's own words and this organisation's retrieved items, nothing else: no names from
 * the directory, no feedback, nothing from another organisation. The person's words and the items are fenced, with
 * angle brackets in them replaced, so neither can pose as instructions.
 */
@Component
public class SituationAnswers {

    static final String PROMPT = "situation-help";
    static final int RETRIEVED = 5;
    static final int SHOWN_WITHOUT_LLM = 3;
    private static final int MAX_DESCRIPTION = 300;
    private static final int MAX_REASON = 160;

    private final CatalogueSearch search;
    private final Llm llm;

    public SituationAnswers(CatalogueSearch search, Llm llm) {
        this.search = search;
        this.llm = llm;
    }

    public SituationAnswer answer(UUID organisationId, Situation situation) {
        return answer(organisationId, situation, draft -> { });
    }

    /**
     * As {@link #answer(UUID, Situation)}, showing the LLM's guidance as it is written: {@code drafts} is given an empty
     * list when the LLM starts, then the steps written so far (cleaned as the finished answer is) each time they grow.
     * Drafts are only a preview: the answer returned is the checked one, or the answer without an LLM.
     */
    public SituationAnswer answer(UUID organisationId, Situation situation, Consumer<List<String>> drafts) {
        List<CatalogueItem> found = search.search(organisationId, SearchQuery.of(situation.searchText(), RETRIEVED)).stream()
                .map(SearchHit::item).toList();
        if (llm.enabled()) {
            Optional<SituationAnswer> written = written(organisationId, situation, found, drafts);
            if (written.isPresent()) {
                return written.get();
            }
        }
        return new SituationAnswer(List.of(), found.stream().limit(SHOWN_WITHOUT_LLM)
                .map(item -> new SituationAnswer.Cited(item, reason(item))).toList(), false);
    }

    private Optional<SituationAnswer> written(UUID organisationId, Situation situation, List<CatalogueItem> found,
                                              Consumer<List<String>> drafts) {
        drafts.accept(List.of());
        AtomicReference<List<String>> shown = new AtomicReference<>(List.of());
        LlmReply reply = llm.stream(organisationId, Prompts.load(PROMPT).render(Map.of(
                "situation", fenced(situation.text()),
                "goal", situation.goal().isEmpty() ? "(not given)" : fenced(situation.goal()),
                "good", situation.good().isEmpty() ? "(not given)" : fenced(situation.good()),
                "items", items(found))), soFar -> {
                    List<String> steps = GroundedGuidance.draft(soFar);
                    if (!steps.equals(shown.get())) {
                        shown.set(steps);
                        drafts.accept(steps);
                    }
                });
        if (!(reply instanceof LlmReply.Written text)) {
            return Optional.empty();
        }
        return GroundedGuidance.check(text.text(), found).map(checked -> new SituationAnswer(checked.steps(),
                checked.cited().stream().map(item -> new SituationAnswer.Cited(item, reason(item))).toList(), true));
    }

    static String items(List<CatalogueItem> found) {
        if (found.isEmpty()) {
            return "(no items)";
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            CatalogueItem item = found.get(i);
            lines.add("[%d] %s (%s%s)\n%s".formatted(i + 1, fenced(item.title()), item.type(),
                    item.durationMinutes() == null ? "" : ", " + item.durationMinutes() + " min",
                    cut(fenced(item.description()), MAX_DESCRIPTION)));
        }
        return String.join("\n\n", lines);
    }

    /** The first sentence of the item's description, as the reason to look at it. */
    static String reason(CatalogueItem item) {
        String description = item.description() == null ? "" : item.description().strip().replaceAll("\\s+", " ");
        if (description.isEmpty()) {
            return "";
        }
        int end = description.length();
        for (int i = 0; i < description.length() - 1; i++) {
            char c = description.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && description.charAt(i + 1) == ' ') {
                end = i + 1;
                break;
            }
        }
        return cut(description.substring(0, end), MAX_REASON);
    }

    private static String fenced(String typed) {
        return ModelOutput.fenced(typed);
    }

    private static String cut(String text, int max) {
        return UserText.cut(text, max);
    }
}
