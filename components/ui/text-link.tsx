/**
 * TextLink: an inline link in running text (underlined, accent colour, AA in both themes).
 *   <TextLink href="/catalog">catalog</TextLink>; linkClass for a plain <a>.
 */

import type { ComponentProps } from "react";
import { AppLink as Link } from "@/components/ui/app-link";
import { cn } from "./cn";

export const linkClass = "font-medium text-accent underline underline-offset-2 hover:no-underline";

export function TextLink({ className, ...rest }: ComponentProps<typeof Link>) {
  return <Link className={cn(linkClass, className)} {...rest} />;
}
