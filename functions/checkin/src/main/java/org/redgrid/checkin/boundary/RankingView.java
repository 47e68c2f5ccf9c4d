package org.redgrid.checkin.boundary;

import java.util.List;

import org.redgrid.checkin.control.Employers;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The employer units under a node ranked for a year (单位排名). */
@RegisterForReflection
public record RankingView(String under, String year, List<Employers.Ranked> items) {
}
