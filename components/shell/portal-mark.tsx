/** The portal's mark: two linked clusters (the same drawing as app/icon.svg). */
export function PortalMark() {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className="size-8 shrink-0">
      <rect width="32" height="32" rx="7" className="fill-accent-solid" />
      <circle cx="11" cy="16" r="5" fill="none" stroke="white" strokeWidth="2.5" />
      <circle cx="21" cy="16" r="5" fill="none" stroke="white" strokeWidth="2.5" />
    </svg>
  );
}
