package org.redgrid.checkin.control;

import jakarta.validation.constraints.Size;

/** The community's answer to a registration (确认/退回); a rejection must say why. */
public record Decision(@Size(max = 200, message = "理由最多 200 个字") String reason, Long version) {
}
