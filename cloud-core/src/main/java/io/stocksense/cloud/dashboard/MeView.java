package io.stocksense.cloud.dashboard;

import java.util.List;

/**
 * {@code GET /api/v1/me}: who is signed in, their roles and permissions ({@code "*"}: all), and their
 * language preference (null: none chosen yet, the browser's language applies).
 */
public record MeView(String username, List<String> roles, List<String> permissions, String lang) {
}
