// The users screen (#/users, admins): every user with roles, customer, state and last sign-in,
// filtered by role and state, a page at a time (GET /api/v1/users). "#/users/new" creates a
// user, "#/users/<name>" changes one.
import { useState } from "preact/hooks";
import { ListFooter, ListProblem, usePagedList } from "../paged_list";
import { UserNew } from "./user_new";
import { UserPage } from "./user_page";
import { ROLES, roleTitle, UserAccount } from "./users_api";

// "/new" → "new", "/sam" → "sam", "" → null.
function userPart(rest: string): string | null {
  const m = rest.match(/^\/([^/?]+)/);
  return m ? decodeURIComponent(m[1]) : null;
}

export function UsersScreen(props: { rest: string }) {
  const part = userPart(props.rest);
  if (part === "new") return <UserNew />;
  if (part) return <UserPage username={part} />;
  return <Users />;
}

function when(at: string | null): string {
  return at ? new Date(at).toLocaleString() : "—";
}

function Users() {
  const [role, setRole] = useState("");
  const [state, setState] = useState("");
  const disabled = state === "" ? "" : state === "disabled" ? "true" : "false";
  const list = usePagedList<UserAccount>("/api/v1/users", { role, disabled }, 100);
  const users = list.items;

  return (
    <section class="users" aria-labelledby="users-title">
      <div class="title-row">
        <h1 id="users-title">Users</h1>
        <a class="button" href="#/users/new">
          New user
        </a>
      </div>
      <div class="filters">
        <label for="role-filter">Role</label>
        <select id="role-filter" value={role} onChange={(e) => setRole((e.target as HTMLSelectElement).value)}>
          <option value="">Any</option>
          {ROLES.map((r) => (
            <option value={r.name}>{r.title}</option>
          ))}
        </select>
        <label for="state-filter">State</label>
        <select id="state-filter" value={state} onChange={(e) => setState((e.target as HTMLSelectElement).value)}>
          <option value="">Any</option>
          <option value="active">Active</option>
          <option value="disabled">Disabled</option>
        </select>
      </div>
      <ListProblem list={list} />
      <table>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Roles</th>
            <th scope="col">Customer</th>
            <th scope="col">State</th>
            <th scope="col">Last sign-in</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                <a href={`#/users/${encodeURIComponent(u.username)}`}>{u.username}</a>
              </td>
              <td>{u.roles.map(roleTitle).join(", ")}</td>
              <td>{u.customer ?? ""}</td>
              <td>{u.disabled ? <span class="chip chip-disabled">disabled</span> : <span class="chip chip-active">active</span>}</td>
              <td>{when(u.last_sign_in_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">The last sign-in is known while a session of it is open (sessions end after 12 hours or at sign-out).</p>
      <ListFooter list={list} empty="No users match." more="Load more" />
    </section>
  );
}
