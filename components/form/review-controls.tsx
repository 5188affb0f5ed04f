"use client";

import { submitButton } from "./input-styles";
import { PreviewPanel } from "./preview-panel";
import type { useReviewFlow } from "./use-review-flow";

/** The Review button (the form's submit) and, once reviewed, the preview with the commit button. */
export function ReviewControls({
  flow,
  review = "Review",
  title,
  commit,
  committing,
}: {
  flow: Pick<ReturnType<typeof useReviewFlow>, "pending" | "disabled" | "preview" | "commit">;
  review?: string;
  /** the preview's heading, e.g. "Review: what will be created" */
  title: string;
  commit: string;
  committing: string;
}) {
  return (
    <>
      <div>
        <button type="submit" className={submitButton} disabled={flow.disabled}>
          {flow.pending && !flow.preview ? "Checking with the cluster…" : review}
        </button>
      </div>
      {flow.preview ? (
        <PreviewPanel title={title} cluster="consumer" yaml={flow.preview.yaml} kubectl={flow.preview.kubectl}>
          <div>
            <button type="button" className={submitButton} disabled={flow.disabled} onClick={flow.commit}>
              {flow.pending ? committing : commit}
            </button>
          </div>
        </PreviewPanel>
      ) : null}
    </>
  );
}
