import { buttonVariants } from "@/components/ui/button";

export const inputClass =
  "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-900 dark:aria-[invalid=true]:border-red-400";

export const labelClass = "text-sm font-medium";

export const helpClass = "text-xs text-slate-600 dark:text-slate-400";

export const errorClass = "text-sm text-red-700 dark:text-red-300";

// Button looks come from the one Button primitive (components/ui/button.tsx).
export const dangerButton = buttonVariants({ variant: "danger" });

export const submitButton = buttonVariants({ variant: "primary" });
