import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { requireAdminContext } from "@/lib/auth/context";

export const metadata = { title: "Admin" };

const TOOLS = [
  [
    "/admin/broadcasts",
    "Notify All Users",
    "Announce something on every photographer's dashboard, for a period you choose.",
  ],
] as const;

export default async function AdminHomePage() {
  const { user: admin } = await requireAdminContext();
  return (
    <>
      <PageHeader title={`Hello, ${admin.name.split(" ")[0]}`} />
      <Card title="Admin tools">
        <ul className="divide-y divide-slate-100">
          {TOOLS.map(([href, label, description]) => (
            <li key={href} className="py-3">
              <Link href={href} className="font-medium text-brand-600 hover:underline">
                {label}
              </Link>
              <p className="text-sm text-slate-500">{description}</p>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
