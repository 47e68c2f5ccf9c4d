package org.redgrid.points.entity;

/**
 * One line of a journal entry (过账行): an amount on one account (positive credits it, negative debits it). The
 * postings of an entry sum to zero.
 */
public record Posting(String accountId, long amount) {
}
