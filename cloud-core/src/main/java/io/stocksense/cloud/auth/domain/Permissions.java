package io.stocksense.cloud.auth.domain;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which role may do what, keyed by resource. A permission is {@code resource:action}, the action one of
 * view, create, edit, approve, delete. Three rules on top of the table:
 * <ul>
 *   <li>{@code admin} may do everything, on every resource, listed or not;</li>
 *   <li>{@code auditor} may view every listed resource and change nothing (except its own session);</li>
 *   <li>a resource that is not listed is granted to {@code admin} only, so a new route is closed until
 *       someone decides who may use it: add one line here.</li>
 * </ul>
 * Grants are written as {@code role=letters}, the letters taken from {@code v}iew, {@code c}reate,
 * {@code e}dit, {@code a}pprove, {@code d}elete. The README prints the same table. Pure and thread-safe.
 */
public final class Permissions {

    public static final Set<String> ACTIONS = Set.of("view", "create", "edit", "approve", "delete");
    /** Every role's own session and password: {@code GET /auth/me}, password change, token revocation. */
    public static final String ACCOUNT = "account";

    private static final Map<String, Map<Role, Set<String>>> TABLE = new LinkedHashMap<>();

    static {
        // master data
        grant("products", "supervisor=vced purchaser=vce sales=v cashier=v finance=v");
        grant("customers", "supervisor=vced sales=vce cashier=vc finance=ve");
        grant("suppliers", "supervisor=vced purchaser=vce finance=ve");
        grant("warehouses", "supervisor=vce purchaser=v sales=v cashier=v finance=v device=v");
        grant("locations", "supervisor=vced purchaser=v sales=v cashier=v finance=v device=v");
        grant("devices", "supervisor=vce device=v");
        grant("lots", "supervisor=vce purchaser=v sales=v");
        grant("items", "supervisor=v purchaser=v sales=v");
        // stock and the ledger
        grant("stock", "supervisor=v purchaser=v sales=v cashier=v finance=v");
        grant("movements", "supervisor=v purchaser=v sales=v finance=v");
        grant("inventory", "supervisor=vce finance=v");
        grant("adjustments", "supervisor=c");
        grant("scrap", "supervisor=c");
        grant("moves", "supervisor=c");
        grant("transfers", "supervisor=vcea purchaser=v sales=v");
        grant("stocktakes", "supervisor=vcea finance=v");
        grant("observations", "supervisor=c device=c");
        grant("alerts", "supervisor=vce purchaser=v sales=v finance=v");
        // business documents
        grant("requisitions", "supervisor=vcea purchaser=vce finance=v");
        grant("forecast", "supervisor=v purchaser=vc");
        grant("goods-receipts", "supervisor=vc purchaser=vc finance=v");
        grant("purchase-returns", "supervisor=vc purchaser=vc finance=v");
        grant("supplier-invoices", "supervisor=v purchaser=v finance=vce");
        grant("purchase-orders", "supervisor=vcead purchaser=vce finance=v");
        grant("sales-orders", "supervisor=vcead sales=vce cashier=v finance=v");
        grant("shipments", "supervisor=vc sales=vc finance=v");
        grant("sales-returns", "supervisor=vc sales=vc cashier=v finance=v");
        grant("pos", "supervisor=vcead sales=vc cashier=vc");
        grant("invoices", "supervisor=v purchaser=v sales=v finance=vcead");
        grant("payments", "supervisor=v finance=vcead cashier=vc");
        grant("statements", "supervisor=v purchaser=v sales=v finance=vc");
        grant("costing", "supervisor=v purchaser=v finance=ve");
        grant("journal", "finance=vcea");
        grant("reports", "supervisor=v purchaser=v sales=v finance=v");
        // devices, telemetry, integration
        grant("telemetry", "supervisor=v");
        grant("alarms", "supervisor=vce");
        grant("ingest", "supervisor=v");
        grant("stream", "supervisor=v purchaser=v sales=v cashier=v finance=v");
        grant("epcis", "supervisor=vc");
        grant("webhooks", "");
        // security
        grant("users", "");
        grant("audit", "");
        grant(ACCOUNT, "supervisor=ved purchaser=ved sales=ved cashier=ved finance=ved auditor=ved device=ved");
    }

    private Permissions() {
    }

    /** True when one of {@code roles} grants {@code permission} ({@code resource:action}). */
    public static boolean allows(Collection<Role> roles, String permission) {
        int colon = permission.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String resource = permission.substring(0, colon);
        String action = permission.substring(colon + 1);
        for (Role role : roles) {
            if (allows(role, resource, action)) {
                return true;
            }
        }
        return false;
    }

    static boolean allows(Role role, String resource, String action) {
        if (role == Role.ADMIN) {
            return true;
        }
        Map<Role, Set<String>> grants = TABLE.get(resource);
        if (grants == null) {
            return false;
        }
        if (role == Role.AUDITOR && "view".equals(action)) {
            return true;
        }
        return grants.getOrDefault(role, Set.of()).contains(action);
    }

    /** The listed resources and their grants (admin and the auditor's views implied), for docs and the API. */
    public static Map<String, Map<Role, Set<String>>> table() {
        Map<String, Map<Role, Set<String>>> out = new LinkedHashMap<>();
        TABLE.forEach((resource, grants) -> {
            Map<Role, Set<String>> row = new EnumMap<>(Role.class);
            for (Role role : Role.values()) {
                Set<String> actions = new java.util.TreeSet<>();
                for (String action : ACTIONS) {
                    if (allows(role, resource, action)) {
                        actions.add(action);
                    }
                }
                if (!actions.isEmpty()) {
                    row.put(role, Set.copyOf(actions));
                }
            }
            out.put(resource, row);
        });
        return out;
    }

    private static void grant(String resource, String spec) {
        Map<Role, Set<String>> grants = new EnumMap<>(Role.class);
        for (String part : spec.trim().split("\\s+")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            Role role = Role.parse(kv[0]).orElseThrow(() -> new IllegalStateException("unknown role in grant " + part));
            java.util.Set<String> actions = new java.util.HashSet<>();
            for (char c : kv[1].toCharArray()) {
                actions.add(switch (c) {
                    case 'v' -> "view";
                    case 'c' -> "create";
                    case 'e' -> "edit";
                    case 'a' -> "approve";
                    case 'd' -> "delete";
                    default -> throw new IllegalStateException("unknown action letter '" + c + "' in grant " + part);
                });
            }
            grants.put(role, Set.copyOf(actions));
        }
        if (TABLE.put(resource, Map.copyOf(grants)) != null) {
            throw new IllegalStateException("resource " + resource + " is granted twice");
        }
    }
}
