import { NotFoundState } from "@/components/ui/not-found-state";

export const metadata = { title: "Page not found" };

export default function RootNotFound() {
  return (
    <main id="main" className="px-6">
      <NotFoundState title="This page does not exist" home={{ href: "/", label: "Go to the home page" }}>
        The address may be mistyped, or the page was moved.
      </NotFoundState>
    </main>
  );
}
