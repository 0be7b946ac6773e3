package io.stocksense.cloud.pos;

import io.stocksense.cloud.documents.Amounts;
import io.stocksense.cloud.documents.DocumentConflicts;
import io.stocksense.cloud.documents.DocumentNumbers;
import io.stocksense.cloud.documents.MasterDataChecks;
import io.stocksense.cloud.documents.Sql;
import io.stocksense.cloud.finance.domain.Accounts;
import io.stocksense.cloud.finance.domain.JournalEntry;
import io.stocksense.cloud.finance.store.Costing;
import io.stocksense.cloud.finance.store.Journal;
import io.stocksense.cloud.inventory.domain.StockKey;
import io.stocksense.cloud.inventory.domain.StockOperation;
import io.stocksense.cloud.inventory.store.StockPoster;
import io.stocksense.cloud.inventory.store.StockRequestChecks;
import io.stocksense.cloud.inventory.store.Transactions;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.stocksense.cloud.inventory.store.StockRequestChecks.invalid;

/**
 * POS checkout in one transaction: each scanned barcode is looked up ({@link BarcodeLookup}), repeated
 * scans of a product with the same discount add up, prices are the products' sale prices with the
 * line's and the sale's discount combined, net or VAT-inclusive as {@link PosSettings} says, VAT at
 * the product's rate (else the standard rate). Payments (cash, card,
 * voucher) must cover the total; only cash gives change. The goods leave the shop location through
 * {@link StockPoster} ({@code pos-sale}), cost of goods comes from {@link Costing}, and the journal
 * gets Dr cash/card/vouchers, Cr revenue, Cr VAT output, Dr COGS / Cr inventory. Blocking.
 */
public final class PosStore {

    private final DataSource dataSource;
    private final Transactions tx;
    private final StockPoster poster = new StockPoster();

    public PosStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.tx = new Transactions(dataSource);
    }

    private record Priced(String barcode, BarcodeLookup.Item item, BigDecimal quantity, BigDecimal discountPct) {
    }

    public PosSaleView checkout(PosSaleRequest r, String user) throws SQLException {
        return tx.run(c -> {
            StockRequestChecks.location(c, "location", r.warehouse(), r.location());
            BigDecimal standard = MasterDataChecks.standardVat(c);
            boolean grossPrices = PosSettings.prices(c).equals(PosSettings.GROSS);
            Map<String, Priced> merged = new LinkedHashMap<>();
            for (PosSaleRequest.Scan s : r.scans()) {
                BarcodeLookup.Item item = BarcodeLookup.find(c, s.barcode()).orElseThrow(() -> invalid("barcode " + s.barcode()
                        + " matches no product (GTIN or barcode); see GET /api/v1/pos/lookup?barcode="));
                if (item.salePrice() == null) {
                    throw invalid("product " + item.sku() + " (barcode " + s.barcode() + ") has no sale price");
                }
                StockRequestChecks.quantity(s.quantity(), true);
                BigDecimal discount = combined(s.discountPct(), r.discountPct());
                merged.merge(item.sku() + "|" + discount.toPlainString(), new Priced(s.barcode(), item, s.quantity(), discount),
                        (a, b) -> new Priced(a.barcode(), a.item(), a.quantity().add(b.quantity()), a.discountPct()));
            }
            LocalDate day = r.date() == null ? LocalDate.now() : r.date();
            String number = DocumentNumbers.next(c, "POS");
            long id = Sql.insert(c, "INSERT INTO pos_sale (number, warehouse, location, sale_date, currency, net, vat, gross, discount,"
                    + " paid, change_given, cashier) VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, ?) RETURNING id", number, r.warehouse(),
                    r.location(), day, r.currency(), user);
            BigDecimal net = BigDecimal.ZERO;
            BigDecimal vat = BigDecimal.ZERO;
            BigDecimal cogs = BigDecimal.ZERO;
            BigDecimal discount = BigDecimal.ZERO;
            List<StockOperation.Line> stock = new ArrayList<>();
            int no = 1;
            for (Priced p : merged.values()) {
                BigDecimal rate = p.item().vatRate() != null ? p.item().vatRate() : standard;
                BigDecimal priced = Amounts.net(p.quantity(), p.item().salePrice(), p.discountPct());
                BigDecimal lineVat = grossPrices ? Amounts.vatIncluded(priced, rate) : Amounts.vat(priced, rate);
                BigDecimal lineNet = grossPrices ? priced.subtract(lineVat) : priced;
                BigDecimal lineCogs = Costing.issue(c, p.item().sku(), p.quantity());
                Sql.update(c, "INSERT INTO pos_sale_line (sale_id, line_no, barcode, sku, quantity, unit, unit_price, discount_pct,"
                        + " vat_rate, net, vat, cogs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, no++, p.barcode(),
                        p.item().sku(), p.quantity(), p.item().unit(), p.item().salePrice(), p.discountPct(), rate, lineNet,
                        lineVat, lineCogs);
                stock.add(new StockOperation.Line(new StockKey(p.item().sku(), r.warehouse(), r.location(), ""),
                        p.quantity().negate(), p.item().unit(), "POS_SALE"));
                net = net.add(lineNet);
                vat = vat.add(lineVat);
                cogs = cogs.add(lineCogs);
                discount = discount.add(Amounts.cents(p.quantity().multiply(p.item().salePrice())).subtract(priced));
            }
            BigDecimal gross = net.add(vat);
            BigDecimal change = settle(c, id, r.payments(), gross);
            BigDecimal paid = r.payments().stream().map(PosSaleView.Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            Sql.update(c, "UPDATE pos_sale SET net = ?, vat = ?, gross = ?, discount = ?, paid = ?, change_given = ? WHERE id = ?",
                    net, vat, gross, discount, paid, change, id);
            poster.post(c, new StockOperation("pos-sale", number, null, user, stock));
            JournalEntry e = new JournalEntry(day, "pos-sale", number, null);
            for (PosSaleView.Payment p : r.payments()) {
                e.debit(Accounts.forMethod(p.method()), p.method().equals("cash") ? p.amount().subtract(change) : p.amount(), null);
            }
            Journal.post(c, e.credit(Accounts.REVENUE, net, null).credit(Accounts.VAT_OUTPUT, vat, null)
                    .debit(Accounts.COGS, cogs, null).credit(Accounts.INVENTORY, cogs, null));
            return PosReader.load(c, id).orElseThrow();
        });
    }

    public Optional<PosSaleView> get(long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return PosReader.load(c, id);
        }
    }

    public List<PosSaleView> list(LocalDate date, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<PosSaleView> out = new ArrayList<>();
            for (long id : Sql.list(c, "SELECT id FROM pos_sale WHERE (?::date IS NULL OR sale_date = ?) ORDER BY id DESC LIMIT ?",
                    rs -> rs.getLong(1), date, date, limit)) {
                PosReader.load(c, id).ifPresent(out::add);
            }
            return out;
        }
    }

    public Optional<BarcodeLookup.Item> lookup(String barcode) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return BarcodeLookup.find(c, barcode);
        }
    }

    /** Records the payments; returns the change (from cash only). */
    private static BigDecimal settle(Connection c, long id, List<PosSaleView.Payment> payments, BigDecimal gross) throws SQLException {
        BigDecimal cash = BigDecimal.ZERO;
        BigDecimal other = BigDecimal.ZERO;
        for (PosSaleView.Payment p : payments) {
            if (p.amount().signum() <= 0 || p.amount().scale() > 2) {
                throw invalid("payment amounts must be positive with at most 2 decimals, was " + p.amount().toPlainString());
            }
            Sql.update(c, "INSERT INTO pos_payment (sale_id, method, amount) VALUES (?, ?, ?)", id, p.method(), p.amount());
            if (p.method().equals("cash")) {
                cash = cash.add(p.amount());
            } else {
                other = other.add(p.amount());
            }
        }
        if (cash.add(other).compareTo(gross) < 0) {
            throw DocumentConflicts.conflict("underpaid", "Not fully paid", "the sale totals " + gross.toPlainString()
                    + "; payments cover " + cash.add(other).toPlainString(), Map.of("total", gross, "paid", cash.add(other)));
        }
        if (other.compareTo(gross) > 0) {
            throw DocumentConflicts.conflict("overpaid", "Card or voucher above total", "card and voucher payments ("
                    + other.toPlainString() + ") may not exceed the total " + gross.toPlainString() + "; only cash gives change",
                    Map.of("total", gross));
        }
        return cash.add(other).subtract(gross);
    }

    /** Line and sale discounts combined: {@code 1 − (1 − a)(1 − b)}, in percent. */
    static BigDecimal combined(BigDecimal line, BigDecimal sale) {
        BigDecimal a = line == null ? BigDecimal.ZERO : line;
        BigDecimal b = sale == null ? BigDecimal.ZERO : sale;
        if (a.signum() < 0 || b.signum() < 0 || a.compareTo(BigDecimal.valueOf(100)) > 0 || b.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw invalid("discountPct must be between 0 and 100");
        }
        return Amounts.plain(a.add(b).subtract(a.multiply(b).movePointLeft(2)));
    }
}
