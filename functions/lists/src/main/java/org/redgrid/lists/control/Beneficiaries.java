package org.redgrid.lists.control;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.kernel.people.PeoplePort;
import org.redgrid.kernel.problem.FieldError;
import org.redgrid.lists.entity.Keys;

/**
 * Beneficiary households (受益户) as demands and projects name them: the directory's households, registered in the
 * community the demand or project belongs to — points and service records are credited to them later.
 */
@ApplicationScoped
public class Beneficiaries {

    @Inject
    PeoplePort people;

    /** Adds an error naming {@code field[i]} for each id that is not a household of {@code community}. */
    void check(List<FieldError> errors, String field, List<String> ids, String community) {
        if (ids == null) {
            return;
        }
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i) == null ? "" : ids.get(i).strip();
            // blanks are bean validation's to report; an empty key is not one DynamoDB may be asked for
            if (!id.isEmpty() && people.household(id).filter(h -> Keys.codes(h.path()).contains(community)).isEmpty()) {
                errors.add(new FieldError(field + "[" + i + "]", "HOUSEHOLD_UNKNOWN", "本社区没有编号为 " + id + " 的住户"));
            }
        }
    }
}
