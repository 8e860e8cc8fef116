import { hashToken } from "./tokens";

/** Any client, the routed one, the primary's or a transaction: only the directory is read. */
type DirectoryReader = {
  linkDirectory: {
    findUnique(args: {
      where: { tokenHash: string };
      select: { studioId: true };
    }): PromiseLike<{ studioId: string } | null>;
  };
};

// A link's token (a client's proposal, contract, invoice or questionnaire, an invitation, an API
// token) arrives with no studio. The directory names it; the row is then read within that studio
// by (studioId, tokenHash), as every studio read is. The database fills the directory (a trigger on
// each table with a tokenHash), so nothing here writes it.

/** Where the row a token opens is found: its studio and the token's hash, or null for no such link. */
export async function findLink(
  db: DirectoryReader,
  token: string,
): Promise<{ studioId: string; tokenHash: string } | null> {
  const tokenHash = hashToken(token);
  const entry = await db.linkDirectory.findUnique({ where: { tokenHash }, select: { studioId: true } });
  return entry && { studioId: entry.studioId, tokenHash };
}
