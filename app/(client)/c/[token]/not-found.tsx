export const metadata = { title: "Link not valid" };
export default function ContractNotFound() {
  return (
    <div className="rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
      <h1 className="text-xl font-semibold text-slate-900">This contract link is not valid</h1>
      <p className="mt-3 text-sm text-slate-600">
        It may have been mistyped, or replaced by a newer link. Please use the latest link the studio emailed you, or
        ask them to send the contract again.
      </p>
    </div>
  );
}
