package dev.spaces.content.site;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SiteSettingsRepository implements PanacheRepositoryBase<SiteSettings, Short> {
}
