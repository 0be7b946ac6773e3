package io.stocksense.cloud.auth.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /api/v1/auth/token} answer (OAuth 2 field names). */
public record TokenResponse(@JsonProperty("access_token") String accessToken,
                            @JsonProperty("token_type") String tokenType,
                            @JsonProperty("expires_in") long expiresIn) {

    @Override
    public String toString() {
        return "TokenResponse[accessToken=****, tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
    }
}
