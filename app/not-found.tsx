import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-4 p-6">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p>There is nothing at this address.</p>
      <Link href="/" className="text-sky-700 underline dark:text-sky-400">
        Go to the dashboard
      </Link>
    </main>
  );
}
