package org.redgrid.directory.boundary;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.Map;

import org.redgrid.directory.control.NodeNames;
import org.redgrid.directory.control.PersonFile;
import org.redgrid.directory.control.PersonalData;
import org.redgrid.directory.entity.Gender;
import org.redgrid.directory.entity.Household;
import org.redgrid.directory.entity.PartyStatus;
import org.redgrid.directory.entity.Person;

/**
 * A person as the API shows it. {@code phone} and {@code idNumber} are masked unless this read revealed them;
 * {@code phoneMasked}/{@code idNumberMasked} say which. {@code homeNodeName}, {@code homePathNames} (root → home) and
 * each post's {@code nodeName} name the places staff know by name. {@code household} (address and label) is given only
 * on the resident's own record ({@code GET /directory/me}); elsewhere {@code householdId} points to it.
 */
@RegisterForReflection
public record PersonView(String id, String name, Gender gender, String phone, boolean phoneMasked, String idNumber,
        boolean idNumberMasked, String homeNodeCode, String homeNodeName, List<String> homePathNames, String householdId,
        HouseholdLine household, PartyStatus partyStatus, String employer, String account, List<PositionView> positions,
        long version, String createdAt, String updatedAt) {

    /** A post as the API shows it. */
    @RegisterForReflection
    public record PositionView(String nodeCode, String nodeName, String position, String positionName, String since) {
    }

    /** The household (户) a person belongs to, as their own record names it: where they live, not who else does. */
    @RegisterForReflection
    public record HouseholdLine(String id, String address, String label) {
    }

    /** @param names node names by code, covering the home path and the posts' nodes ({@link NodeNames}) */
    static PersonView of(PersonFile file, Map<String, String> names) {
        Person p = file.person();
        Household household = file.household();
        boolean phoneShown = file.revealed().contains(PersonalData.FIELD_PHONE);
        boolean idShown = file.revealed().contains(PersonalData.FIELD_ID_NUMBER);
        List<PositionView> positions = file.positions().stream()
                .map(x -> new PositionView(x.nodeCode(), names.get(x.nodeCode()), x.type().name(), x.type().label(), x.since())).toList();
        return new PersonView(p.id(), p.name(), p.gender(), phoneShown ? p.phone() : PersonalData.maskPhone(p.phone()), !phoneShown,
                idShown ? p.idNumber() : PersonalData.maskIdNumber(p.idNumber()), !idShown && p.idNumber() != null,
                p.homeNodeCode(), names.get(p.homeNodeCode()), NodeNames.along(p.homePath(), names), p.householdId(),
                household == null ? null : new HouseholdLine(household.id(), household.address(), household.label()),
                p.partyStatus(), p.employer(), p.account(), positions, p.version(), p.createdAt(), p.updatedAt());
    }
}
