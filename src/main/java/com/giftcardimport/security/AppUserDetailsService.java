package com.giftcardimport.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads users from the database for form login; passwords are BCrypt hashes. */
@Service
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
