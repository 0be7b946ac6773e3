package io.stocksense.protocol.event;

/** What a stock movement is, and which way it moves stock. */
public enum MovementType {
    /** Goods came in through a portal (dock door, inbound direction). */
    RECEIPT(1),
    /** Goods left through a portal (outbound direction). */
    DISPATCH(-1),
    /** A smart shelf gained whole items. */
    SHELF_PLACEMENT(1),
    /** A smart shelf lost whole items. */
    SHELF_PICK(-1);

    private final int sign;

    MovementType(int sign) {
        this.sign = sign;
    }

    /** +1 when the movement adds stock at its location, -1 when it removes stock. */
    public int sign() {
        return sign;
    }
}
