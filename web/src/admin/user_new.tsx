// A new user (#/users/new): username, initial password (typed twice or generated and shown
// once), roles, and for a portal user its customer; POST /api/v1/users. Every problem the
// server names is shown at its field.
import { useState } from "preact/hooks";
import { call } from "../api";
import { CustomerInput, Field, NewPassword, RoleChoices } from "./users_fields";
import { focusFirstProblem, FormProblem, formProblem, UserAccount } from "./users_api";

const FIELDS = ["username", "password", "roles", "customer"];

export function UserNew() {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState<string | null>("");
  const [roles, setRoles] = useState<string[]>([]);
  const [customer, setCustomer] = useState("");
  const [problem, setProblem] = useState<FormProblem>({ fields: {}, general: null });
  const [created, setCreated] = useState<UserAccount | null>(null);
  const [busy, setBusy] = useState(false);
  const portal = roles.includes("customer");

  async function submit(event: Event) {
    event.preventDefault();
    if (password === null) {
      setProblem({ fields: { password: "The two passwords differ." }, general: null });
      focusFirstProblem();
      return;
    }
    setBusy(true);
    try {
      const body = { username, password, roles, customer: portal ? customer.trim() : null };
      setCreated(await call<UserAccount>("POST", "/api/v1/users", body));
      setProblem({ fields: {}, general: null });
    } catch (e) {
      setProblem(formProblem(e, FIELDS));
      focusFirstProblem();
    } finally {
      setBusy(false);
    }
  }

  if (created) {
    return (
      <section class="users" aria-labelledby="user-new-title">
        <h1 id="user-new-title">New user</h1>
        <p role="status">
          User <a href={`#/users/${encodeURIComponent(created.username)}`}>{created.username}</a> was created.
        </p>
        <p>
          <a href="#/users">← Users</a>
        </p>
      </section>
    );
  }

  const p = problem.fields;
  return (
    <section class="users" aria-labelledby="user-new-title">
      <p>
        <a href="#/users">← Users</a>
      </p>
      <h1 id="user-new-title">New user</h1>
      <form class="form" onSubmit={submit} noValidate>
        <Field id="username" label="Username" problem={p.username} hint="3 to 64 letters, digits or . _ - @">
          <input
            id="username"
            autocomplete="off"
            value={username}
            aria-invalid={p.username ? "true" : undefined}
            aria-describedby={p.username ? "username-hint username-problem" : "username-hint"}
            onInput={(e) => setUsername((e.target as HTMLInputElement).value)}
          />
        </Field>
        <NewPassword idPrefix="password" label="Initial password" problem={p.password} onChange={setPassword} />
        <RoleChoices roles={roles} onChange={setRoles} problem={p.roles} />
        {(portal || p.customer) && <CustomerInput value={customer} onChange={setCustomer} problem={p.customer} />}
        {problem.general && (
          <p class="error" role="alert">
            {problem.general}
          </p>
        )}
        {Object.keys(p).length > 0 && !problem.general && (
          <p class="error" role="alert">
            The user was not created: see the fields marked above.
          </p>
        )}
        <div>
          <button type="submit" disabled={busy}>
            {busy ? "Creating…" : "Create user"}
          </button>
        </div>
      </form>
    </section>
  );
}
