package dev.stepwise.core.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.core.catalogue.Catalogue;
import dev.stepwise.core.organisation.ChannelIdentity;
import dev.stepwise.core.organisation.Organisations;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestOrganisation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrganisationImportTest {

    private final OrganisationImport importer = CoreTestContext.bean(OrganisationImport.class);
    private final Organisations organisations = CoreTestContext.bean(Organisations.class);

    @Test
    void anOrganisationIsFoundByItsSlackAndTeamsIdentities() {
        TestOrganisation org = TestOrganisation.create();
        assertThat(organisations.findByIdentity(new ChannelIdentity("slack", "team", "T" + org.key().toUpperCase())))
                .map(o -> o.id()).contains(org.id());
        assertThat(organisations.findByIdentity(new ChannelIdentity("slack", "team", "T-UNKNOWN"))).isEmpty();
        assertThat(CoreTestContext.bean(Catalogue.class).count(org.id())).isEqualTo(1);
    }

    @Test
    void loadingTheSameOrganisationTwiceLeavesTheFirstAlone() {
        TestOrganisation org = TestOrganisation.create();
        var again = importer.loadIfAbsent(TestOrganisation.data(org.key()));
        assertThat(again.id()).isEqualTo(org.id());
    }

    @Test
    void aBrokenReferenceRollsBackTheWholeImport() {
        String key = "broken-" + System.nanoTime();
        OrganisationData good = TestOrganisation.data(key);
        var people = new java.util.ArrayList<>(good.people());
        var first = people.getFirst();
        people.set(0, new OrganisationData.PersonData(first.key(), first.name(), first.email(), first.timezone(),
                "no-such-role", first.team(), first.manager(), first.identities()));
        OrganisationData broken = new OrganisationData(good.organisation(), good.skills(), good.roles(),
                good.businessGoals(), good.teams(), List.copyOf(people), good.objectives(), good.catalogue());

        assertThatThrownBy(() -> importer.load(broken)).hasMessageContaining("role 'no-such-role'");
        assertThat(organisations.findByKey(key)).isEmpty();
    }

    @Test
    void unknownFieldsInTheJsonAreReportedRatherThanIgnored() {
        String json = "{\"organisation\": {\"nmae\": \"typo\", \"key\": \"x\", \"anonymousFeedbackAllowed\": false}}";
        assertThatThrownBy(() -> OrganisationImport.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("nmae");
    }
}
