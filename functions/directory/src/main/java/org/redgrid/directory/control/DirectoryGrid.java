package org.redgrid.directory.control;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.kernel.grid.GridPort;

/** The directory's answer to "where is node X" for other domains (no scope check: callers check their own). */
@ApplicationScoped
public class DirectoryGrid implements GridPort {

    @Inject
    DirectoryStore store;

    @Inject
    NodeNames names;

    @Override
    public Optional<Place> where(String nodeCode) {
        return store.node(nodeCode).map(n -> new Place(n.code(), n.name(), n.level().name(), n.path(), n.pathCodes(),
                NodeNames.along(n.path(), names.of(List.of(n.path()), List.of())), n.boundary(), n.active()));
    }
}
