package dev.stepwise.teams.connector;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * Wire JSON for the Bot Connector, with the schema's Jackson 2 models.
 *
 * <p>Only annotated properties are written: the schema's unannotated getters ({@code isGroup()}, {@code
 * isTeamsActivity()}, …) would otherwise add fields the service never defined ({@code "group"}, {@code
 * "teamsActivity"}), as the SDK's own mapper does. Attachment content built with Boot's Jackson 3 is written as
 * the JSON it holds, not as a bean.
 */
final class ConnectorJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule("jackson3-trees") {
                @Override
                public void setupModule(SetupContext context) {
                    context.addSerializers(new Jackson3Trees());
                }
            })
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .setVisibility(PropertyAccessor.GETTER, Visibility.NONE)
            .setVisibility(PropertyAccessor.IS_GETTER, Visibility.NONE);

    private ConnectorJson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Couldn't write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The body's JSON, or a missing node when it is empty or not JSON (gateways answer errors in HTML). */
    static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return MAPPER.missingNode();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null ? MAPPER.missingNode() : node;
        } catch (JsonProcessingException notJson) {
            return MAPPER.missingNode();
        }
    }

    static <T> T read(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new BotConnectorException(BotConnectorException.NO_ANSWER, "unreadable",
                    "Couldn't read the Bot Connector's answer as " + type.getSimpleName(), e);
        }
    }

    private static final class Jackson3Trees extends Serializers.Base {

        private static final JsonSerializer<Object> AS_RAW_JSON = new StdSerializer<>(Object.class) {
            @Override
            public void serialize(Object tree, JsonGenerator generator, SerializerProvider provider)
                    throws IOException {
                generator.writeRawValue(tree.toString());
            }
        };

        @Override
        public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription bean) {
            for (Class<?> c = type.getRawClass(); c != null; c = c.getSuperclass()) {
                if (c.getName().equals("tools.jackson.databind.JsonNode")) {
                    return AS_RAW_JSON;
                }
            }
            return null;
        }
    }
}
