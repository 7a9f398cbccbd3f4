/**
 * Disk access for the workspace index: lists the YAML files under a workspace folder and reads them the way
 * an editor would (UTF-8, undecodable bytes replaced so the parser reports them). Descriptors are recognised
 * by content, not name, so every `*.yaml`/`*.yml` is a candidate; a cheap look at the top of the file
 * (`kind: DataContract|DataProduct`) spares the full parse of other YAML.
 */
import type { Dirent, Stats } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MAX_DESCRIPTOR_CHARS } from '../core/yaml/parse';

/** Folders that never hold an author's descriptors and can be huge. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const YAML_FILE = /\.ya?ml$/i;
const KIND_LINE = /^kind:[ \t]*["']?Data(?:Contract|Product)\b/m;

/** Every `*.yaml`/`*.yml` below `folder`, skipping node_modules and .git; symbolic links are not followed. */
export async function listYamlFiles(folder: string): Promise<string[]> {
  const files: string[] = [];
  const pending = [folder];
  while (pending.length) {
    const current = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch {
      continue; // unreadable or vanished while we walked: nothing to index there
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(join(current, entry.name));
      } else if (entry.isFile() && YAML_FILE.test(entry.name)) {
        files.push(join(current, entry.name));
      }
    }
  }
  return files.sort();
}

export function isYamlPath(path: string): boolean {
  return YAML_FILE.test(path);
}

/** The file's text when it may be a descriptor, else undefined (missing, too large, or no `kind` line). */
export async function readCandidate(path: string): Promise<string | undefined> {
  try {
    return candidateText(await readFile(path));
  } catch {
    return undefined;
  }
}

/**
 * Identifies one content of a file on disk (modification time and size), so a file whose stamp is unchanged is
 * not read and parsed again, e.g. when an editor closes it without saving.
 */
export type FileStamp = string;

/**
 * `readCandidate` plus the stamp of the content read (taken from the open file, so the two match); undefined
 * when the file cannot be read. `text` is undefined for a file that is not a descriptor.
 */
export async function readCandidateWithStamp(path: string): Promise<{ text: string | undefined; stamp: FileStamp } | undefined> {
  try {
    const handle = await open(path, 'r');
    try {
      const stamp = stampOf(await handle.stat());
      return { text: candidateText(await handle.readFile()), stamp };
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

/** The current stamp of the file, undefined when it is gone. */
export async function fileStamp(path: string): Promise<FileStamp | undefined> {
  try {
    return stampOf(await stat(path));
  } catch {
    return undefined;
  }
}

function stampOf(stats: Stats): FileStamp {
  return `${stats.mtimeMs}:${stats.size}`;
}

function candidateText(bytes: Buffer): string | undefined {
  if (bytes.length > MAX_DESCRIPTOR_CHARS) return undefined;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return KIND_LINE.test(text) ? text : undefined;
}

/** The file path of a `file:` URI, undefined for any other scheme. */
export function filePath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** The URI Node writes for the same file, so an editor's differently encoded URI still matches the disk entry. */
export function canonicalUri(uri: string): string {
  const path = filePath(uri);
  return path ? pathToFileURL(path).href : uri;
}

/** True when the file is one of the folders or below one. */
export function insideFolders(uri: string, folders: readonly string[]): boolean {
  const path = filePath(uri);
  return path !== undefined && folders.some((folder) => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep));
}
