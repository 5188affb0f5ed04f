"use client";

import { useState } from "react";
import { type FormModel, initialValues } from "@/lib/forms/form-model";
import { CONFIGMAP_FIELD, type CreateInput } from "@/lib/loadbalancer/draft";
import { CUSTOM_HEADER_KEY } from "@/lib/loadbalancer/form";
import type { Entry } from "./configmap-entries";
import type { ConfigMapMode } from "./configmap-settings";

/**
 * The create form's values. Every change reports the fields it touched to `edited` (the review
 * flow's), which drops their errors and the preview: it must match what gets applied.
 */
export function useCreateForm(model: FormModel, namespaces: string[], changed: (...paths: string[]) => void) {
  const [namespace, setNamespace] = useState(namespaces[0] ?? "");
  const [name, setName] = useState("");
  const [values, setValues] = useState<Record<string, string | boolean>>(() => initialValues(model));
  const [cmMode, setCmMode] = useState<ConfigMapMode>("new");
  const [cmNameTouched, setCmNameTouched] = useState(false);
  const [entries, setEntries] = useState<Entry[]>([{ key: CUSTOM_HEADER_KEY, value: "" }]);

  return {
    namespace,
    name,
    values,
    cmMode,
    entries,
    setNamespace(ns: string) {
      changed("namespace", CONFIGMAP_FIELD);
      setNamespace(ns);
      if (cmMode === "existing") setValues((v) => ({ ...v, [CONFIGMAP_FIELD]: "" }));
    },
    setName(n: string) {
      changed("name");
      setName(n);
      // Until the user names the ConfigMap, it follows the LoadBalancer's name.
      if (!cmNameTouched && cmMode === "new") setValues((v) => ({ ...v, [CONFIGMAP_FIELD]: n ? `${n}-config` : "" }));
    },
    setValue(path: string, value: string | boolean) {
      changed(path);
      if (path === CONFIGMAP_FIELD) setCmNameTouched(true);
      setValues((v) => ({ ...v, [path]: value }));
    },
    setValuesAt(patch: Record<string, string>) {
      changed(...Object.keys(patch));
      setValues((v) => ({ ...v, ...patch }));
    },
    setCmMode(mode: ConfigMapMode) {
      changed(CONFIGMAP_FIELD, "configMap");
      setCmMode(mode);
      setCmNameTouched(mode === "existing");
      setValues((v) => ({ ...v, [CONFIGMAP_FIELD]: mode === "new" && name ? `${name}-config` : "" }));
    },
    setEntries(next: Entry[]) {
      changed("configMap");
      setEntries(next);
    },
    input(): CreateInput {
      return {
        namespace,
        name,
        values,
        configMap: cmMode === "new" ? { mode: "new", entries } : { mode: "existing" },
      };
    },
  };
}
