package io.stocksense.cloud.audit.domain;

/**
 * The result of re-computing the audit log's hash chain.
 *
 * @param ok            every row's hash matches its content and the previous row's hash
 * @param firstBadEntry the id of the first row that does not, or null
 * @param checked       rows checked
 * @param reason        what was wrong with the first bad row, or null
 */
public record ChainVerdict(boolean ok, Long firstBadEntry, long checked, String reason) {
}
