"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

type Theme = "light" | "dark" | "system";
const NEXT: Record<Theme, Theme> = { system: "light", light: "dark", dark: "system" };
const ICON = { light: Sun, dark: Moon, system: Monitor };

function apply(theme: Theme) {
  const dark = theme === "dark" || (theme === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
}

/** Cycles system → light → dark; the choice is kept in localStorage for the theme script. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>("system");
  useEffect(() => {
    const saved = localStorage.getItem("theme");
    const current = saved === "light" || saved === "dark" ? saved : "system";
    setTheme(current);
    // Also here, not only in the theme script: a page Next renders in the browser alone (a 404
    // from notFound()) never runs the script.
    apply(current);
  }, []);
  const Icon = ICON[theme];
  const label = `Colour theme: ${theme}. Switch to ${NEXT[theme]}`;
  return (
    // A native title, not the Tooltip primitive: the header is on every page, and the tooltip
    // engine would be a fifteenth of each page's first-load budget for one hint.
    <Button
      variant="ghost"
      size="icon"
      aria-label={label}
      title={label}
      onClick={() => {
        const next = NEXT[theme];
        setTheme(next);
        if (next === "system") localStorage.removeItem("theme");
        else localStorage.setItem("theme", next);
        apply(next);
      }}
    >
      <Icon aria-hidden="true" className="size-5" />
    </Button>
  );
}
