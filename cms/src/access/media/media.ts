// Media belong to an organisation: each organisation has one folder in the media library (created
// with its partner role), and a file or folder belongs to the organisation whose folder it is in.
// Pure helpers; the guard on the upload plugin's admin routes is media-guard.ts.

/** Upload folders store their place as a path of ids ("/3/12"); a file its folder's path. */
export function isInside(path: string | null | undefined, roots: readonly string[]): boolean {
  if (!path) return false;
  return roots.some((root) => path === root || path.startsWith(`${root}/`));
}

/** A filter on a path attribute (`folderPath` of a file, `path` of a folder) for the roots' trees. */
export function insideFilter(attribute: string, roots: readonly string[]): Record<string, unknown> {
  // No roots: a filter that matches nothing (paths always start with "/").
  if (roots.length === 0) return { [attribute]: { $eq: '' } };
  return {
    $or: roots.flatMap((root) => [{ [attribute]: { $eq: root } }, { [attribute]: { $startsWith: `${root}/` } }]),
  };
}

export type FolderNode = { id: number; name?: string; children?: FolderNode[] };

/**
 * The folder structure (GET /upload/folder-structure) as a partner may see it: the subtrees of its
 * organisation folders, wherever the programme editor put them, at the top.
 */
export function pruneStructure(nodes: readonly FolderNode[], rootIds: readonly number[]): FolderNode[] {
  const out: FolderNode[] = [];
  const walk = (list: readonly FolderNode[]) => {
    for (const node of list) {
      if (rootIds.includes(Number(node.id))) out.push(node);
      else walk(node.children ?? []);
    }
  };
  walk(nodes);
  return out;
}

/** An id from a route or body as the database has it, or null when it cannot be one. */
export function toId(value: unknown): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  if (typeof value === 'string' && /^[1-9]\d{0,15}$/.test(value)) return Number(value);
  return null;
}

type FileInfo = Record<string, unknown>;

/**
 * The upload plugin reads `fileInfo` as a JSON string, an object, or a list of either (one per
 * file). Returns the parsed list and a function that writes a changed list back in the shape it came.
 */
export function readFileInfos(
  raw: unknown,
  fileCount: number,
): { infos: FileInfo[]; write: (infos: FileInfo[]) => unknown } {
  const parse = (v: unknown): FileInfo => {
    if (typeof v === 'string') {
      try {
        const parsed = JSON.parse(v);
        return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
      } catch {
        return {};
      }
    }
    return v && typeof v === 'object' && !Array.isArray(v) ? { ...(v as FileInfo) } : {};
  };
  const list = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
  const asString = list.length === 0 ? true : typeof list[0] === 'string';
  const infos = list.map(parse);
  const write = (next: FileInfo[]) => {
    const shaped = next.map((info) => (asString ? JSON.stringify(info) : info));
    // One file: one fileInfo, as the admin panel sends it; several: a list.
    return !Array.isArray(raw) && shaped.length === 1 && fileCount <= 1 ? shaped[0] : shaped;
  };
  return { infos, write };
}

export type MediaOwner = { slug: string; folderId: number; path: string };

/**
 * Which organisation folder a file of an earlier upload belongs in: the one of its uploader's
 * organisation when the uploader was a partner (only partner roles) and the file is not yet in
 * any organisation's folder. Null: leave it where it is.
 */
export function adoptionTarget(
  file: { folderPath?: string | null; creatorSlugs: string[] | null },
  owners: readonly MediaOwner[],
): MediaOwner | null {
  if (!file.creatorSlugs || file.creatorSlugs.length === 0) return null;
  if (
    isInside(
      file.folderPath,
      owners.map((o) => o.path),
    )
  )
    return null;
  return owners.find((o) => o.slug === file.creatorSlugs[0]) ?? null;
}
