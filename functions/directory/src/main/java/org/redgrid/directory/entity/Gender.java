package org.redgrid.directory.entity;

/** 性别 */
public enum Gender {
    MALE, FEMALE
}
