package org.redgrid.lists.entity;

/** 需求来源: a resident on the phone, grid staff after a home visit (入户走访), or a bulk import from a sheet. */
public enum DemandSource {
    PHONE, VISIT, IMPORT
}
