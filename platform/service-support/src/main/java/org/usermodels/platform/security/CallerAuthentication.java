package org.usermodels.platform.security;

import java.util.Collection;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * An authenticated request whose principal is the {@link Caller}, so that controllers can take
 * {@code @AuthenticationPrincipal Caller caller}.
 */
public final class CallerAuthentication extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

    private final Caller caller;

    CallerAuthentication(Jwt jwt, Caller caller, Collection<? extends GrantedAuthority> authorities) {
        super(jwt, caller, jwt, authorities);
        this.caller = caller;
        setAuthenticated(true);
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public Map<String, Object> getTokenAttributes() {
        return getToken().getClaims();
    }

    @Override
    public String getName() {
        return caller.id().toString();
    }
}
