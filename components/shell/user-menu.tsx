import type { SignedInUser } from "@/lib/auth/session";
import { SignOutButton } from "./sign-out-button";

/** A native disclosure: opens with Enter/Space, fully keyboard accessible without script. */
export function UserMenu({ user }: { user: SignedInUser }) {
  return (
    <details className="relative">
      <summary
        data-testid="user-menu"
        className="cursor-pointer list-none rounded-md px-3 py-2 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800"
      >
        <span className="sr-only">Account menu for </span>
        {user.name}
      </summary>
      <div className="absolute right-0 z-10 mt-2 w-72 rounded-md border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <p className="font-medium" data-testid="user-name">
          {user.name}
        </p>
        {user.email ? (
          <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="user-email">
            {user.email}
          </p>
        ) : null}
        <p className="mt-2 text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">Groups</p>
        <ul className="mt-1 flex flex-wrap gap-1" data-testid="user-groups">
          {user.groups.length === 0 ? <li className="text-sm">none</li> : null}
          {user.groups.map((g) => (
            <li key={g} className="rounded bg-slate-100 px-2 py-0.5 text-xs dark:bg-slate-800">
              {g}
            </li>
          ))}
        </ul>
        <div className="mt-3 border-t border-slate-200 pt-2 dark:border-slate-700">
          <SignOutButton />
        </div>
      </div>
    </details>
  );
}
