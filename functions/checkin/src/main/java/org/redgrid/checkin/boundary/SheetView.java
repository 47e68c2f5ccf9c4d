package org.redgrid.checkin.boundary;

import java.util.List;

import org.redgrid.checkin.entity.EvaluationSheet;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A community's evaluation sheet of a year (年度考评表): its head and one page of members. */
@RegisterForReflection
public record SheetView(EvaluationSheet head, List<EvaluationView> items, String nextCursor) {
}
