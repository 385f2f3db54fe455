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
    void privacyRulesComeWithTheOrganisationAndImpossibleOnesAreRefusedWholesale() {
        String key = "privacy-" + System.nanoTime();
        OrganisationData good = TestOrganisation.data(key);
        var info = good.organisation();
        OrganisationData strict = new OrganisationData(new OrganisationData.OrganisationInfo(info.key(), info.name(),
                info.anonymousFeedbackAllowed(), info.identities(), 5, "named"), good.skills(), good.roles(),
                good.businessGoals(), good.teams(), good.people(), good.objectives(), good.catalogue());

        var loaded = importer.load(strict);

        assertThat(organisations.anonymityThreshold(loaded.id())).isEqualTo(5);
        assertThat(CoreTestContext.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select manager_feedback_access from organisations where id = ?").param(loaded.id())
                .query(String.class).single()).isEqualTo("named");

        String otherKey = "privacy-bad-" + System.nanoTime();
        OrganisationData other = TestOrganisation.data(otherKey);
        var otherInfo = other.organisation();
        OrganisationData loose = new OrganisationData(new OrganisationData.OrganisationInfo(otherInfo.key(), otherInfo.name(),
                true, otherInfo.identities(), 1, null), other.skills(), other.roles(), other.businessGoals(), other.teams(),
                other.people(), other.objectives(), other.catalogue());
        assertThatThrownBy(() -> importer.load(loose)).hasMessageContaining("anonymityThreshold must be at least 2");
        assertThat(organisations.findByKey(otherKey)).isEmpty();
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
