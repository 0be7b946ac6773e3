package io.stocksense.cloud.auth.store;

import io.stocksense.cloud.audit.domain.AuditEntry;
import io.stocksense.cloud.audit.store.AuditStore;
import io.stocksense.cloud.auth.api.TokenResponse;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One login attempt: refused while the address sends too many failed attempts (an in-memory sliding
 * window per IP, against spraying many names) or while the name is locked ({@link LoginGuard}); otherwise
 * the password is checked with bcrypt. Every attempt, whatever its outcome, is appended to the audit log.
 * Blocking; call from a worker thread. Thread-safe.
 */
public final class LoginService {

    /** Failed attempts one address may make per {@link #IP_WINDOW} before it is refused with 429. */
    public static final int IP_FAILURES = 50;
    public static final Duration IP_WINDOW = Duration.ofMinutes(5);

    private final AuthStore auth;
    private final LoginGuard guard;
    private final AuditStore audit;
    private final Map<String, Deque<Long>> failuresByIp = new ConcurrentHashMap<>();

    public LoginService(AuthStore auth, LoginGuard guard, AuditStore audit) {
        this.auth = auth;
        this.guard = guard;
        this.audit = audit;
    }

    /** The outcome: 200 with a token, 401, or 429 with how long to wait. */
    public record Outcome(int status, TokenResponse token, Duration retryAfter, String detail) {
    }

    public Outcome login(String username, String password, String ip) throws SQLException {
        Duration ipWait = ipBlockedFor(ip);
        if (ipWait != null) {
            return record(username, ip, new Outcome(429, null, ipWait, "too many failed logins from this address"), "rate-limited");
        }
        var locked = guard.lockedFor(username);
        if (locked.isPresent()) {
            return record(username, ip, new Outcome(429, null, locked.get(), "too many failed logins for this user;"
                    + " it is locked for a cooling-off period"), "locked");
        }
        if (auth.checkPassword(username, password)) {
            guard.succeeded(username);
            return record(username, ip, new Outcome(200, auth.issueToken(username), null, null), "ok");
        }
        ipFailed(ip);
        boolean nowLocked = guard.failed(username).isPresent();
        return record(username, ip, new Outcome(401, null, null, "wrong username or password"),
                nowLocked ? "wrong-credentials, now locked" : "wrong-credentials");
    }

    private Outcome record(String username, String ip, Outcome o, String outcome) throws SQLException {
        String actor = username.length() > 64 ? username.substring(0, 64) : username;
        String after = "{\"outcome\":\"" + outcome + "\"}";
        audit.append(new AuditEntry(actor, o.status() == 200 ? "user" : "anonymous", ip, "login", "auth", actor, o.status(),
                null, after));
        return o;
    }

    private Duration ipBlockedFor(String ip) {
        Deque<Long> times = failuresByIp.get(ip == null ? "" : ip);
        if (times == null) {
            return null;
        }
        synchronized (times) {
            prune(times);
            if (times.size() < IP_FAILURES) {
                return null;
            }
            long waitNanos = times.peekFirst() + IP_WINDOW.toNanos() - System.nanoTime();
            return Duration.ofSeconds(Math.max(1, Duration.ofNanos(waitNanos).toSeconds() + 1));
        }
    }

    private void ipFailed(String ip) {
        Deque<Long> times = failuresByIp.computeIfAbsent(ip == null ? "" : ip, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(System.nanoTime());
        }
    }

    private static void prune(Deque<Long> times) {
        long cutoff = System.nanoTime() - IP_WINDOW.toNanos();
        while (!times.isEmpty() && times.peekFirst() < cutoff) {
            times.removeFirst();
        }
    }
}
