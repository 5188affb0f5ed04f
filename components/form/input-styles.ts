export const inputClass =
  "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-900 dark:aria-[invalid=true]:border-red-400";

export const labelClass = "text-sm font-medium";

export const helpClass = "text-xs text-slate-600 dark:text-slate-400";

export const errorClass = "text-sm text-red-700 dark:text-red-300";

export const dangerButton =
  "inline-flex items-center gap-2 rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-50 dark:bg-red-600 dark:hover:bg-red-500";

// primaryButton (components/ui) turns sky-600 in dark mode, which is below 4.5:1 against white
// text; these buttons keep sky-700 in both themes.
export const submitButton =
  "inline-flex items-center gap-2 rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50";
