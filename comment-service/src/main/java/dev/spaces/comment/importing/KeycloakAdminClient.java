package dev.spaces.comment.importing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/**
 * Keycloak as the comment import needs it: a service token (client credentials), users found by e-mail or user
 * name, and new users created. The base URL is Keycloak's root; the realm is a path parameter.
 */
@RegisterRestClient(configKey = "keycloak-admin")
@Path("/")
public interface KeycloakAdminClient {

    @POST
    @Path("realms/{realm}/protocol/openid-connect/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Token token(@PathParam("realm") String realm, @FormParam("grant_type") String grantType,
                @FormParam("client_id") String clientId, @FormParam("client_secret") String clientSecret);

    /** Exact matches only ({@code exact=true}): a search by e-mail must not match a longer address. */
    @GET
    @Path("admin/realms/{realm}/users")
    List<User> users(@PathParam("realm") String realm, @HeaderParam("Authorization") String bearer,
                     @QueryParam("email") String email, @QueryParam("username") String username,
                     @QueryParam("exact") boolean exact);

    /** 201 with the new user's URL in {@code Location}; 409 when the user name or e-mail is taken. */
    @POST
    @Path("admin/realms/{realm}/users")
    @Consumes(MediaType.APPLICATION_JSON)
    Response create(@PathParam("realm") String realm, @HeaderParam("Authorization") String bearer, User user);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Token(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(String id, String username, String email, String firstName, Boolean enabled, Boolean emailVerified,
                List<String> requiredActions) {
    }
}
