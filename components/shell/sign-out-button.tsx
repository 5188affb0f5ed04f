"use client";

import { Button } from "@/components/ui/button";
import { signOut } from "./sign-out";

export function SignOutButton() {
  return (
    <Button variant="primary" onClick={() => void signOut()}>
      Sign out
    </Button>
  );
}
