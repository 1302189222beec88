// The signed-in application: who is signed in (GET /api/v1/auth/me), a menu of what their
// roles may do, and the screen the location's hash names ("#/orders"). The server still
// refuses whatever a role may not do; the menu only leaves it out.
import { useEffect, useState } from "preact/hooks";
import { call, storedToken, storeToken, User, whenUnauthenticated } from "./api";
import { Login } from "./login";
import { OrderPage } from "./order_page";
import { Orders } from "./orders";

interface Screen {
  path: string;
  title: string;
  roles: string[];
}

const SCREENS: Screen[] = [
  { path: "#/orders", title: "Orders", roles: ["admin", "sales", "sales_manager", "warehouse", "ar_clerk", "customer"] },
];

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
  const [user, setUser] = useState<User | null>(null);
  const [checking, setChecking] = useState(storedToken() !== null);
  const hash = useHash();

  useEffect(() => {
    // The token went stale: back to the login page; the hash (what the user was on) stays.
    whenUnauthenticated(() => {
      storeToken(null);
      setUser(null);
    });
    if (storedToken() === null) return;
    call<User>("GET", "/api/v1/auth/me")
      .then(setUser)
      .catch(() => storeToken(null))
      .finally(() => setChecking(false));
  }, []);

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
  if (user === null) return <Login onLogin={setUser} />;

  const screens = SCREENS.filter((s) => s.roles.some((r) => user.roles.includes(r)));
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
          {user.username} ({user.roles.join(", ")})
        </span>
        <button type="button" onClick={() => void logout()}>
          Sign out
        </button>
      </header>
      <main>{screen(current, hash)}</main>
    </div>
  );
}
