package com.giftcardimport.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed logins and failed API tokens, counted per account and per address with Bucket4j token buckets, in the memory
 * of this node (docs/security.md: per node). Every attempt takes a token before the password or token is checked
 * (so that attempts in parallel cannot slip through together) and a success gives it back: only failures count. A
 * key whose bucket is empty is refused whatever it sends, even the right password, until its bucket refills. Each
 * bucket has two limits:
 * <ul>
 *   <li><b>slowed down</b>: {@code burst} failures at once, then one more per {@code window / burst};</li>
 *   <li><b>then refused for a while</b>: at most {@code max} failures per {@code window}.</li>
 * </ul>
 * Defaults (application.properties): an account 5 at once and 10 per 15 minutes; an address 20 at once and 50 per
 * 15 minutes, for logins and for API tokens separately.
 */
@Component
public class LoginThrottle {

    /** What is counted: a login's user name, a login's address, an API request's address. */
    public enum Kind { ACCOUNT, LOGIN_ADDRESS, TOKEN_ADDRESS }

    private final Map<Kind, Limits> limits;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    record Limits(long burst, long max, Duration window) {
        Bucket newBucket() {
            return Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(burst, window).build())
                    .addLimit(Bandwidth.builder().capacity(max).refillIntervally(max, window).build())
                    .build();
        }
    }

    LoginThrottle(@Value("${app.login.account.burst:5}") long accountBurst,
                  @Value("${app.login.account.max:10}") long accountMax,
                  @Value("${app.login.address.burst:20}") long addressBurst,
                  @Value("${app.login.address.max:50}") long addressMax,
                  @Value("${app.login.window:15m}") Duration window) {
        Limits address = new Limits(addressBurst, addressMax, window);
        this.limits = Map.of(Kind.ACCOUNT, new Limits(accountBurst, accountMax, window),
                Kind.LOGIN_ADDRESS, address, Kind.TOKEN_ADDRESS, address);
    }

    /** Takes a token for an attempt of {@code key}; false when its bucket is empty (refuse the attempt). */
    public boolean tryAttempt(Kind kind, String key) {
        return buckets.computeIfAbsent(id(kind, key), k -> limits.get(kind).newBucket()).tryConsume(1);
    }

    /** Gives back the token of an attempt of {@code key} that succeeded (or was refused for another reason). */
    public void giveBack(Kind kind, String key) {
        Bucket bucket = buckets.get(id(kind, key));
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    /** Forgets the keys whose buckets are full again, so that the map does not grow with every name tried. */
    @Scheduled(fixedDelayString = "${app.login.sweep-interval:5m}")
    void forgetRecovered() {
        buckets.entrySet().removeIf(e -> {
            Kind kind = Kind.valueOf(e.getKey().substring(0, e.getKey().indexOf(':')));
            return e.getValue().getAvailableTokens() >= Math.min(limits.get(kind).burst(), limits.get(kind).max());
        });
    }

    private static String id(Kind kind, String key) {
        return kind + ":" + (key == null ? "" : key.strip().toLowerCase(Locale.ROOT));
    }
}
