"use client";

import type { ReactNode } from "react";
import { FormErrorPanel } from "./form-error-panel";
import { ReviewControls } from "./review-controls";
import type { useReviewFlow } from "./use-review-flow";

/**
 * A form on the review flow: its fields (`children`), submitting reviews; then why it was not done,
 * or what was done (`done`), and the review controls. Creating is the default wording.
 */
export function ReviewForm({
  label,
  gap = "gap-5",
  flow,
  formError,
  notDone,
  done,
  children,
  ...controls
}: {
  label: string;
  gap?: "gap-4" | "gap-5";
  flow: ReturnType<typeof useReviewFlow>;
  formError: ReturnType<typeof useReviewFlow>["formError"];
  /** the error panel's title, e.g. "Nothing was changed" */
  notDone: string;
  done?: ReactNode;
  review?: string;
  title?: string;
  commit: string;
  committing?: string;
  children: ReactNode;
}) {
  return (
    <form
      noValidate
      aria-label={label}
      className={`flex max-w-2xl flex-col ${gap}`}
      onSubmit={(e) => {
        e.preventDefault();
        flow.review();
      }}
    >
      {children}
      {formError ? <FormErrorPanel error={formError} title={notDone} /> : null}
      {done ? (
        <output className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          {done}
        </output>
      ) : null}
      <ReviewControls flow={flow} title="Review: what will be created" committing="Creating…" {...controls} />
    </form>
  );
}
