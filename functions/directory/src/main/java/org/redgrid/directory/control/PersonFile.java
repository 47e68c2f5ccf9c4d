package org.redgrid.directory.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.redgrid.directory.entity.Household;
import org.redgrid.directory.entity.Person;
import org.redgrid.directory.entity.Position;

/**
 * A person with their posts, which personal fields this read may show unmasked (already audited), and, on the
 * resident's own read only, their household (户): a resident may not read households, so their address comes this way.
 */
public record PersonFile(Person person, List<Position> positions, Set<String> revealed, Household household) {

    public PersonFile(Person person, List<Position> positions, Set<String> revealed) {
        this(person, positions, revealed, null);
    }

    /** Every path the person is registered at: home and posts. Scope checks accept any of them. */
    public List<String> paths() {
        List<String> paths = new ArrayList<>();
        paths.add(person.homePath());
        positions.forEach(p -> paths.add(p.nodePath()));
        return paths;
    }
}
