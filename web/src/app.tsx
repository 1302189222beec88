// The signed-in application: who is signed in (GET /api/v1/me), a menu of what their
// permissions allow, and the screen the location's hash names ("#/orders"). The server still
// refuses whatever a role may not do; the menu only leaves it out.
import { useEffect, useState } from "preact/hooks";
import { call, Me, storedToken, storeToken, whenUnauthenticated } from "./api";
import { Login } from "./login";
import { OrderPage } from "./order_page";
import { Orders } from "./orders";

interface Screen {
  path: string;
  title: string;
  permission: string; // the action (auth/permissions.h) the screen needs
}

const SCREENS: Screen[] = [{ path: "#/orders", title: "Orders", permission: "orders.read" }];

function useHash(): string {
  const [hash, setHash] = useState(location.hash || "#/orders");
  useEffect(() => {
    const changed = () => setHash(location.hash || "#/orders");
    addEventListener("hashchange", changed);
    return () => removeEventListener("hashchange", changed);
  }, []);
  return hash;
}

// The screen for the location: "#/orders/SO-000042" is that order's page.
function screen(current: Screen | undefined, hash: string) {
  if (current?.path !== "#/orders") return <p>Choose a screen from the menu.</p>;
  const order = hash.match(/^#\/orders\/(.+)$/);
  return order ? <OrderPage number={decodeURIComponent(order[1])} /> : <Orders />;
}

export function App() {
  const [user, setUser] = useState<Me | null>(null);
  const [checking, setChecking] = useState(storedToken() !== null);
  const hash = useHash();

  useEffect(() => {
    // The token went stale: back to the login page; the hash (what the user was on) stays.
    whenUnauthenticated(() => {
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

  async function logout() {
    try {
      await call("DELETE", "/api/v1/auth/token");
    } catch {
      // Signed out here whatever the server answered; the token expires on its own.
    }
    storeToken(null);
    setUser(null);
  }

  if (checking) return <p aria-live="polite">Loading…</p>;
  if (user === null) return <Login onLogin={() => void whoAmI()} />;

  const screens = SCREENS.filter((s) => user.permissions.includes(s.permission));
  const current = screens.find((s) => hash.startsWith(s.path));
  return (
    <div class="shell">
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
      <main>{screen(current, hash)}</main>
    </div>
  );
}
