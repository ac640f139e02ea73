package com.giftcardimport.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What every logged-in person does to their own account: change their password. */
@Service
@Transactional
public class AccountService {

    private final CurrentTenant current;
    private final UserAccountRepository users;
    private final PasswordEncoder encoder;

    AccountService(CurrentTenant current, UserAccountRepository users, PasswordEncoder encoder) {
        this.current = current;
        this.users = users;
        this.encoder = encoder;
    }

    /**
     * Changes the logged-in person's password, once their current one is given (SPEC §10; the rule:
     * {@link PasswordPolicy}). Their other sessions stay logged in.
     *
     * @throws AccessDeniedException     when the current password is wrong
     * @throws IllegalArgumentException when the new one breaks the rule or repeats the current one
     */
    public void changePassword(String currentPassword, String newPassword) {
        AppUser user = current.requireUser();
        if (currentPassword == null || !encoder.matches(currentPassword, users.passwordHash(user.userId()))) {
            throw new AccessDeniedException("The current password is not right");
        }
        PasswordPolicy.check(user.getUsername(), newPassword);
        if (newPassword.equals(currentPassword)) {
            throw new IllegalArgumentException("Password: choose one other than the current password");
        }
        users.setPasswordHash(user.userId(), encoder.encode(newPassword));
    }
}
