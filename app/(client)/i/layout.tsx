import { ClientShell } from "@/components/pipeline/client-shell";

export default function ClientInvoiceLayout({ children }: { children: React.ReactNode }) {
  return <ClientShell>{children}</ClientShell>;
}
