package dev.stepwise.app.admin;

import dev.stepwise.core.llm.Llm;
import dev.stepwise.core.llm.LlmSettings;
import dev.stepwise.core.organisation.Organisation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * How much of its daily LLM token budget an organisation has used: {@code GET /admin/api/organisations/{org}/llm-usage}.
 * Only this organisation's own figures; call counts and latencies across organisations are Micrometer metrics
 * ({@code stepwise.llm.calls}, {@code stepwise.llm.tokens}) for the operator, not for an organisation's admin.
 */
@RestController
class LlmUsageAdminController {

    /**
     * @param llm              "on" or "off"
     * @param dailyTokenBudget tokens (in and out) the organisation may use per UTC day; 0 means no limit
     * @param resetsAt         when today's count starts again (midnight UTC)
     */
    record UsageJson(String organisation, String llm, String model, long tokensUsedToday, long dailyTokenBudget,
                     Instant resetsAt) {
    }

    private final AdminOrganisations organisations;
    private final Llm llm;
    private final LlmSettings settings;
    private final Clock clock;

    LlmUsageAdminController(AdminOrganisations organisations, Llm llm, ObjectProvider<LlmSettings> settings, Clock clock) {
        this.organisations = organisations;
        this.llm = llm;
        this.settings = settings.getIfAvailable(LlmSettings::disabled);
        this.clock = clock;
    }

    @GetMapping("/admin/api/organisations/{organisation}/llm-usage")
    UsageJson usage(@PathVariable String organisation, HttpServletRequest request) {
        Organisation org = organisations.administered(organisation, request);
        Instant midnight = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new UsageJson(org.key(), llm.enabled() ? "on" : "off", llm.enabled() ? settings.model() : null,
                llm.tokensUsedToday(org.id()), settings.dailyTokensPerOrganisation(), midnight);
    }
}
