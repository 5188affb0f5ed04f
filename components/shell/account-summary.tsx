import { Badge } from "@/components/ui/badge";
import type { SignedInUser } from "@/lib/auth/session";

/** Who is signed in: name, email and groups (the identity the portal acts as). */
export function AccountSummary({ user }: { user: SignedInUser }) {
  return (
    <div className="px-3 py-2">
      <p className="font-medium" data-testid="user-name">
        {user.name}
      </p>
      {user.email ? (
        <p className="text-sm text-muted" data-testid="user-email">
          {user.email}
        </p>
      ) : null}
      <p className="mt-2 text-xs font-medium tracking-wide text-muted uppercase">Groups</p>
      <ul className="mt-1 flex flex-wrap gap-1" data-testid="user-groups">
        {user.groups.length === 0 ? <li className="text-sm">none</li> : null}
        {user.groups.map((g) => (
          <li key={g}>
            <Badge>{g}</Badge>
          </li>
        ))}
      </ul>
    </div>
  );
}
