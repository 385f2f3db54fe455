package dev.stepwise.core.people;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Someone in an organisation, with what flows show about them.
 *
 * @param roleName the name of their role, or null
 * @param teamName the name of their team, or null
 */
public record Person(UUID id, UUID organisationId, String key, String name, String email, String timezone,
                     UUID roleId, UUID teamId, UUID managerId, String roleName, String teamName) {

    public String firstName() {
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    /** "Ben Adeyemi (Software Engineer, Growth)" — enough to tell two people apart. */
    public String describe() {
        String detail = roleName == null ? teamName : teamName == null ? roleName : roleName + ", " + teamName;
        return detail == null ? name : name + " (" + detail + ")";
    }

    /** Their timezone; UTC when it is missing or not a zone Java knows. */
    public ZoneId zone() {
        return zone(timezone);
    }

    /** A stored timezone name as a zone; UTC when it is missing or unknown. */
    public static ZoneId zone(String timezone) {
        try {
            return timezone == null || timezone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timezone);
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }
}
