package com.giftcardimport.security;

import com.giftcardimport.security.LoginThrottle.Kind;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Form login (SPEC §10): checks the password like Spring's {@link DaoAuthenticationProvider}, after asking the
 * {@link LoginThrottle} whether the account and the address may still try, counts failures, and records every attempt
 * with its outcome. A refused attempt is told so, without saying whether the password was right.
 */
class ThrottledLoginProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final LoginAttemptRepository attempts;

    ThrottledLoginProvider(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle,
                           LoginAttemptRepository attempts) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "";
        if (!throttle.tryAttempt(Kind.ACCOUNT, username)) {
            throw throttled(username, address);
        }
        if (!throttle.tryAttempt(Kind.LOGIN_ADDRESS, address)) {
            throttle.giveBack(Kind.ACCOUNT, username);
            throw throttled(username, address);
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            giveBack(username, address);
            attempts.record(username, address, LoginAttempt.Outcome.SUCCEEDED);
            return result;
        } catch (DisabledException e) {
            giveBack(username, address);
            attempts.record(username, address, LoginAttempt.Outcome.DISABLED);
            throw e;
        } catch (BadCredentialsException e) {
            attempts.record(username, address, LoginAttempt.Outcome.BAD_CREDENTIALS);
            throw e;
        }
    }

    private LockedException throttled(String username, String address) {
        attempts.record(username, address, LoginAttempt.Outcome.THROTTLED);
        return new LockedException("Too many failed logins: try again later");
    }

    private void giveBack(String username, String address) {
        throttle.giveBack(Kind.ACCOUNT, username);
        throttle.giveBack(Kind.LOGIN_ADDRESS, address);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
