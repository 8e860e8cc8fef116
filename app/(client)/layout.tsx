// The client's side: no studio navigation, no account, just the page they were sent to.
export default function ClientLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50">
      <main id="main" className="mx-auto max-w-2xl px-4 py-10">
        {children}
      </main>
      <footer className="pb-8 text-center text-xs text-slate-600">Powered by ShootQ</footer>
    </div>
  );
}
