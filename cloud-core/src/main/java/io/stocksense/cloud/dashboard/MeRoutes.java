package io.stocksense.cloud.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.cloud.auth.web.BearerAuthHandler;
import io.stocksense.cloud.web.ApiJson;
import io.stocksense.cloud.web.BadParameterException;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.RouteTable;
import io.vertx.ext.web.RoutingContext;

import io.stocksense.cloud.auth.domain.Permissions;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/v1/me} and {@code PUT /api/v1/me/preferences {"lang"}}. Both concern the caller
 * only, so they declare no permission: every signed-in user may read and set their own.
 */
public final class MeRoutes {

    /** The languages the web app has translations for. */
    public static final Set<String> LANGUAGES = Set.of("en", "zh-CN");

    private final AccessModel access;
    private final PreferenceStore preferences;

    public MeRoutes(AccessModel access, PreferenceStore preferences) {
        this.access = access;
        this.preferences = preferences;
    }

    public void mount(RouteTable routes) {
        routes.get("/api/v1/me", Permissions.ACCOUNT + ":view", ctx -> {
            String user = user(ctx);
            Blocking.json(ctx, () -> {
                AccessModel.Access a = access.access(user);
                return new MeView(user, a.roles(), a.permissions(), preferences.language(user).orElse(null));
            });
        });
        routes.put("/api/v1/me/preferences", Permissions.ACCOUNT + ":edit", ctx -> {
            String lang = language(ctx);
            String user = user(ctx);
            Blocking.json(ctx, () -> {
                preferences.setLanguage(user, lang);
                return Map.of("lang", lang);
            });
        });
    }

    private static String language(RoutingContext ctx) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        JsonNode lang;
        try {
            lang = text == null || text.isBlank() ? null : ApiJson.MAPPER.readTree(text).get("lang");
        } catch (IOException e) {
            throw new BadParameterException("the body must be a JSON object such as {\"lang\": \"zh-CN\"}");
        }
        if (lang == null || !lang.isTextual() || !LANGUAGES.contains(lang.asText())) {
            throw new BadParameterException("lang must be one of " + String.join(", ", new java.util.TreeSet<>(LANGUAGES)));
        }
        return lang.asText();
    }

    private static String user(RoutingContext ctx) {
        return ctx.get(BearerAuthHandler.USER_KEY);
    }
}
