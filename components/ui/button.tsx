/**
 * Button: the portal's only button style.
 *   <Button variant="primary|secondary|danger|ghost" size="sm|md|icon" pending>Save</Button>
 *   <ButtonLink href="/x" variant="primary">Go</ButtonLink> — a link that looks like a button.
 *   buttonVariants({ variant, size }) — the classes, for elements that must stay something else
 *   (a Radix trigger with asChild, a <summary>).
 * Colours come from the tokens in app/globals.css; solid fills keep AA contrast in both themes.
 */
import { cva, type VariantProps } from "class-variance-authority";
import { Loader2 } from "lucide-react";
import type { ComponentProps } from "react";
import { AppLink as Link } from "@/components/ui/app-link";
import { cn } from "./cn";

export const buttonVariants = cva(
  "inline-flex shrink-0 items-center justify-center gap-2 rounded-md font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed disabled:opacity-60",
  {
    variants: {
      variant: {
        primary: "bg-accent-solid text-on-solid hover:bg-accent-solid-hover",
        secondary: "border border-border-strong bg-surface-raised text-fg hover:bg-surface-sunken",
        danger: "bg-danger-solid text-on-solid hover:bg-danger-solid-hover",
        ghost: "text-fg hover:bg-surface-sunken",
      },
      size: {
        sm: "px-3 py-1.5 text-sm",
        md: "px-4 py-2 text-sm",
        icon: "p-2",
      },
    },
    defaultVariants: { variant: "secondary", size: "md" },
  },
);

export type ButtonVariant = NonNullable<VariantProps<typeof buttonVariants>["variant"]>;

type ButtonProps = ComponentProps<"button"> &
  VariantProps<typeof buttonVariants> & {
    /** shows a spinner and disables the button while an action runs */
    pending?: boolean;
  };

export function Button({ variant, size, pending, className, disabled, children, type, ...rest }: ButtonProps) {
  return (
    <button
      type={type ?? "button"}
      className={cn(buttonVariants({ variant, size }), className)}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      {...rest}
    >
      {pending ? <Loader2 aria-hidden="true" className="size-4 animate-spin" /> : null}
      {children}
    </button>
  );
}

export function ButtonLink({
  variant,
  size,
  className,
  ...rest
}: ComponentProps<typeof Link> & VariantProps<typeof buttonVariants>) {
  return <Link className={cn(buttonVariants({ variant, size }), className)} {...rest} />;
}
