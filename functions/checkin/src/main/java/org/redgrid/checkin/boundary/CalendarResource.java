package org.redgrid.checkin.boundary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.redgrid.checkin.control.CheckinPermissions;
import org.redgrid.checkin.control.NewWorkCalendar;
import org.redgrid.checkin.control.WorkCalendars;
import org.redgrid.checkin.entity.WorkCalendar;
import org.redgrid.kernel.security.Secured;

/** A district's work calendar (工作日历): public holidays and working weekend days (法定节假日与调休) of one year. */
@Path("/checkin/calendars/{district}/{year}")
@Tag(name = "工作日历 Work calendar")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CalendarResource {

    private static final String YEAR = "20\\d{2}";
    private static final String YEAR_MESSAGE = "年份须为 2000–2099 年的 YYYY";

    @Inject
    WorkCalendars calendars;

    @GET
    @Secured(CheckinPermissions.CALENDAR_READ)
    @Operation(summary = "本区某年的工作日历（未设置时按周一至周五，set 为 false）")
    public WorkCalendar get(@PathParam("district") String district,
            @PathParam("year") @Pattern(regexp = YEAR, message = YEAR_MESSAGE) String year) {
        return calendars.read(district, Integer.parseInt(year));
    }

    @PUT
    @Secured(CheckinPermissions.CALENDAR_WRITE)
    @Operation(summary = "设置本区某年的法定节假日与调休上班日（整年替换；须带读取时的版本号，重复提交无变化）")
    public WorkCalendar put(@PathParam("district") String district,
            @PathParam("year") @Pattern(regexp = YEAR, message = YEAR_MESSAGE) String year,
            @Valid @NotNull NewWorkCalendar calendar) {
        return calendars.set(district, Integer.parseInt(year), calendar);
    }
}
