package io.stocksense.cloud.documents;

import io.stocksense.cloud.inventory.domain.StockConflictException;

import java.util.Map;

/** 409 problems of business documents: a document in the wrong status or a rule that refuses the change. */
public final class DocumentConflicts {

    private DocumentConflicts() {
    }

    public static StockConflictException wrongStatus(String document, String status, String action, String allowed) {
        return new StockConflictException("wrong-status", "Wrong document status", document + " is " + status
                + "; it can be " + action + " only when " + allowed, Map.of("status", status));
    }

    public static StockConflictException conflict(String slug, String title, String detail, Map<String, Object> extras) {
        return new StockConflictException(slug, title, detail, extras);
    }
}
