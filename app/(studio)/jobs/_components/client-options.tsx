/** The studio's clients as options of a select, each with the email that tells namesakes apart. */
export function ClientOptions({ contacts }: { contacts: { id: string; name: string; email: string | null }[] }) {
  return contacts.map((c) => (
    <option key={c.id} value={c.id}>
      {c.name}
      {c.email ? ` (${c.email})` : ""}
    </option>
  ));
}
