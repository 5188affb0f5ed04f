"use client";

import { useRef } from "react";
import { buttonVariants } from "@/components/ui/button";
import { submitButton } from "./input-styles";
import { PreviewPanel } from "./preview-panel";
import type { useReviewFlow } from "./use-review-flow";

const secondaryButton = buttonVariants({ variant: "secondary" });

/**
 * The Review button (the form's submit) and, once reviewed, the preview with the commit and Back
 * buttons at its top. Back returns to the form with every value kept.
 */
export function ReviewControls({
  flow,
  review = "Review",
  title,
  commit,
  committing,
}: {
  flow: Pick<ReturnType<typeof useReviewFlow>, "pending" | "disabled" | "preview" | "commit" | "back">;
  review?: string;
  /** the preview's heading, e.g. "Review: what will be created" */
  title: string;
  commit: string;
  committing: string;
}) {
  const reviewButton = useRef<HTMLButtonElement>(null);
  return (
    <>
      <div>
        <button ref={reviewButton} type="submit" className={submitButton} disabled={flow.disabled}>
          {flow.pending && !flow.preview ? "Checking with the cluster…" : review}
        </button>
      </div>
      {flow.preview ? (
        <PreviewPanel
          title={title}
          cluster="consumer"
          yaml={flow.preview.yaml}
          kubectl={flow.preview.kubectl}
          changes={flow.preview.changes}
          actions={
            <>
              <button type="button" className={submitButton} disabled={flow.disabled} onClick={flow.commit}>
                {flow.pending ? committing : commit}
              </button>
              <button
                type="button"
                className={secondaryButton}
                disabled={flow.pending}
                onClick={() => {
                  flow.back();
                  requestAnimationFrame(() => reviewButton.current?.focus());
                }}
              >
                Back to the form
              </button>
            </>
          }
        />
      ) : null}
    </>
  );
}
