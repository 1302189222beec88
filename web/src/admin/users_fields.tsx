// The pieces the users screens share: a labelled field with its problem below it, the role
// checkboxes (each with what the role is for), a portal user's customer (customer_picker.tsx),
// and a new password typed twice or generated and shown once.
import { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { CustomerPicker } from "../customer_picker";
import { generatePassword, ROLES } from "./users_api";

export function FieldProblem(props: { id: string; message?: string }) {
  return props.message ? (
    <p id={props.id} class="error field-problem">
      {props.message}
    </p>
  ) : null;
}

export function Field(props: { id: string; label: string; problem?: string; hint?: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      <FieldProblem id={`${props.id}-problem`} message={props.problem} />
    </div>
  );
}

export function RoleChoices(props: { roles: string[]; onChange: (roles: string[]) => void; problem?: string }) {
  function toggle(name: string, on: boolean) {
    props.onChange(on ? [...props.roles, name] : props.roles.filter((r) => r !== name));
  }
  return (
    <fieldset class="roles" aria-describedby={props.problem ? "roles-problem" : undefined}>
      <legend>Roles</legend>
      {ROLES.map((role) => (
        <div class="role" key={role.name}>
          <input
            type="checkbox"
            id={`role-${role.name}`}
            checked={props.roles.includes(role.name)}
            onChange={(e) => toggle(role.name, (e.target as HTMLInputElement).checked)}
          />
          <label for={`role-${role.name}`}>
            {role.title} <span class="purpose">— {role.purpose}</span>
          </label>
        </div>
      ))}
      <FieldProblem id="roles-problem" message={props.problem} />
    </fieldset>
  );
}

// The customer code of a portal user: typed, or chosen from the customers found as it is typed.
export function CustomerInput(props: { value: string; onChange: (code: string) => void; problem?: string }) {
  return (
    <CustomerPicker
      id="customer"
      label="Customer (code)"
      class="field"
      hint="Only for a customer portal user: the one customer it acts for."
      problem={props.problem}
      problemId="customer-problem"
      text={props.value}
      onText={props.onChange}
      onChoose={(c) => props.onChange(c.code)}
    />
  );
}

// A new password: typed twice, or generated and shown once. `value` is the password to send,
// or null while the two typed ones differ (`mismatch` says so at the second field).
export function NewPassword(props: {
  idPrefix: string;
  label: string;
  problem?: string;
  onChange: (password: string | null) => void;
}) {
  const [first, setFirst] = useState("");
  const [second, setSecond] = useState("");
  const [generated, setGenerated] = useState<string | null>(null);
  const mismatch = generated === null && second !== "" && first !== second;
  useEffect(() => {
    props.onChange(generated ?? (first === second ? first : null));
  }, [first, second, generated]);
  const id = props.idPrefix;
  if (generated !== null) {
    return (
      <div class="field">
        <label for={`${id}-generated`}>{props.label} (generated)</label>
        <input id={`${id}-generated`} class="generated" readOnly value={generated} aria-describedby={`${id}-once`} />
        <p class="hint" id={`${id}-once`}>
          Shown once: give it to the user now. Ordo keeps only a hash of it.
        </p>
        <FieldProblem id={`${id}-problem`} message={props.problem} />
        <button type="button" class="secondary" onClick={() => setGenerated(null)}>
          Type a password instead
        </button>
      </div>
    );
  }
  return (
    <>
      <Field id={id} label={props.label} problem={props.problem} hint="At least 12 characters, not a common password.">
        <input
          id={id}
          type="password"
          autocomplete="new-password"
          value={first}
          aria-invalid={props.problem ? "true" : undefined}
          aria-describedby={props.problem ? `${id}-hint ${id}-problem` : `${id}-hint`}
          onInput={(e) => setFirst((e.target as HTMLInputElement).value)}
        />
      </Field>
      <Field id={`${id}-again`} label={`Repeat the ${props.label.toLowerCase()}`} problem={mismatch ? "The two passwords differ." : undefined}>
        <input
          id={`${id}-again`}
          type="password"
          autocomplete="new-password"
          value={second}
          aria-invalid={mismatch ? "true" : undefined}
          onInput={(e) => setSecond((e.target as HTMLInputElement).value)}
        />
      </Field>
      <button type="button" class="secondary" onClick={() => setGenerated(generatePassword())}>
        Generate a password
      </button>
    </>
  );
}
