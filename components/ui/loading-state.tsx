/** What a loading.tsx shows while the page's data streams in: the page's outline, announced once. */
export function LoadingState({ label }: { label: string }) {
  return (
    <div aria-busy="true" className="space-y-6">
      <span className="sr-only">{label}</span>
      <div className="h-8 w-56 animate-pulse rounded-md bg-slate-200" />
      <div className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        {[0, 1, 2, 3, 4].map((i) => (
          <div key={i} className="h-5 animate-pulse rounded bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
