package org.redgrid.points.boundary;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.http.Created;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.paging.PageRequest;
import org.redgrid.kernel.security.Secured;
import org.redgrid.points.control.Awards;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.points.control.Bookkeeping;
import org.redgrid.points.control.ChainAudit;
import org.redgrid.points.control.Expiry;
import org.redgrid.points.control.CommunitySettings;
import org.redgrid.points.control.PointsLedger;
import org.redgrid.points.control.PointsPermissions;
import org.redgrid.points.entity.JournalEntry;
import org.redgrid.points.entity.PointsAccount;
import org.redgrid.points.entity.StatementLine;

/** Points accounts, their statements and chains, corrections, community trial balances and settings (积分账务). */
@Path("/points")
@Tag(name = "积分账务 Points ledger")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LedgerResource {

    @Inject
    Bookkeeping books;

    @Inject
    Awards awards;

    @Inject
    Idempotency idempotency;

    @Inject
    ChainAudit audit;

    @Inject
    Expiry expiry;

    @Inject
    Clock clock;

    @POST
    @Path("/accounts")
    @Secured(PointsPermissions.AWARD_WRITE)
    @Operation(summary = "为住户开立积分账户")
    @APIResponseSchema(value = PointsAccount.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<PointsAccount> open(@Valid @NotNull Awards.NewAccount account,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        PointsAccount opened = awards.open(account, idempotency.key(idempotencyKey, "POST /points/accounts", account));
        return Created.at("/points/accounts/" + opened.id(), opened);
    }

    @GET
    @Path("/accounts/{id}")
    @Secured(PointsPermissions.LEDGER_READ)
    @Operation(summary = "积分账户余额")
    public PointsAccount account(@PathParam("id") String id) {
        return books.account(id);
    }

    @GET
    @Path("/accounts/{id}/statement")
    @Secured(PointsPermissions.LEDGER_READ)
    @Operation(summary = "积分账户流水（新的在前，游标分页）")
    public Page<StatementLine> statement(@PathParam("id") String id, @Valid @BeanParam PageRequest page) {
        return books.statement(id, page.limit, page.cursor);
    }

    @GET
    @Path("/accounts/{id}/chain")
    @Secured(PointsPermissions.LEDGER_READ)
    @Operation(summary = "重算账户哈希链，报告第一处断裂")
    public PointsLedger.ChainCheck chain(@PathParam("id") String id) {
        return books.verify(id);
    }

    @POST
    @Path("/entries/{id}/reverse")
    @Secured(PointsPermissions.LEDGER_CORRECT)
    @Operation(summary = "冲正分录（每条分录只能冲正一次）")
    @APIResponseSchema(value = JournalEntry.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<JournalEntry> reverse(@PathParam("id") String id, @Valid @NotNull Bookkeeping.Correction correction,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        JournalEntry reversal = books.reverse(id, correction,
                idempotency.key(idempotencyKey, "POST /points/entries/" + id + "/reverse", correction));
        return Created.at("/points/entries/" + reversal.id(), reversal);
    }

    @GET
    @Path("/communities/{code}/trial-balance")
    @Secured(PointsPermissions.LEDGER_READ)
    @Operation(summary = "社区积分试算平衡表")
    public PointsLedger.TrialBalance trialBalance(@PathParam("code") String code) {
        return books.trialBalance(code);
    }

    @GET
    @Path("/communities/{code}/chain-check")
    @Secured(PointsPermissions.LEDGER_READ)
    @Operation(summary = "核查社区全部账户的哈希链，报告断裂处")
    public ChainAudit.Result chainCheck(@PathParam("code") String code) {
        return audit.check(code);
    }

    @GET
    @Path("/communities/{code}/expiry")
    @Secured(PointsPermissions.LEDGER_CORRECT)
    @Operation(summary = "预览到期积分（按户、按获得年度）")
    public Expiry.Result expiryPreview(@PathParam("code") String code, @QueryParam("asOf") String asOf) {
        return expiry.preview(code, instant(asOf));
    }

    @POST
    @Path("/communities/{code}/expiry")
    @Secured(PointsPermissions.LEDGER_CORRECT)
    @Operation(summary = "执行积分过期（每户每年度一次）")
    public Expiry.Result expire(@PathParam("code") String code, @QueryParam("asOf") String asOf) {
        return expiry.apply(code, instant(asOf));
    }

    private Instant instant(String asOf) {
        if (asOf == null) {
            return clock.instant();
        }
        try {
            return Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("asOf", "INVALID_TIME", "时间格式应为 ISO-8601，例如 2027-07-01T00:00:00Z");
        }
    }

    @PUT
    @Path("/communities/{code}/settings")
    @Secured(PointsPermissions.SETTINGS_WRITE)
    @Operation(summary = "设置社区审批限额与发放额度")
    public CommunitySettings settings(@PathParam("code") String code, @Valid @NotNull CommunitySettings settings) {
        return books.settings(code, settings);
    }
}
