import { ClientShell } from "@/components/pipeline/client-shell";

export default function ContractLayout({ children }: { children: React.ReactNode }) {
  return <ClientShell>{children}</ClientShell>;
}
