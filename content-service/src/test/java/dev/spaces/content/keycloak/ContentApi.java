package dev.spaces.content.keycloak;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import static dev.spaces.content.TestSupport.article;
import static dev.spaces.content.TestSupport.unique;

/** content-service calls carrying a token Keycloak issued. */
final class ContentApi {

    static final String MARKDOWN = "设 $x\\in\\mathbb{R}^n$,则 $$\\|x\\|_2 \\ge 0$$\n";

    private ContentApi() {
    }

    static RequestSpecification withToken(String accessToken) {
        return RestAssured.given().auth().oauth2(accessToken).contentType(ContentType.JSON);
    }

    /** POST /api/v1/articles: the write every role check below is about. */
    static ValidatableResponse createArticle(String accessToken, String title) {
        return withToken(accessToken).body(article(unique(title), MARKDOWN)).post("/api/v1/articles").then();
    }
}
