package org.redgrid.lists.entity;

/** 资源类型: a partner unit's offer (共建单位), a party member offering themselves (党员), a volunteer team (志愿队伍). */
public enum ResourceKind {
    UNIT, MEMBER, TEAM
}
