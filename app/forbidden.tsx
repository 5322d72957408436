import { AppLink } from "@/components/ui/app-link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-md p-8 text-center">
      <h1 className="text-2xl font-semibold">Not available to your role</h1>
      <p className="mt-2 text-muted">This page is for account owners. Ask an owner if you need what it shows.</p>
      <AppLink href="/" className="mt-4 inline-block text-accent underline">
        Back to the overview
      </AppLink>
    </main>
  );
}
