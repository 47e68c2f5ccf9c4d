package org.redgrid.kernel.people;

import java.util.Optional;

/**
 * "Who is behind this login, and which household (户) is theirs" (居民身份), the port through which other domains
 * read the directory's people; the directory implements it, as it does {@code GridPort}. Other domains key what they
 * store by login (check-in) or household id (points) and ask here when they need the other one, e.g. to credit a
 * member's service to the household's points account. No scope check: callers check their own.
 */
public interface PeoplePort {

    /** The person linked to this login account, or empty when no person carries it. */
    Optional<Resident> byLogin(String login);

    /** The household, or empty when there is none with this id. */
    Optional<Household> household(String householdId);

    /**
     * A person as other domains see them (居民).
     *
     * @param householdId  the household they belong to, or null when they belong to none
     * @param homeNodeCode where they live (a grid or building code)
     */
    record Resident(String personId, String householdId, String homeNodeCode, String name) {
    }

    /**
     * A household (户).
     *
     * @param nodeCode where it is registered (a grid or building code)
     * @param path     that node's materialized path, "/D01/S01/C01/G0101/B01/" (the community is a code in it)
     * @param label    its display label (e.g. "王家"), or null
     * @param address  its address as registered ("幸福里小区1号楼2单元301")
     */
    record Household(String id, String nodeCode, String path, String label, String address) {
    }
}
