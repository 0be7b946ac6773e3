package io.stocksense.cloud.purchasing.store;

import io.stocksense.cloud.documents.Amounts;
import io.stocksense.cloud.documents.DocumentConflicts;
import io.stocksense.cloud.documents.DocumentNumbers;
import io.stocksense.cloud.documents.ForbiddenActionException;
import io.stocksense.cloud.documents.MasterDataChecks;
import io.stocksense.cloud.documents.Sql;
import io.stocksense.cloud.inventory.store.StockRequestChecks;
import io.stocksense.cloud.inventory.store.Transactions;
import io.stocksense.cloud.purchasing.api.PurchaseOrderRequest;
import io.stocksense.cloud.purchasing.api.PurchaseOrderView;
import io.stocksense.cloud.purchasing.domain.ApprovalPolicy;
import io.stocksense.cloud.purchasing.domain.ApproverRoles;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.stocksense.cloud.inventory.store.StockRequestChecks.invalid;

/**
 * Purchase orders and their status: draft → (submit) approved or awaiting-approval → (approve)
 * approved → (send) sent → partially-received / received (by {@link ReceivingStore}) → closed; or
 * cancelled before anything was received. An order above its currency's approval threshold cannot be
 * sent until a user whose role limit covers its total approved it; the approver is recorded.
 *
 * <p>Each change is one transaction that locks the order row first ({@code FOR UPDATE}), so two racing
 * requests change an order one after the other. Blocking; call from a worker thread. Throws
 * {@code InvalidStockRequestException} (400), {@code StockConflictException} (409),
 * {@link ForbiddenActionException} (403), {@link SQLException}.
 */
public final class PurchaseOrderStore {

    static final Set<String> RECEIVABLE = Set.of("sent", "partially-received");

    private final Transactions tx;
    private final DataSource dataSource;
    private final ApproverRoles roles;

    public PurchaseOrderStore(DataSource dataSource, ApproverRoles roles) {
        this.dataSource = dataSource;
        this.tx = new Transactions(dataSource);
        this.roles = roles;
    }

    public PurchaseOrderView create(PurchaseOrderRequest r, String user) throws SQLException {
        if (r.tolerancePct() != null && (r.tolerancePct().signum() < 0 || r.tolerancePct().compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw invalid("tolerancePct must be between 0 and 100");
        }
        return tx.run(c -> {
            MasterDataChecks.supplier(c, r.supplier());
            StockRequestChecks.warehouse(c, r.warehouse());
            String location = r.location() != null ? r.location()
                    : MasterDataChecks.locationOfKind(c, r.warehouse(), "dock", "to receive at");
            StockRequestChecks.location(c, "location", r.warehouse(), location);
            BigDecimal total = BigDecimal.ZERO;
            for (PurchaseOrderRequest.Line l : r.lines()) {
                StockRequestChecks.quantity(l.quantity(), true);
                if (l.unitPrice().signum() < 0) {
                    throw invalid("unitPrice of " + l.sku() + " must not be negative");
                }
                total = total.add(Amounts.net(l.quantity(), l.unitPrice(), null));
            }
            long id = Sql.insert(c, "INSERT INTO purchase_order (number, supplier, warehouse, location, currency, status,"
                            + " order_date, expected_date, tolerance_pct, net_total, note, created_by)"
                            + " VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?) RETURNING id",
                    DocumentNumbers.next(c, "PO"), r.supplier(), r.warehouse(), location, r.currency(),
                    r.orderDate() == null ? LocalDate.now() : r.orderDate(), r.expectedDate(),
                    r.tolerancePct() == null ? BigDecimal.ZERO : r.tolerancePct(), total, r.note(), user);
            int no = 1;
            for (PurchaseOrderRequest.Line l : r.lines()) {
                String unit = StockRequestChecks.productUnit(c, l.sku(), null);
                Sql.update(c, "INSERT INTO purchase_order_line (po_id, line_no, sku, quantity, unit, unit_price, vat_rate)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", id, no++, l.sku(), l.quantity(), unit, l.unitPrice(),
                        l.vatRate() == null ? MasterDataChecks.standardVat(c) : l.vatRate());
            }
            for (long req : r.requisitions()) {
                if (Sql.update(c, "UPDATE requisition SET status = 'ordered', po_id = ? WHERE id = ? AND status = 'open'", id, req) != 1) {
                    throw DocumentConflicts.conflict("requisition-not-open", "Requisition not open", "requisition " + req
                            + " does not exist or is not open any more", Map.of("requisition", req));
                }
            }
            return PurchaseOrderReader.load(c, id, false, this::needsApproval).orElseThrow();
        });
    }

    public Optional<PurchaseOrderView> get(long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return PurchaseOrderReader.load(c, id, false, this::needsApproval);
        }
    }

    public List<PurchaseOrderView> list(String status, String supplier, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<Long> ids = Sql.list(c, "SELECT id FROM purchase_order WHERE (?::text IS NULL OR status = ?)"
                    + " AND (?::text IS NULL OR supplier = ?) ORDER BY id DESC LIMIT ?", rs -> rs.getLong(1),
                    status, status, supplier, supplier, limit);
            List<PurchaseOrderView> out = new java.util.ArrayList<>();
            for (long id : ids) {
                PurchaseOrderReader.load(c, id, false, this::needsApproval).ifPresent(out::add);
            }
            return out;
        }
    }

    /** Asks for approval: at or below the threshold the rule approves it at once. */
    public Optional<PurchaseOrderView> submit(long id, String user) throws SQLException {
        return change(id, (c, po) -> {
            requireStatus(po, "submitted", "draft");
            if (po.approvalRequired()) {
                setStatus(c, id, "awaiting-approval");
            } else {
                approveAs(c, id, "rule:below-threshold");
            }
        });
    }

    /** Approves an order awaiting approval (or a draft) when the user's role limit covers its total. */
    public Optional<PurchaseOrderView> approve(long id, String user) throws SQLException {
        return change(id, (c, po) -> {
            requireStatus(po, "approved", "awaiting-approval", "draft");
            Optional<String> refusal = policy(c, po.currency()).refusal(roles.rolesOf(c, user), po.netTotal(), po.currency());
            if (refusal.isPresent()) {
                throw new ForbiddenActionException("approval-limit", user + " may not approve " + po.number() + ": " + refusal.get());
            }
            approveAs(c, id, user);
        });
    }

    /** Sends an approved order to the supplier; a draft within the threshold is approved by the rule first. */
    public Optional<PurchaseOrderView> send(long id, String user) throws SQLException {
        return change(id, (c, po) -> {
            if (po.status().equals("draft") && !po.approvalRequired()) {
                approveAs(c, id, "rule:below-threshold");
            } else if (po.status().equals("draft") || po.status().equals("awaiting-approval")) {
                throw DocumentConflicts.conflict("approval-required", "Approval required", po.number() + " totals "
                        + po.netTotal().toPlainString() + " " + po.currency() + ", above the approval threshold of "
                        + policy(c, po.currency()).threshold().toPlainString() + "; a user whose role may approve it must"
                        + " POST /api/v1/purchase-orders/" + id + "/approve before it can be sent",
                        Map.of("status", po.status(), "netTotal", po.netTotal()));
            } else {
                requireStatus(po, "sent", "approved");
            }
            Sql.update(c, "UPDATE purchase_order SET status = 'sent', sent_by = ?, sent_at = now() WHERE id = ?", user, id);
        });
    }

    public Optional<PurchaseOrderView> cancel(long id, String user) throws SQLException {
        return change(id, (c, po) -> {
            requireStatus(po, "cancelled", "draft", "awaiting-approval", "approved", "sent");
            setStatus(c, id, "cancelled");
            Sql.update(c, "UPDATE requisition SET status = 'open', po_id = NULL WHERE po_id = ?", id);
        });
    }

    /** Closes an order: nothing more is expected (short deliveries stay short). */
    public Optional<PurchaseOrderView> close(long id, String user) throws SQLException {
        return change(id, (c, po) -> {
            requireStatus(po, "closed", "sent", "partially-received", "received");
            Sql.update(c, "UPDATE purchase_order SET status = 'closed', closed_at = now() WHERE id = ?", id);
        });
    }

    boolean needsApproval(Connection c, String currency, BigDecimal total) throws SQLException {
        return policy(c, currency).needsApproval(total);
    }

    private ApprovalPolicy policy(Connection c, String currency) throws SQLException {
        BigDecimal threshold = Sql.one(c, "SELECT threshold FROM purchase_approval_threshold WHERE currency = ?",
                rs -> rs.getBigDecimal(1), currency).orElse(null);
        Map<String, BigDecimal> limits = new HashMap<>();
        Sql.list(c, "SELECT role, max_amount FROM purchase_approval_limit WHERE currency = ?", rs -> {
            limits.put(rs.getString(1), rs.getBigDecimal(2));
            return null;
        }, currency);
        return new ApprovalPolicy(threshold, limits);
    }

    private interface Change {
        void apply(Connection c, PurchaseOrderView po) throws SQLException;
    }

    private Optional<PurchaseOrderView> change(long id, Change change) throws SQLException {
        return tx.run(c -> {
            Optional<PurchaseOrderView> po = PurchaseOrderReader.load(c, id, true, this::needsApproval);
            if (po.isEmpty()) {
                return po;
            }
            change.apply(c, po.get());
            return PurchaseOrderReader.load(c, id, false, this::needsApproval);
        });
    }

    private static void approveAs(Connection c, long id, String approver) throws SQLException {
        Sql.update(c, "UPDATE purchase_order SET status = 'approved', approved_by = ?, approved_at = now() WHERE id = ?",
                approver, id);
    }

    static void setStatus(Connection c, long id, String status) throws SQLException {
        Sql.update(c, "UPDATE purchase_order SET status = ? WHERE id = ?", status, id);
    }

    static void requireStatus(PurchaseOrderView po, String action, String... allowed) {
        if (!List.of(allowed).contains(po.status())) {
            throw DocumentConflicts.wrongStatus("purchase order " + po.number(), po.status(), action, String.join(" or ", allowed));
        }
    }
}
