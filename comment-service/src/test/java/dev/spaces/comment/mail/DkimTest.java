package dev.spaces.comment.mail;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

import static dev.spaces.comment.ContentServiceStub.ARTICLE;
import static dev.spaces.comment.TestSupport.approve;
import static dev.spaces.comment.TestSupport.body;
import static dev.spaces.comment.TestSupport.freshMember;
import static dev.spaces.comment.TestSupport.post;
import static dev.spaces.comment.TestSupport.reply;
import static org.assertj.core.api.Assertions.assertThat;

/** With a DKIM key configured (SPACES_DKIM_*), the mail the pipeline sends carries a DKIM-Signature by it. */
@QuarkusTest
@TestProfile(DkimTest.WithDkimKey.class)
class DkimTest {

    public static class WithDkimKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                // the form the mailer reads: the PKCS#8 key as base64, without PEM lines (README "Mail")
                Path key = Files.createTempFile("dkim", ".key");
                Files.writeString(key, Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate()
                        .getEncoded()));
                key.toFile().deleteOnExit();
                return Map.of("quarkus.mailer.dkim.enabled", "true",
                        "quarkus.mailer.dkim.private-key-path", key.toString(),
                        "quarkus.mailer.dkim.sdid", "blog.example.test",
                        "quarkus.mailer.dkim.selector", "mail2026");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void aConfiguredKeySignsTheMailWithItsDomainAndSelector() throws Exception {
        String alice = freshMember("dkim");
        String bob = freshMember("dkimb");
        long question = post(alice, ARTICLE, body("签名测试 " + alice));
        approve(question);
        approve(post(bob, ARTICLE, reply("带签名的回复", question)));

        MimeMessage message = MailTest.awaitOneMail(MailTest.mail(alice));
        String signature = message.getHeader("DKIM-Signature", null);
        assertThat(signature).isNotNull().contains("d=blog.example.test").contains("s=mail2026")
                .contains("a=rsa-sha256").containsPattern("bh=[A-Za-z0-9+/=]{40,}").containsPattern("b=[A-Za-z0-9+/=\\s]{300,}");
        assertThat(signature.replaceAll("\\s", "")).contains("List-Unsubscribe");
    }
}
