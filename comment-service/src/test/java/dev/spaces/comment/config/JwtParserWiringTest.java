package dev.spaces.comment.config;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static dev.spaces.comment.TestSupport.freshMember;
import static dev.spaces.comment.TestSupport.member;
import static org.assertj.core.api.Assertions.assertThat;

/** The bearer-token authentication goes through the remembering parser, and a remembered token still signs in. */
@QuarkusTest
class JwtParserWiringTest {

    @Inject
    JWTParser parser;

    @Test
    void theAuthenticationUsesTheRememberingParser() {
        assertThat(ClientProxy.unwrap(parser)).isInstanceOf(RememberingJwtParser.class);
        String name = freshMember("jwt-wiring");
        var spec = member(name);
        long first = spec.get("/api/v1/members/me").then().statusCode(200).extract().jsonPath().getLong("id");
        long again = spec.get("/api/v1/members/me").then().statusCode(200).extract().jsonPath().getLong("id");
        assertThat(again).isEqualTo(first);
    }
}
