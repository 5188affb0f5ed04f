// Joins class names; the one helper every primitive uses (clsx semantics).
export { clsx as cn } from "clsx";
