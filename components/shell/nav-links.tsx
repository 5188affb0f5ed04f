"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Dashboard" },
  { href: "/catalog", label: "Catalog" },
  { href: "/loadbalancers", label: "LoadBalancers" },
];

/** The main links, plus `links` the signed-in user may also follow (the provider console). */
export function NavLinks({ links = [] }: { links?: { href: string; label: string }[] }) {
  const path = usePathname();
  return (
    <ul className="flex flex-wrap gap-1">
      {[...LINKS, ...links].map((l) => {
        const active = l.href === "/" ? path === "/" : path.startsWith(l.href);
        return (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={active ? "page" : undefined}
              className={`rounded-md px-3 py-2 text-sm font-medium ${
                active
                  ? "bg-slate-200 text-slate-900 dark:bg-slate-800 dark:text-white"
                  : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
              }`}
            >
              {l.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
