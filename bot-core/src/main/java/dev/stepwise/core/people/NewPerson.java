package dev.stepwise.core.people;

import java.util.UUID;

/** What is needed to add a person to an organisation. */
public record NewPerson(String key, String name, String email, String timezone, UUID roleId, UUID teamId,
                        UUID managerId) {
}
