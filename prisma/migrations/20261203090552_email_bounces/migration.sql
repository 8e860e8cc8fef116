-- Bounces (issue #17, delivery truth): an email the recipient's server returned after accepting
-- it for delivery, reported by a delivery status notification to its VERP envelope sender
-- (lib/email/bounces.ts).

-- AlterEnum
ALTER TYPE "EmailStatus" ADD VALUE 'BOUNCED';

-- AlterEnum
ALTER TYPE "EmailEventKind" ADD VALUE 'BOUNCED';

