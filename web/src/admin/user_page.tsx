// One user (#/users/<name>): its roles and a portal user's customer (PATCH /api/v1/users/{ref}),
// a password reset (POST /api/v1/users/{ref}/password) and disabling or enabling it. Each of
// these ends the user's sessions, and the screen says so before it is done.
import { useEffect, useState } from "preact/hooks";
import { ApiError, call } from "../api";
import { CustomerInput, FieldProblem, NewPassword, RoleChoices } from "./users_fields";
import { FormProblem, formProblem, roleTitle, UserAccount } from "./users_api";

const NONE: FormProblem = { fields: {}, general: null };

export function UserPage(props: { username: string }) {
  const [user, setUser] = useState<UserAccount | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = `/api/v1/users/${encodeURIComponent(props.username)}`;

  useEffect(() => {
    setUser(null);
    setError(null);
    call<UserAccount>("GET", path)
      .then(setUser)
      .catch((e) => setError((e as ApiError).message));
  }, [path]);

  return (
    <section class="users" aria-labelledby="user-title">
      <p>
        <a href="#/users">← Users</a>
      </p>
      <h1 id="user-title">User {props.username}</h1>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {user && (
        <>
          <dl class="facts">
            <dt>Roles</dt>
            <dd>{user.roles.map(roleTitle).join(", ")}</dd>
            <dt>Customer</dt>
            <dd>{user.customer ?? "—"}</dd>
            <dt>State</dt>
            <dd>{user.disabled ? "disabled: cannot sign in" : "active"}</dd>
            <dt>Created</dt>
            <dd>{new Date(user.created_at).toLocaleString()}</dd>
            <dt>Last sign-in</dt>
            <dd>{user.last_sign_in_at ? new Date(user.last_sign_in_at).toLocaleString() : "— (no open session)"}</dd>
          </dl>
          <Membership user={user} path={path} onSaved={setUser} />
          <ResetPassword user={user} path={path} onReset={() => void call<UserAccount>("GET", path).then(setUser, () => {})} />
          <Access user={user} path={path} onSaved={setUser} />
        </>
      )}
    </section>
  );
}

function Membership(props: { user: UserAccount; path: string; onSaved: (u: UserAccount) => void }) {
  const [roles, setRoles] = useState(props.user.roles);
  const [customer, setCustomer] = useState(props.user.customer ?? "");
  const [problem, setProblem] = useState(NONE);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const portal = roles.includes("customer");

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setDone(null);
    try {
      const saved = await call<UserAccount>("PATCH", props.path, { roles, customer: portal ? customer.trim() : null });
      setProblem(NONE);
      setDone("Saved. The user's sessions ended: it signs in again with its new roles.");
      props.onSaved(saved);
    } catch (e) {
      setProblem(formProblem(e, ["roles", "customer"]));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="form" onSubmit={save} aria-labelledby="membership-title">
      <h2 id="membership-title">Roles and customer</h2>
      <RoleChoices roles={roles} onChange={setRoles} problem={problem.fields.roles} />
      {(portal || problem.fields.customer) && (
        <CustomerInput value={customer} onChange={setCustomer} problem={problem.fields.customer} />
      )}
      <p class="hint">Changing the roles or the customer ends the user's sessions, because what it may do changes.</p>
      {problem.general && (
        <p class="error" role="alert">
          {problem.general}
        </p>
      )}
      {done && <p role="status">{done}</p>}
      <div>
        <button type="submit" disabled={busy}>
          Save roles
        </button>
      </div>
    </form>
  );
}

function ResetPassword(props: { user: UserAccount; path: string; onReset: () => void }) {
  const [password, setPassword] = useState<string | null>("");
  const [problem, setProblem] = useState(NONE);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A new form after each reset, so that a generated password is never shown twice.
  const [round, setRound] = useState(0);

  async function reset(event: Event) {
    event.preventDefault();
    setDone(null);
    if (password === null) {
      setProblem({ fields: { new_password: "The two passwords differ." }, general: null });
      return;
    }
    setBusy(true);
    try {
      await call("POST", `${props.path}/password`, { new_password: password });
      setProblem(NONE);
      setDone(`The password of ${props.user.username} was reset and its sessions ended.`);
      props.onReset(); // its last sign-in is no longer known
    } catch (e) {
      setProblem(formProblem(e, ["new_password"]));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="form" onSubmit={reset} aria-labelledby="reset-title">
      <h2 id="reset-title">Reset the password</h2>
      <p class="hint">Resetting the password signs the user out everywhere: every session of it ends at once.</p>
      <NewPassword key={round} idPrefix="new-password" label="New password" problem={problem.fields.new_password} onChange={setPassword} />
      {problem.general && (
        <p class="error" role="alert">
          {problem.general}
        </p>
      )}
      {done && (
        <p role="status">
          {done}{" "}
          <button type="button" class="secondary" onClick={() => (setDone(null), setRound(round + 1))}>
            Reset again
          </button>
        </p>
      )}
      {!done && (
        <div>
          <button type="submit" disabled={busy}>
            Reset password
          </button>
        </div>
      )}
    </form>
  );
}

function Access(props: { user: UserAccount; path: string; onSaved: (u: UserAccount) => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function change(disabled: boolean) {
    setBusy(true);
    try {
      props.onSaved(await call<UserAccount>("PATCH", props.path, { disabled }));
      setProblem(null);
    } catch (e) {
      const p = formProblem(e, ["disabled"]);
      setProblem(p.fields.disabled ?? p.general);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="form" role="group" aria-labelledby="access-title">
      <h2 id="access-title">Access</h2>
      {props.user.disabled ? (
        <>
          <p class="hint">The user cannot sign in. Enabling it lets it sign in again with its password.</p>
          <button type="button" disabled={busy} onClick={() => void change(false)}>
            Enable user
          </button>
        </>
      ) : (
        <>
          <p class="hint">Disabling ends the user's sessions at once; it cannot sign in and its API keys stop working.</p>
          <button type="button" class="danger" disabled={busy} onClick={() => void change(true)} aria-describedby={problem ? "disabled-problem" : undefined}>
            Disable user
          </button>
        </>
      )}
      <FieldProblem id="disabled-problem" message={problem ?? undefined} />
    </div>
  );
}
