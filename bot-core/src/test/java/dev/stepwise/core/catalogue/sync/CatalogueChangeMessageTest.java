package dev.stepwise.core.catalogue.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CatalogueChangeMessageTest {

    @Test
    void roundTripsAsJson() {
        UUID organisation = UUID.fromString("6a7c1d1e-0000-4000-8000-000000000001");
        UUID item = UUID.fromString("6a7c1d1e-0000-4000-8000-000000000002");
        CatalogueChangeMessage message = new CatalogueChangeMessage(organisation, List.of(item));

        assertThat(message.toJson()).isEqualTo("{\"organisationId\":\"" + organisation + "\",\"itemIds\":[\"" + item + "\"]}");
        assertThat(CatalogueChangeMessage.parse(message.toJson())).isEqualTo(message);
    }

    @Test
    void somethingElseIsRefused() {
        assertThatThrownBy(() -> CatalogueChangeMessage.parse("hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CatalogueChangeMessage.parse("{\"itemIds\":[]}")).isInstanceOf(IllegalArgumentException.class);
    }
}
