import { ClientShell } from "@/components/pipeline/client-shell";

export default function InquiryLayout({ children }: { children: React.ReactNode }) {
  return <ClientShell>{children}</ClientShell>;
}
