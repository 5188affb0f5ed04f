import type { InputHTMLAttributes, ReactNode } from "react";
import { describedBy, errorId, helpId } from "./field-ids";
import { errorClass, helpClass, inputClass, labelClass } from "./input-styles";

export type ControlProps = ReturnType<typeof describedBy> & { "aria-required"?: true };

/**
 * One labelled form field: the label, the control (rendered by `children` with the ids and aria
 * attributes it needs), help text and the field's error message.
 */
export function FieldFrame({
  path,
  label,
  required,
  help,
  error,
  errorAction,
  children,
}: {
  path: string;
  label: string;
  required?: boolean;
  help?: ReactNode;
  error?: string;
  /** shown after the error, e.g. a link to the object that already has this name */
  errorAction?: ReactNode;
  children: (control: ControlProps) => ReactNode;
}) {
  const control = {
    ...describedBy(path, { help: Boolean(help), error }),
    ...(required ? { "aria-required": true as const } : {}),
  };
  return (
    <div className="flex flex-col gap-1">
      <div className="flex gap-1">
        <label htmlFor={control.id} className={labelClass}>
          {label}
        </label>
        {/* Kept out of the label so the accessible name stays the label; aria-required says it. */}
        {required ? (
          <span aria-hidden="true" className="text-sm text-red-700 dark:text-red-300">
            *
          </span>
        ) : null}
      </div>
      {children(control)}
      {help ? (
        <p id={helpId(path)} className={helpClass}>
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={errorId(path)} className={errorClass}>
          {error}
          {errorAction ? <> {errorAction}</> : null}
        </p>
      ) : null}
    </div>
  );
}

type FrameProps = Omit<Parameters<typeof FieldFrame>[0], "children">;

/** A labelled one-line text input; names and confirmations are never spell-checked or completed. */
export function TextField({
  value,
  onValue,
  input,
  ...frame
}: FrameProps & {
  value: string;
  onValue: (value: string) => void;
  input?: Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange">;
}) {
  return (
    <FieldFrame {...frame}>
      {(control) => (
        <input
          {...control}
          {...input}
          autoComplete="off"
          spellCheck={false}
          className={inputClass}
          value={value}
          onChange={(e) => onValue(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}

/** A labelled select of `options` (value and label alike), after an optional empty `placeholder`. */
export function SelectField({
  value,
  onValue,
  options,
  placeholder,
  name,
  ...frame
}: FrameProps & {
  value: string;
  onValue: (value: string) => void;
  options: string[];
  placeholder?: string;
  name?: string;
}) {
  return (
    <FieldFrame {...frame}>
      {(control) => (
        <select {...control} name={name} className={inputClass} value={value} onChange={(e) => onValue(e.target.value)}>
          {placeholder === undefined ? null : <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
