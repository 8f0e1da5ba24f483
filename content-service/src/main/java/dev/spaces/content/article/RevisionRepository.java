package dev.spaces.content.article;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class RevisionRepository implements PanacheRepository<ArticleRevision> {

    public List<ArticleRevision> forArticle(long articleId) {
        return list("articleId", Sort.descending("number"), articleId);
    }

    public Optional<ArticleRevision> find(long articleId, int number) {
        return find("articleId = ?1 and number = ?2", articleId, number).firstResultOptional();
    }

    public int nextNumber(long articleId) {
        Integer max = getEntityManager()
                .createQuery("select max(r.number) from ArticleRevision r where r.articleId = :id", Integer.class)
                .setParameter("id", articleId).getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
