package dev.spaces.content.previewlink;

import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.security.Caller;
import dev.spaces.content.article.Article;
import dev.spaces.content.article.ArticleAccess;
import dev.spaces.content.article.ArticleMapper;
import dev.spaces.content.article.ArticleRepository;
import dev.spaces.content.article.ArticleService;
import dev.spaces.content.article.api.ArticleResponse;
import dev.spaces.content.previewlink.api.PreviewLinkRequest;
import dev.spaces.content.previewlink.api.PreviewLinkResponse;
import dev.spaces.content.site.SiteSettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Preview links: whoever may edit an article (its author, editors, admins) shares its current state, drafts
 * included, with people who have no account, until the link expires or is revoked.
 * <p>
 * Opening a link that was never issued (malformed, forged, signed with another secret, or of a deleted article) is
 * 404; one that was issued but expired or was revoked is 410 Gone, so the reader site can say "this link has
 * expired" rather than "not found". The distinction tells a holder nothing they could not tell from the token.
 */
@ApplicationScoped
public class PreviewLinkService {

    private final PreviewLinkRepository links;
    private final PreviewTokens tokens;
    private final PreviewLinkConfig config;
    private final ArticleService articleService;
    private final ArticleRepository articles;
    private final ArticleMapper mapper;
    private final SiteSettingsService site;

    public PreviewLinkService(PreviewLinkRepository links, PreviewTokens tokens, PreviewLinkConfig config,
                              ArticleService articleService, ArticleRepository articles, ArticleMapper mapper,
                              SiteSettingsService site) {
        this.links = links;
        this.tokens = tokens;
        this.config = config;
        this.articleService = articleService;
        this.articles = articles;
        this.mapper = mapper;
        this.site = site;
    }

    @Transactional
    public PreviewLinkResponse create(Caller caller, long articleId, PreviewLinkRequest request) {
        editable(caller, articleId);
        Instant now = Instant.now();
        Instant requested = request == null ? null : request.expiresAt();
        // whole seconds: the token carries the expiry in seconds and must name the stored instant exactly
        Instant expiresAt = (requested == null ? now.plus(config.defaultLifetime()) : requested)
                .truncatedTo(ChronoUnit.SECONDS);
        if (!expiresAt.isAfter(now)) {
            throw ProblemException.invalidField("expiresAt", "must be in the future");
        }
        if (expiresAt.isAfter(now.plus(config.maxLifetime()))) {
            throw ProblemException.invalidField("expiresAt", "must be at most " + config.maxLifetime().toDays()
                    + " days ahead");
        }
        PreviewLink link = new PreviewLink();
        link.articleId = articleId;
        link.expiresAt = expiresAt;
        link.createdAt = now;
        link.createdBy = caller.subject();
        links.persist(link);
        links.flush();
        return response(link, site.document().siteUrl());
    }

    /** The links that still open the article (neither expired nor revoked), newest first. */
    @Transactional
    public List<PreviewLinkResponse> active(Caller caller, long articleId) {
        editable(caller, articleId);
        String siteUrl = site.document().siteUrl();
        return links.active(articleId, Instant.now()).stream().map(link -> response(link, siteUrl)).toList();
    }

    /** Revokes a link at once; revoking one that is revoked already changes nothing. */
    @Transactional
    public void revoke(Caller caller, long articleId, long linkId) {
        editable(caller, articleId);
        PreviewLink link = links.findByIdOptional(linkId).filter(l -> l.articleId == articleId)
                .orElseThrow(() -> ProblemException.notFound("Preview link " + linkId + " of article " + articleId));
        if (link.revokedAt == null) {
            link.revokedAt = Instant.now();
        }
    }

    /** The article a token opens, as it is now. */
    @Transactional
    public ArticleResponse open(String token) {
        PreviewTokens.Claims claims = tokens.verify(token).orElseThrow(PreviewLinkService::unknown);
        PreviewLink link = links.findByIdOptional(claims.linkId())
                .filter(l -> l.expiresAt.equals(claims.expiresAt()))
                .orElseThrow(PreviewLinkService::unknown);
        if (link.revokedAt != null) {
            throw gone("This preview link was revoked");
        }
        if (!Instant.now().isBefore(link.expiresAt)) {
            throw gone("This preview link expired at " + link.expiresAt);
        }
        Article article = articles.findByIdOptional(link.articleId).orElseThrow(PreviewLinkService::unknown);
        return mapper.full(article, false);
    }

    /** The rules of editing the article: a draft of someone else is 404 (it does not exist for them), theirs 403. */
    private void editable(Caller caller, long articleId) {
        ArticleAccess.requireEditable(caller, articleService.visible(caller, articleId));
    }

    private PreviewLinkResponse response(PreviewLink link, String siteUrl) {
        String token = tokens.token(link.id, link.expiresAt);
        return new PreviewLinkResponse(link.id, link.articleId, token, siteUrl + "/preview/" + token,
                link.expiresAt, link.createdAt, link.createdBy);
    }

    private static ProblemException unknown() {
        return ProblemException.notFound("This preview link");
    }

    private static ProblemException gone(String detail) {
        return new ProblemException(410, "preview-link-gone", "Preview link no longer valid", detail);
    }
}
