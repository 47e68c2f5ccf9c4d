package org.redgrid.directory.control;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.directory.entity.Keys;
import org.redgrid.directory.entity.Person;
import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.people.PeoplePort;

/**
 * The directory's answer to "who is this login, which household is theirs" for other domains: the account link
 * (ACCOUNT#&lt;login&gt;, as {@code /directory/me} reads it), then the person's profile; a household by id. GetItems only.
 */
@ApplicationScoped
public class DirectoryPeople implements PeoplePort {

    @Inject
    DirectoryStore store;

    @Override
    public Optional<Resident> byLogin(String login) {
        return store.table().get(Keys.account(login), Keys.ACCOUNT_SK).map(link -> Attr.str(link, "personId"))
                .flatMap(id -> store.table().get(Keys.person(id), Keys.PROFILE_SK)).map(Person::fromItem)
                .map(p -> new Resident(p.id(), p.householdId(), p.homeNodeCode(), p.name()));
    }

    @Override
    public Optional<Household> household(String householdId) {
        return store.table().get(Keys.household(householdId), Keys.HOUSEHOLD_SK)
                .map(org.redgrid.directory.entity.Household::fromItem)
                .map(h -> new Household(h.id(), h.nodeCode(), h.nodePath(), h.label(), h.address()));
    }
}
