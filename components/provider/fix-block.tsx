"use client";

import { useState } from "react";
import type { Fix } from "@/lib/provider/types";
import { text } from "./text";

/** How to fix a failed step: a sentence and the command or YAML, with a copy button. */
export function FixBlock({ fix }: { fix: Fix }) {
  const code = fix.yaml ?? fix.command;
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex min-w-0 flex-col gap-1" data-fix>
      <p className="text-sm">
        <span className="font-semibold">{text.fix}: </span>
        {fix.text}
      </p>
      {code ? (
        <div className="relative min-w-0">
          <pre className="max-h-72 overflow-auto rounded-md bg-slate-900 p-3 pr-20 text-xs text-slate-100 dark:bg-slate-950">
            <code>{code}</code>
          </pre>
          <button
            type="button"
            className="absolute right-2 top-2 rounded border border-slate-500 px-2 py-0.5 text-xs text-slate-100 hover:bg-slate-700"
            onClick={() => {
              void navigator.clipboard?.writeText(code).then(() => setCopied(true));
            }}
          >
            {copied ? text.copied : text.copy}
          </button>
        </div>
      ) : null}
    </div>
  );
}
