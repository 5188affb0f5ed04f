"use client";

/**
 * Toasts: short notices that do not move the page (a failed action, a done action).
 * <Toaster /> is mounted once in the root layout; anywhere in a client component:
 *   toast({ tone: "danger", title: "Test request failed", description: message })
 * The Radix part (toast-list.tsx) loads with the first toast, not with every page.
 */
import dynamic from "next/dynamic";
import { type ReactNode, useSyncExternalStore } from "react";

export interface ToastItem {
  id: number;
  tone: "info" | "success" | "danger";
  title: string;
  description?: ReactNode;
}

// A tiny module store: toast() can be called from any handler without a context.
let items: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => {
  for (const l of listeners) l();
};

export function toast(t: Omit<ToastItem, "id">): void {
  items = [...items, { ...t, id: nextId++ }];
  emit();
}

export function dismiss(id: number) {
  items = items.filter((t) => t.id !== id);
  emit();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const EMPTY: ToastItem[] = [];

// Browser only: Radix's viewport carries a style attribute, which server HTML must not contain
// under a strict Content-Security-Policy (set from script, it is allowed).
const ToastList = dynamic(() => import("./toast-list").then((m) => m.ToastList), { ssr: false });

export function Toaster() {
  const list = useSyncExternalStore(
    subscribe,
    () => items,
    () => EMPTY,
  );
  return list.length ? <ToastList items={list} /> : null;
}
