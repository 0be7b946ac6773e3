package io.stocksense.cloud.finance.domain;

/** The chart of accounts the documents post to (seeded by the V120 and V150 migrations). */
public final class Accounts {

    public static final String CASH = "1000";
    public static final String BANK = "1010";
    public static final String CARD_CLEARING = "1020";
    public static final String VOUCHERS = "1030";
    public static final String RECEIVABLES = "1100";
    public static final String INVENTORY = "1200";
    public static final String VAT_INPUT = "1300";
    public static final String PAYABLES = "2000";
    public static final String GRNI = "2100";
    public static final String VAT_OUTPUT = "2200";
    public static final String REVENUE = "4000";
    public static final String COGS = "5000";
    public static final String PRICE_VARIANCE = "5100";
    public static final String INVENTORY_GAIN_LOSS = "5200";
    public static final String WRITE_OFF = "5300";

    private Accounts() {
    }

    /** The account money of a payment method lands in: cash, bank, card (clearing) or voucher. */
    public static String forMethod(String method) {
        switch (method) {
            case "cash":
                return CASH;
            case "bank":
                return BANK;
            case "card":
                return CARD_CLEARING;
            case "voucher":
                return VOUCHERS;
            default:
                throw new IllegalArgumentException("payment method must be cash, bank, card or voucher, was '" + method + "'");
        }
    }
}
