package org.redgrid.directory.control;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.redgrid.directory.entity.Activity;
import org.redgrid.directory.entity.GridNode;
import org.redgrid.directory.entity.Keys;
import org.redgrid.kernel.events.DomainEvent;
import org.redgrid.kernel.events.EventConsumer;
import org.redgrid.kernel.events.ProcessedEvents;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.security.Guard;

/**
 * Each node's activity feed (网格动态), fed by the directory's own events through DirectoryTable's stream: the
 * proof that an event written with its cause reaches a consumer once. The consumer is the stream function's
 * {@value #NAME} handler (template.yaml); the feed is read through {@code GET /directory/nodes/{code}/activity}.
 */
@ApplicationScoped
@Named(ActivityFeed.NAME)
public class ActivityFeed implements EventConsumer {

    public static final String NAME = "directory-activity";

    @Inject
    DirectoryStore store;

    @Inject
    Guard guard;

    @Inject
    Clock clock;

    @Override
    public void consume(DomainEvent e) {
        List<Activity> lines = switch (e.type()) {
            case DirectoryEvents.PERSON_MOVED -> {
                String who = e.data().get("personName");
                String from = e.data().get("fromNode");
                String to = e.data().get("toNode");
                yield List.of(new Activity(from, e.time(), e.id(), e.type(), who + " 迁出至 " + to, e.data().get("personId"), from, to),
                        new Activity(to, e.time(), e.id(), e.type(), who + " 迁入（原居住 " + from + "）", e.data().get("personId"), from, to));
            }
            case DirectoryEvents.NODE_MOVED -> {
                String from = e.data().get("fromParent");
                String to = e.data().get("toParent");
                String code = e.data().get("code");
                yield List.of(new Activity(code, e.time(), e.id(), e.type(), "由 " + from + " 移至 " + to, null, from, to),
                        new Activity(from, e.time(), e.id(), e.type(), code + " 移出至 " + to, null, from, to),
                        new Activity(to, e.time(), e.id(), e.type(), code + " 移入（原属 " + from + "）", null, from, to));
            }
            default -> List.of();
        };
        if (!lines.isEmpty()) {
            ProcessedEvents.once(store.table(), clock, NAME, e, tx -> lines.forEach(a -> store.table().put(tx, a.toItem())));
        }
    }

    /** A node's feed, newest first. */
    public Page<Activity> of(String code, int limit, String cursor) {
        GridNode node = store.existingNode(code);
        guard.require(DirectoryPermissions.PEOPLE_READ, node.path());
        return store.table().partition(Keys.activity(code), true, limit, cursor).map(Activity::fromItem);
    }
}
