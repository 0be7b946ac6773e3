package io.stocksense.cloud.webhooks;

import java.util.List;

/**
 * The event types a webhook can subscribe to. They are raised by the database triggers of migration V90, in
 * the transaction of their cause; the body is {@code {"id","type","occurredAt","data"}} where {@code data} is
 * the alert, transfer or stocktake row as JSON.
 */
public final class WebhookEvents {

    public static final List<String> ALL = List.of(
            "alert.raised", "alert.resolved",
            "transfer.created", "transfer.shipped", "transfer.received",
            "stocktake.created", "stocktake.posted");

    private WebhookEvents() {
    }
}
