// The signed-in application: who is signed in (GET /api/v1/me), a menu of the screens
// (screens.tsx) their permissions allow, and the screen the location's hash names ("#/orders").
// While someone is signed in the application follows the business events (live.ts), and a
// banner shows whenever Ordo cannot be reached (offline_banner.tsx).
import { useEffect, useState } from "preact/hooks";
import { call, endSession, Me, storedToken, storeToken, whenUnauthenticated } from "./api";
import { startLiveEvents, stopLiveEvents } from "./live";
import { Login } from "./login";
import { OfflineBanner } from "./offline_banner";
import { Screen, SCREENS } from "./screens";

function useHash(): string {
  const [hash, setHash] = useState(location.hash || "#/orders");
  useEffect(() => {
    const changed = () => setHash(location.hash || "#/orders");
    addEventListener("hashchange", changed);
    return () => removeEventListener("hashchange", changed);
  }, []);
  return hash;
}

export function App() {
  const [user, setUser] = useState<Me | null>(null);
  const [checking, setChecking] = useState(storedToken() !== null);
  const hash = useHash();

  useEffect(() => {
    // The token went stale: back to the login page; the hash (what the user was on) stays.
    whenUnauthenticated(() => {
      stopLiveEvents();
      storeToken(null);
      setUser(null);
    });
    if (storedToken() === null) return;
    void whoAmI().finally(() => setChecking(false));
  }, []);

  async function whoAmI() {
    try {
      setUser(await call<Me>("GET", "/api/v1/me"));
    } catch {
      storeToken(null);
      setUser(null);
    }
  }

  // The stream follows whoever is signed in; a refused token ends it and returns to sign-in.
  useEffect(() => {
    if (user === null) return;
    startLiveEvents(() => {
      storeToken(null);
      setUser(null);
    });
    return () => stopLiveEvents();
  }, [user]);

  async function logout() {
    endSession(); // what the session still asks is refused once its token is revoked
    try {
      await call("DELETE", "/api/v1/auth/token");
    } catch {
      // Signed out here whatever the server answered; the token expires on its own.
    }
    storeToken(null);
    setUser(null);
  }

  if (checking)
    return (
      <>
        <OfflineBanner />
        <p aria-live="polite">Loading…</p>
      </>
    );
  if (user === null) return <Login onLogin={() => void whoAmI()} />;

  const audience = user.customer === null ? "staff" : "customer";
  const screens = SCREENS.filter(
    (s) => (s.audience === "both" || s.audience === audience) && user.permissions.includes(s.permission),
  );
  const current: Screen | undefined = screens.find(
    (s) => hash === s.path || hash.startsWith(s.path + "/") || hash.startsWith(s.path + "?"),
  );
  return (
    <div class="shell">
      <OfflineBanner />
      <header>
        <span class="brand">Ordo</span>
        <nav aria-label="Main">
          {screens.map((s) => (
            <a href={s.path} aria-current={current === s ? "page" : undefined}>
              {s.title}
            </a>
          ))}
        </nav>
        <span class="who">
          {user.username} ({user.customer ?? user.roles.join(", ")})
        </span>
        <button type="button" onClick={() => void logout()}>
          Sign out
        </button>
      </header>
      <main>{current ? current.render(hash.slice(current.path.length)) : <p>Choose a screen from the menu.</p>}</main>
    </div>
  );
}
