// The client's side: no studio shell, no account, nothing but the questionnaire.
export default function ClientQuestionnaireLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50">
      <main className="mx-auto max-w-2xl px-4 py-10">{children}</main>
    </div>
  );
}
