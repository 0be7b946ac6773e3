package io.stocksense.cloud.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The signature of a webhook request, sent as {@value #HEADER}: {@code t=<unix seconds>,v1=<hex>} where
 * {@code v1} is HMAC-SHA256, keyed with the subscription's secret, over {@code "<t>.<body>"} (the body's exact
 * UTF-8 bytes). Signing the timestamp with the body lets a receiver refuse replays of an old request: it
 * recomputes the HMAC, compares in constant time, and rejects a {@code t} too far from its own clock.
 * Pure; thread-safe.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-StockSense-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** The header value for {@code body} sent at {@code epochSeconds}. */
    public static String header(String secret, long epochSeconds, String body) {
        return "t=" + epochSeconds + ",v1=" + HexFormat.of().formatHex(hmac(secret, epochSeconds + "." + body));
    }

    /** True when {@code header} is a valid signature of {@code body} with {@code secret}. */
    public static boolean verify(String secret, String header, String body) {
        if (header == null) {
            return false;
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t == null || v1 == null || !t.matches("\\d{1,12}") || !v1.matches("[0-9a-f]{64}")) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, t + "." + body), HexFormat.of().parseHex(v1));
    }

    private static byte[] hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }
}
