// The login page: a username and password exchanged for a bearer token (POST /api/v1/auth/token).
import { useState } from "preact/hooks";
import { ApiError, call, storeToken, User } from "./api";

interface TokenResponse {
  token: string;
  expires_at: string;
  user: User;
}

export function Login(props: { onLogin: (user: User) => void }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await call<TokenResponse>("POST", "/api/v1/auth/token", { username, password });
      storeToken(answer.token);
      props.onLogin(answer.user);
    } catch (e) {
      const problem = e as ApiError;
      setError(
        problem.status === 401
          ? "The username or password is not right."
          : problem.status === 429
            ? "Too many attempts; wait a moment and try again."
            : problem.message,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="login">
      <form onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">Sign in to Ordo</h1>
        <label for="username">Username</label>
        <input
          id="username"
          name="username"
          autocomplete="username"
          value={username}
          onInput={(e) => setUsername((e.target as HTMLInputElement).value)}
          required
          autofocus
        />
        <label for="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          value={password}
          onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
          required
        />
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
