package dev.stepwise.teams.outbound;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The conversations the bot has with people, teams and group chats, kept in PostgreSQL so that it can message
 * a person later (a proactive message goes to their personal conversation at its service URL).
 */
public class ConversationReferences {

    private final JdbcClient jdbc;
    private final Clock clock;

    /** @param clock when a conversation was last heard of (the latest personal conversation is the one used) */
    public ConversationReferences(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Where one conversation is. */
    public record Reference(String conversationId, String tenantId, String conversationType, String serviceUrl,
                            String botId, String userId, String userAadObjectId, String teamId) {

        public boolean personal() {
            return "personal".equals(conversationType);
        }
    }

    /** Stores or refreshes the reference; true when the bot didn't know this conversation before. */
    public boolean remember(Reference reference) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        Boolean inserted = jdbc.sql("""
                        insert into teams_conversations (conversation_id, tenant_id, conversation_type, service_url, bot_id,
                                                         user_id, user_aad_object_id, team_id, installed_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (conversation_id) do update set
                            service_url = excluded.service_url, bot_id = excluded.bot_id,
                            user_id = coalesce(excluded.user_id, teams_conversations.user_id),
                            team_id = coalesce(excluded.team_id, teams_conversations.team_id),
                            updated_at = excluded.updated_at
                        returning (xmax = 0)""")
                .params(reference.conversationId(), reference.tenantId(), reference.conversationType(),
                        reference.serviceUrl(), reference.botId(), reference.userId(), reference.userAadObjectId(),
                        reference.teamId(), now, now)
                .query(Boolean.class).single();
        return Boolean.TRUE.equals(inserted);
    }

    /** The person's personal conversation with the bot, if they have installed it for themselves. */
    public Optional<Reference> personal(String tenantId, String userAadObjectId) {
        return jdbc.sql("""
                        select conversation_id, tenant_id, conversation_type, service_url, bot_id, user_id,
                               user_aad_object_id, team_id
                        from teams_conversations
                        where tenant_id = ? and user_aad_object_id = ? and conversation_type = 'personal'
                        order by updated_at desc limit 1""")
                .params(tenantId, userAadObjectId).query(Reference.class).optional();
    }

    public Optional<Reference> find(String conversationId) {
        return jdbc.sql("""
                        select conversation_id, tenant_id, conversation_type, service_url, bot_id, user_id,
                               user_aad_object_id, team_id
                        from teams_conversations where conversation_id = ?""")
                .param(conversationId).query(Reference.class).optional();
    }

    /** The bot was removed from the conversation (uninstalled): nothing more goes there. */
    public boolean forget(String conversationId) {
        return jdbc.sql("delete from teams_conversations where conversation_id = ?").param(conversationId).update() > 0;
    }
}
