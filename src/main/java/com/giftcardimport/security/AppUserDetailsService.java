package com.giftcardimport.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads users from the database for form login; passwords are BCrypt hashes. */
@Service
@Transactional(readOnly = true)
class AppUserDetailsService implements UserDetailsService {

    private final UserAccountRepository users;

    AppUserDetailsService(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findPrincipal(username).orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
