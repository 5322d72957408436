import { AppLink } from "@/components/ui/app-link";
import type { AnchorHTMLAttributes, ComponentProps } from "react";
import type { VariantProps } from "class-variance-authority";
import { cn } from "@/lib/utils/cn";
import { buttonVariants } from "./button";

type Variants = VariantProps<typeof buttonVariants>;

/** A link that looks like a button: for in-app navigation. */
export function LinkButton({ className, variant = "secondary", size = "sm", ...props }: ComponentProps<typeof AppLink> & Variants) {
  return <AppLink data-slot="link-button" className={cn(buttonVariants({ variant, size }), className)} {...props} />;
}

/** A plain <a> that looks like a button: for file downloads from the API (a full request, not a route change). */
export function DownloadLink({ className, variant = "secondary", size = "sm", ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & Variants) {
  return <a data-slot="download-link" download className={cn(buttonVariants({ variant, size }), className)} {...props} />;
}
