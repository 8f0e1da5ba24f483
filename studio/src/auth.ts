import { UserManager, WebStorageStateStore, type User } from "oidc-client-ts";
import { signal } from "@preact/signals";

/** What the gateway tells Studio about its identity provider (GET /studio/config.json). */
interface StudioConfig {
  issuer: string;
  clientId: string;
}

export interface Session {
  name: string;
  subject: string;
  roles: string[];
}

/** The signed-in person, or null; "expired" when a refresh failed and a new login is needed. */
export const session = signal<Session | null>(null);
export const expired = signal(false);
/** Why login cannot work right now (Keycloak or the gateway's config.json unreachable, a failed code exchange). */
export const authProblem = signal<string | null>(null);

const WRITER_ROLES = ["author", "editor", "admin"];
export const canWrite = (s: Session) => s.roles.some((role) => WRITER_ROLES.includes(role));
export const isEditor = (s: Session) => s.roles.includes("editor") || s.roles.includes("admin");
/** The comment queue is for the realm role moderator; admins may do everything a moderator may. */
export const isAdmin = (s: Session) => s.roles.includes("admin");
export const isModerator = (s: Session) => s.roles.includes("moderator") || s.roles.includes("admin");

let manager: UserManager | undefined;

function base(): string {
  return `${location.origin}/studio/`;
}

/**
 * Sets up the authorization code flow with PKCE (S256) against Keycloak's client spaces-web, and finishes a login
 * when Keycloak has just redirected back with ?code=…&state=…. Tokens live in sessionStorage (per tab, gone with it);
 * they are renewed with the refresh token before they expire (no hidden iframe, so the CSP needs no frame-src).
 */
export async function startAuth(): Promise<void> {
  const response = await fetch(`${base()}config.json`, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${base()}config.json: ${response.status}`);
  const config = (await response.json()) as StudioConfig;
  manager = new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: base(),
    post_logout_redirect_uri: base(),
    response_type: "code",
    scope: "openid profile",
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: sessionStorage }),
  });
  manager.events.addUserLoaded((user) => adopt(user));
  manager.events.addSilentRenewError(() => {
    expired.value = true;
  });
  manager.events.addAccessTokenExpired(() => {
    expired.value = true;
  });

  const params = new URLSearchParams(location.search);
  if (params.has("code") && params.has("state")) {
    const user = await manager.signinRedirectCallback();
    // back to the screen the login started from, without the code in the address bar or the history
    const route = typeof user.state === "string" ? user.state : "";
    history.replaceState(null, "", `${base()}${route}`);
    adopt(user);
    return;
  }
  const user = await manager.getUser();
  if (user && !user.expired) {
    adopt(user);
  } else if (user?.refresh_token) {
    try {
      adopt(await manager.signinSilent());
    } catch {
      await manager.removeUser();
    }
  }
}

function adopt(user: User | null) {
  if (!user) return;
  const claims = decode(user.access_token);
  const realmAccess = claims.realm_access as { roles?: string[] } | undefined;
  session.value = {
    name: String(claims.preferred_username ?? user.profile.preferred_username ?? user.profile.sub),
    subject: String(claims.sub ?? user.profile.sub),
    roles: realmAccess?.roles ?? [],
  };
  expired.value = false;
}

/** The access token's claims (it is a JWT; its signature is the API's business, not the UI's). */
function decode(jwt: string): Record<string, unknown> {
  const payload = jwt.split(".")[1] ?? "";
  const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
}

export async function login(): Promise<void> {
  try {
    if (!manager) await startAuth();
    await manager!.signinRedirect({ state: location.hash });
  } catch (e) {
    authProblem.value = e instanceof Error ? e.message : String(e); // e.g. Keycloak is down
  }
}

export async function logout(): Promise<void> {
  await manager?.signoutRedirect();
}

/** A current access token, renewed first when it is about to expire; null when there is no session. */
export async function accessToken(): Promise<string | null> {
  if (!manager) return null;
  let user = await manager.getUser();
  if (user && (user.expires_in ?? 0) < 10 && user.refresh_token) {
    try {
      user = await manager.signinSilent();
    } catch {
      expired.value = true;
    }
  }
  return user?.access_token ?? null;
}

/** After a 401: try once to renew; false means the person must log in again. */
export async function renew(): Promise<boolean> {
  try {
    // only with a refresh token: without one oidc-client-ts would try a hidden iframe, which the CSP forbids
    if (!(await manager?.getUser())?.refresh_token) {
      expired.value = true;
      return false;
    }
    const user = await manager?.signinSilent();
    return Boolean(user);
  } catch {
    expired.value = true;
    return false;
  }
}
