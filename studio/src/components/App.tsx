import { authProblem, canWrite, expired, isAdmin, isEditor, isModerator, login, logout, session } from "../auth";
import { locale, setLocale, t } from "../i18n/i18n";
import { route } from "../router";
import { ArticleList } from "./ArticleList";
import { Lazy } from "./Lazy";

// The editor (CodeMirror and everything around it) is its own chunk, loaded when an editing screen opens
const loadEditor = () => import("../editor/EditorPage").then((m) => m.EditorPage);
// the queue and the settings too: authors never download them
const loadModeration = () => import("../moderation/ModerationPage").then((m) => m.ModerationPage);
const loadSettings = () => import("../settings/SiteSettingsPage").then((m) => m.SiteSettingsPage);
// taxonomy feature: the editor's screens (taxonomy, series order, standalone pages)
const loadTaxonomy = () => import("../taxonomy/TaxonomyPage").then((m) => m.TaxonomyPage);
const loadPages = () => import("../pages/PagesScreen").then((m) => m.PagesScreen);
// webhooks screen: its own chunk as well, only an admin ever loads it
const loadWebhooks = () => import("../webhooks/WebhooksPage").then((m) => m.WebhooksPage);

export function App() {
  const current = session.value;
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById("main")?.focus(); }}>
        {t("app.skip")}
      </a>
      <header class="top">
        <a class="brand" href="#/">{t("app.title")}</a>
        {current && (canWrite(current) || isModerator(current)) && (
          <nav aria-label={t("app.title")}>
            {canWrite(current) && <a href="#/">{t("nav.articles")}</a>}
            {canWrite(current) && <a href="#/new">{t("nav.new")}</a>}
            {isModerator(current) && <a href="#/moderation" id="nav-moderation">{t("nav.moderation")}</a>}
            {isAdmin(current) && <a href="#/settings" id="nav-settings">{t("nav.settings")}</a>}
            {/* taxonomy feature: editors and admins only */}
            {isEditor(current) && <a href="#/taxonomy" id="nav-taxonomy">{t("nav.taxonomy")}</a>}
            {isEditor(current) && <a href="#/pages" id="nav-pages">{t("nav.pages")}</a>}
            {isAdmin(current) && <a href="#/webhooks" id="nav-webhooks">{t("nav.webhooks")}</a>}
          </nav>
        )}
        <div class="spacer" />
        <label class="language">
          <span>{t("nav.language")}</span>
          <select value={locale.value} onChange={(e) => setLocale((e.target as HTMLSelectElement).value as "en" | "zh-CN")}>
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        {current && <span class="who">{t("nav.signedInAs", { name: current.name })}</span>}
        {current && <button type="button" id="logout" onClick={() => void logout()}>{t("nav.logout")}</button>}
      </header>
      {expired.value && (
        <div class="banner warning" role="alert">
          {t("auth.expired")} <button type="button" id="relogin" onClick={() => void login()}>{t("auth.relogin")}</button>
        </div>
      )}
      <main id="main" tabIndex={-1}>
        <Screen />
      </main>
    </>
  );
}

function Screen() {
  const current = session.value;
  if (!current) {
    return (
      <section class="center">
        <h1>{t("app.title")}</h1>
        <p>{t("auth.loginPrompt")}</p>
        {authProblem.value && <p class="banner error" role="alert">{t("auth.failed", { detail: authProblem.value })}</p>}
        <button type="button" class="primary" id="login" onClick={() => void login()}>{t("auth.login")}</button>
      </section>
    );
  }
  const r = route.value;
  if (r.name === "settings" && isAdmin(current)) {
    return <Lazy key="settings" load={loadSettings} props={{}} />;
  }
  // webhooks screen: an address typed by hand says in words why it is refused (the API would answer 403 too)
  if (r.name === "webhooks") {
    return isAdmin(current) ? <Lazy key="webhooks" load={loadWebhooks} props={{}} /> : (
      <section class="center" id="webhooks-forbidden">
        <h1>{t("webhooks.forbidden.title")}</h1>
        <p>{t("webhooks.forbidden.body", { name: current.name })}</p>
      </section>
    );
  }
  // a moderator who does not write lands on the queue, whatever screen the address asked for
  if (isModerator(current) && (r.name === "moderation" || !canWrite(current))) {
    return <Lazy key="moderation" load={loadModeration} props={{ admin: isAdmin(current) }} />;
  }
  if (!canWrite(current)) {
    return (
      <section class="center" id="no-rights">
        <h1>{t("noRights.title")}</h1>
        <p>{t("noRights.body", { name: current.name })}</p>
      </section>
    );
  }
  // taxonomy feature: editors' screens; an author asking for them gets the article list
  if (r.name === "taxonomy" && isEditor(current)) {
    return <Lazy key="taxonomy" load={loadTaxonomy} props={{}} />;
  }
  if (r.name === "pages" && isEditor(current)) {
    return <Lazy key={`pages-${r.slug}`} load={loadPages} props={{ slug: r.slug }} />;
  }
  switch (r.name) {
    case "list":
      return <ArticleList />;
    case "new":
      return <Lazy key={`new-${r.visit}`} load={loadEditor} props={{ id: null }} />;
    case "edit":
      return <Lazy key={`edit-${r.id}`} load={loadEditor} props={{ id: r.id }} />;
    case "moderation": // a writer without the moderator role: the queue is not theirs
    case "settings": // nor are the settings a non-admin's
    case "taxonomy": // nor the taxonomy and pages an author's
    case "pages":
      return <ArticleList />;
  }
}
