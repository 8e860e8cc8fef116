export const metadata = { title: "Link not valid" };
export default function InvoiceNotFound() {
  return (
    <div className="rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
      <h1 className="text-xl font-semibold text-slate-900">This invoice is not available</h1>
      <p className="mt-3 text-sm text-slate-600">
        The link may have been mistyped. Please contact the studio that sent it.
      </p>
    </div>
  );
}
